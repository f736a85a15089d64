package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The three descriptions of the worker agree: the element template a lead drops into a diagram
 * (workers/migration-port.json, valid against Camunda's schema), the contract document
 * (workers/migration-port.md) and the code (job type, fetched variables, input and output records).
 */
class MigrationPortContractTest {

  static final Path TEMPLATE = Path.of("workers/migration-port.json");
  static final Path DOC = Path.of("workers/migration-port.md");
  final ObjectMapper json = new ObjectMapper();

  @Test
  void theTemplateIsValidAgainstCamundasElementTemplateSchema() throws Exception {
    Set<ValidationMessage> problems = schema().validate(json.readTree(TEMPLATE.toFile()));
    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesABrokenTemplate() throws Exception {
    JsonNode broken = json.readTree(TEMPLATE.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("properties").get(0).get("binding")).remove("property");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("appliesTo");
    assertThat(schema().validate(broken)).isNotEmpty();
  }

  @Test
  void templateDocAndWorkerNameTheSameJobType() throws Exception {
    JobWorker annotation = workerMethodAnnotation();
    assertThat(annotation.type()).isEqualTo(MigrationPortWorker.JOB_TYPE).isEqualTo("migration-port");
    JsonNode type = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:taskDefinition")
            && p.path("binding").path("property").asText().equals("type"))
        .findFirst().orElseThrow();
    assertThat(type.path("type").asText()).isEqualTo("Hidden");
    assertThat(type.path("value").asText()).isEqualTo(MigrationPortWorker.JOB_TYPE);
    assertThat(json.readTree(TEMPLATE.toFile()).path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
    String doc = Files.readString(DOC);
    assertThat(doc).contains("Job type: `" + MigrationPortWorker.JOB_TYPE + "`", "`" + MigrationPortWorker.ERROR_CODE + "`");
  }

  @Test
  void inputVariablesAgreeEverywhere() throws Exception {
    List<String> record = Arrays.stream(MigrationPortRequest.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(MigrationPortRequest.VARIABLES).containsExactlyElementsOf(record);
    assertThat(workerMethodAnnotation().fetchVariables()).containsExactlyElementsOf(record);
    List<String> template = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:input"))
        .map(p -> p.path("binding").path("name").asText()).toList();
    assertThat(template).containsExactlyInAnyOrderElementsOf(record);
    assertThat(documentedNames("## Inputs")).containsExactlyInAnyOrderElementsOf(record);
  }

  @Test
  void outputVariablesAgreeEverywhere() throws Exception {
    List<String> record = Arrays.stream(MigrationPortResult.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(MigrationPortResult.VARIABLES).containsExactlyElementsOf(record);
    List<String> template = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:output"))
        .map(p -> p.path("binding").path("source").asText().replaceFirst("^=", "")).toList();
    assertThat(template).containsExactlyInAnyOrderElementsOf(record);
    assertThat(documentedNames("## Outputs")).containsExactlyInAnyOrderElementsOf(record);
  }

  @Test
  void everyDropdownChoiceIsAcceptedByTheWorker() throws Exception {
    for (JsonNode p : properties()) {
      if (!p.path("type").asText().equals("Dropdown")) {
        continue;
      }
      String variable = p.path("binding").path("name").asText();
      for (JsonNode choice : p.path("choices")) {
        Map<String, Object> v = PortFixtures.audienceOsVariables("sandbox");
        v.put(variable, choice.path("value").asText());
        if (choice.path("value").asText().equals("SET NULL")) {
          v.put("tenantColumnNullable", true);
        }
        assertThat(PortFixtures.request(v).validate()).as(variable + " = " + choice).isNotNull();
      }
    }
  }

  @Test
  void templateDefaultsAreTheWorkersDefaults() throws Exception {
    // A template default that differs from the worker's would make "left empty" and "default" mean different things.
    PortSettings defaults = PortFixtures.request(Map.of("sourceWorkspace", "a", "sourceFiles", List.of("x.sql"),
        "targetWorkspace", "b", "targetDirectory", "d", "numberingStart", 1, "targetDatabase", "db")).validate();
    Map<String, String> expected = Map.of(
        "ownerColumn", defaults.ownerColumn(), "tenantColumn", defaults.tenant().name(), "tenantColumnType", defaults.tenant().type(),
        "tenantColumnNullable", Boolean.toString(defaults.tenant().nullable()), "tenantOnDelete", defaults.tenant().onDelete(),
        "tenantIndex", Boolean.toString(defaults.tenant().index()), "ownerOptional", Boolean.toString(defaults.ownerOptional()),
        "dryRun", Boolean.toString(defaults.dryRun()), "targetNaming", defaults.naming().name().toLowerCase(),
        "policyMode", defaults.policyMode().name().toLowerCase().replace('_', '-'));
    for (JsonNode p : properties()) {
      String name = p.path("binding").path("name").asText();
      if (expected.containsKey(name)) {
        assertThat(p.path("value").asText()).as(name).isEqualTo(expected.get(name));
      }
    }
  }

  @Test
  void theBundledExampleDiagramUsesTheTemplateAsModelerWouldWriteIt() throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/sprintflow-migration-port-example.bpmn").toFile());
    JsonNode template = json.readTree(TEMPLATE.toFile());
    List<ServiceTask> templated = model.getModelElementsByType(ServiceTask.class).stream()
        .filter(t -> template.path("id").asText().equals(t.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplate")))
        .toList();
    assertThat(templated).hasSize(1);
    ServiceTask task = templated.getFirst();
    assertThat(task.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateVersion")).isEqualTo(template.path("version").asText());
    assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).isEqualTo(MigrationPortWorker.JOB_TYPE);
    ZeebeIoMapping io = task.getSingleExtensionElement(ZeebeIoMapping.class);
    List<String> inputs = io.getInputs().stream().map(ZeebeInput::getTarget).toList();
    List<String> required = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:input") && p.path("constraints").path("notEmpty").asBoolean())
        .map(p -> p.path("binding").path("name").asText()).toList();
    assertThat(MigrationPortRequest.VARIABLES).containsAll(inputs);
    assertThat(inputs).containsAll(required);
    assertThat(io.getOutputs().stream().map(o -> o.getSource().substring(1)).toList())
        .containsExactlyInAnyOrderElementsOf(MigrationPortResult.VARIABLES);
  }

  private static JobWorker workerMethodAnnotation() throws NoSuchMethodException {
    return MigrationPortWorker.class.getMethod("port", ActivatedJob.class).getAnnotation(JobWorker.class);
  }

  private List<JsonNode> properties() throws Exception {
    return StreamSupport.stream(json.readTree(TEMPLATE.toFile()).path("properties").spliterator(), false).toList();
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in = MigrationPortContractTest.class.getResourceAsStream("/element-templates/zeebe-element-templates-schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  /** Backticked names in the first column of the table under a heading of the contract document. */
  private static List<String> documentedNames(String heading) throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading + " in " + DOC).isNotNegative();
    int end = doc.indexOf("\n## ", start + heading.length() + 2);
    Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(doc.substring(start, end < 0 ? doc.length() : end));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
