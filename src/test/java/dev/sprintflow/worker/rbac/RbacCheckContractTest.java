package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

/**
 * The element template (valid for Camunda Modeler), the contract document and the code agree on
 * the job type, the variables in and out and the error codes; the document's examples work.
 */
class RbacCheckContractTest {

  static final Path TEMPLATE = Path.of("workers/rbac-check.json");
  static final Path DOC = Path.of("workers/rbac-check.md");
  final ObjectMapper json = new ObjectMapper();

  @Test
  void theTemplateIsValidAgainstCamundasElementTemplateSchema() throws Exception {
    assertThat(schema().validate(json.readTree(TEMPLATE.toFile()))).isEmpty();
  }

  @Test
  void theSchemaCheckWouldCatchABrokenTemplate() throws Exception {
    ObjectNode broken = (ObjectNode) json.readTree(TEMPLATE.toFile());
    broken.remove("appliesTo");
    ((ObjectNode) broken.get("properties").get(0).get("binding")).remove("property");
    assertThat(schema().validate(broken)).isNotEmpty();
  }

  @Test
  void templateDocAndWorkerNameTheSameJobType() throws Exception {
    assertThat(workerAnnotation().type()).isEqualTo(RbacCheckWorker.JOB_TYPE).isEqualTo("rbac-check");
    JsonNode template = json.readTree(TEMPLATE.toFile());
    JsonNode type = properties().stream()
        .filter(p -> binding(p).equals("zeebe:taskDefinition") && p.path("binding").path("property").asText().equals("type"))
        .findFirst().orElseThrow();
    assertThat(type.path("type").asText()).isEqualTo("Hidden");
    assertThat(type.path("value").asText()).isEqualTo(RbacCheckWorker.JOB_TYPE);
    assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(template.path("appliesTo").get(0).asText()).isEqualTo("bpmn:Task");
    assertThat(Files.readString(DOC)).contains("Job type: `" + RbacCheckWorker.JOB_TYPE + "`");
  }

  @Test
  void inputsAgreeEverywhere() throws Exception {
    assertThat(workerAnnotation().fetchVariables()).containsExactly(RbacCheckInput.VARIABLE);
    List<String> record = Arrays.stream(RbacCheckInput.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(RbacCheckInput.FIELDS).containsExactlyElementsOf(record);
    List<String> qualified = record.stream().map(f -> RbacCheckInput.VARIABLE + "." + f).toList();
    List<String> template = properties().stream().filter(p -> binding(p).equals("zeebe:input"))
        .map(p -> p.path("binding").path("name").asText()).toList();
    assertThat(template).containsExactlyInAnyOrderElementsOf(qualified);
    assertThat(documentedNames("## Inputs")).containsExactlyInAnyOrderElementsOf(qualified);
  }

  @Test
  void outputsAgreeEverywhere() throws Exception {
    List<String> record = Arrays.stream(RbacCheckResult.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(RbacCheckResult.VARIABLES).containsExactlyElementsOf(record);
    assertThat(workerMethod().getReturnType()).isEqualTo(RbacCheckResult.class);
    List<String> template = properties().stream().filter(p -> binding(p).equals("zeebe:output"))
        .map(p -> p.path("binding").path("source").asText().replaceFirst("^=", "")).toList();
    assertThat(template).containsExactlyInAnyOrderElementsOf(record);
    assertThat(documentedNames("## Outputs")).containsExactlyInAnyOrderElementsOf(record);
    // the evidence fields the document lists are the record's
    List<String> evidence = Arrays.stream(CellEvidence.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(Files.readString(DOC)).contains(evidence.stream().map(f -> "`" + f + "`").toList());
  }

  @Test
  void errorCodesAreDocumentedHereAndForWorkerAuthors() throws Exception {
    String doc = Files.readString(DOC);
    String readme = Files.readString(Path.of("workers/README.md"));
    for (String code : List.of(dev.sprintflow.lifecycle.LifecycleErrors.RBAC_VIOLATION, RbacCheckWorker.INCONCLUSIVE,
        RbacCheckWorker.CONFIG_INVALID)) {
      assertThat(doc).contains("`" + code + "`");
      assertThat(readme).contains("`" + code + "`");
    }
  }

  @Test
  void theDocumentsExamplesWorkTogether() throws Exception {
    List<String> yamlBlocks = yamlBlocks(Files.readString(DOC));
    String compact = yamlBlocks.stream().filter(b -> b.startsWith("roles:")).findFirst().orElseThrow();
    String config = yamlBlocks.stream().filter(b -> b.startsWith("sprintflow:")).findFirst().orElseThrow();
    PermissionMatrix matrix = PermissionMatrixParser.parse(compact, "compact form");
    assertThat(matrix.cells()).hasSize(32);

    var sources = new YamlPropertySourceLoader()
        .load("doc", new ByteArrayResource(config.getBytes(StandardCharsets.UTF_8)));
    RbacTargets targets = new Binder(ConfigurationPropertySources.from(sources))
        .bind("sprintflow.rbac", RbacTargets.class).get();
    RbacTargets.Target target = targets.require("audienceos-staging");
    assertThat(target.roles().get("manager").auth().type()).isEqualTo(RbacTargets.AuthType.CLIENT_CREDENTIALS);
    assertThat(ProbePlanner.plan("audienceos-staging", target, matrix)).hasSize(32);
    // the plan example and the example plan file state the same, larger matrix, which the config covers too
    PermissionMatrix planned = PermissionMatrixParser.parse(RbacFixtures.exampleInputs().get("matrix"), "plan");
    assertThat(ProbePlanner.plan("audienceos-staging", target, planned)).hasSize(48);
    assertThat(RbacFixtures.exampleInputs()).containsEntry("target", "audienceos-staging");
  }

  @Test
  void theTemplatesDefaultMatrixIsValid() throws Exception {
    JsonNode matrix = properties().stream()
        .filter(p -> p.path("binding").path("name").asText().equals("inputs.matrix")).findFirst().orElseThrow();
    assertThat(PermissionMatrixParser.parse(matrix.path("value").asText(), "template").roles())
        .containsExactly("owner", "admin", "manager", "member");
  }

  private static java.lang.reflect.Method workerMethod() throws NoSuchMethodException {
    return RbacCheckWorker.class.getMethod("check", ActivatedJob.class, Map.class);
  }

  private static JobWorker workerAnnotation() throws NoSuchMethodException {
    return workerMethod().getAnnotation(JobWorker.class);
  }

  private static String binding(JsonNode property) {
    return property.path("binding").path("type").asText();
  }

  private List<JsonNode> properties() throws Exception {
    return StreamSupport.stream(json.readTree(TEMPLATE.toFile()).path("properties").spliterator(), false).toList();
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in = RbacCheckContractTest.class.getResourceAsStream("/element-templates/zeebe-element-templates-schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  /** Backticked names in the first column of the table under a heading of the contract document. */
  private static List<String> documentedNames(String heading) throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading + " in " + DOC).isNotNegative();
    int end = doc.indexOf("\n## ", start + heading.length() + 2);
    Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z.]+)` \\|").matcher(doc.substring(start, end < 0 ? doc.length() : end));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> yamlBlocks(String markdown) {
    Matcher m = Pattern.compile("(?s)```yaml\\n(.*?)```").matcher(markdown);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
