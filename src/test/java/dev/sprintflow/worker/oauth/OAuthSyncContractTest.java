package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.sprintflow.lifecycle.LifecycleErrors;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Error;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The descriptions of the worker agree: element template (valid against Camunda's schema), contract
 * document, worker code and the schedule process (job type, variable names, error codes).
 */
class OAuthSyncContractTest {

  static final Path TEMPLATE = Path.of("workers/oauth-sync.json");
  static final Path DOC = Path.of("workers/oauth-sync.md");
  static final Path SCHEDULE = Path.of("bpmn/oauth-sync-schedule.bpmn");
  final ObjectMapper json = new ObjectMapper();

  @Test
  void theTemplateIsValidAgainstCamundasElementTemplateSchema() throws Exception {
    assertThat(schema().validate(json.readTree(TEMPLATE.toFile()))).isEmpty();
    JsonNode broken = json.readTree(TEMPLATE.toFile());
    ((ObjectNode) broken.get("properties").get(0).get("binding")).remove("property");
    assertThat(schema().validate(broken)).as("the check catches a broken binding").isNotEmpty();
  }

  @Test
  void templateDocWorkerAndScheduleNameTheSameJobType() throws Exception {
    assertThat(workerAnnotation().type()).isEqualTo(OAuthSyncWorker.JOB_TYPE).isEqualTo("oauth-sync");
    JsonNode type = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:taskDefinition")
            && p.path("binding").path("property").asText().equals("type"))
        .findFirst().orElseThrow();
    assertThat(type.path("type").asText()).isEqualTo("Hidden");
    assertThat(type.path("value").asText()).isEqualTo(OAuthSyncWorker.JOB_TYPE);
    JsonNode template = json.readTree(TEMPLATE.toFile());
    assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(template.path("appliesTo").get(0).asText()).isEqualTo("bpmn:Task");
    assertThat(Files.readString(DOC)).contains("Job type: `" + OAuthSyncWorker.JOB_TYPE + "`",
        "`" + LifecycleErrors.OAUTH_REAUTH_REQUIRED + "`", "`" + LifecycleErrors.WORK_FAILED + "`");
    assertThat(scheduleTask().getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).isEqualTo(OAuthSyncWorker.JOB_TYPE);
  }

  @Test
  void inputVariablesAgreeEverywhere() throws Exception {
    List<String> record = Arrays.stream(OAuthSyncInput.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(OAuthSyncInput.VARIABLES).containsExactlyElementsOf(record);
    assertThat(workerAnnotation().fetchVariables()).containsExactlyElementsOf(record);
    List<String> template = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:input"))
        .map(p -> p.path("binding").path("name").asText()).toList();
    // inputs is the sprint lifecycle's object; a modelled task maps the variables themselves
    List<String> direct = record.stream().filter(n -> !n.equals(OAuthSyncInput.INPUTS)).toList();
    assertThat(template).containsExactlyInAnyOrderElementsOf(direct);
    assertThat(documentedNames("## Inputs")).containsExactlyInAnyOrderElementsOf(direct);
    assertThat(Files.readString(DOC)).contains("`inputs`");
    List<String> scheduleInputs = scheduleTask().getSingleExtensionElement(ZeebeIoMapping.class).getInputs().stream()
        .map(ZeebeInput::getTarget).toList();
    assertThat(scheduleInputs).containsExactlyInAnyOrderElementsOf(direct);
  }

  @Test
  void outputVariablesAgreeEverywhere() throws Exception {
    List<String> record = Arrays.stream(OAuthSyncResult.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertThat(OAuthSyncResult.VARIABLES).containsExactlyElementsOf(record);
    List<String> template = properties().stream()
        .filter(p -> p.path("binding").path("type").asText().equals("zeebe:output"))
        .map(p -> p.path("binding").path("source").asText().replaceFirst("^=", "")).toList();
    assertThat(template).containsExactlyInAnyOrderElementsOf(record);
    assertThat(documentedNames("## Outputs")).containsExactlyInAnyOrderElementsOf(record);
    String scheduleOutput = scheduleTask().getSingleExtensionElement(ZeebeIoMapping.class).getOutputs().iterator().next().getSource();
    for (String used : List.of("fetched", "inserted", "updated", "cursor", "caughtUp")) {
      assertThat(record).contains(used);
      assertThat(scheduleOutput).contains(": " + used);
    }
  }

  @Test
  void everyDocumentedSyncOptionIsOneTheWorkerAccepts() throws Exception {
    String doc = Files.readString(DOC);
    String section = doc.substring(doc.indexOf("\n## Sync options\n"), doc.indexOf("\n## Outputs\n"));
    Matcher m = Pattern.compile("(?m)^\\| ([a-zA-Z]+) \\|").matcher(section);
    List<String> documented = new ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented.remove(0)).as("the table's header").isEqualTo("option");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(SyncOptions.NAMES);
  }

  @Test
  void theScheduleCatchesTheErrorsTheWorkerThrows() {
    BpmnModelInstance model = Bpmn.readModelFromFile(SCHEDULE.toFile());
    List<String> codes = model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode).toList();
    assertThat(codes).containsExactlyInAnyOrder(LifecycleErrors.OAUTH_REAUTH_REQUIRED, LifecycleErrors.WORK_FAILED);
    assertThat(model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class))
        .extracting(io.camunda.zeebe.model.bpmn.instance.Message::getName)
        .containsExactlyInAnyOrder(SyncScheduleService.STOP_MESSAGE, SyncScheduleService.RECONNECTED_MESSAGE);
    assertThat(model.getModelElementById("oauth-sync-schedule").getAttributeValue("id")).isEqualTo(SyncScheduleService.PROCESS_ID);
  }

  private ServiceTask scheduleTask() {
    BpmnModelInstance model = Bpmn.readModelFromFile(SCHEDULE.toFile());
    return model.getModelElementsByType(ServiceTask.class).stream().filter(t -> t.getId().equals("sync-messages"))
        .findFirst().orElseThrow();
  }

  private static JobWorker workerAnnotation() throws NoSuchMethodException {
    return OAuthSyncWorker.class.getMethod("sync", ActivatedJob.class).getAnnotation(JobWorker.class);
  }

  private List<JsonNode> properties() throws Exception {
    return StreamSupport.stream(json.readTree(TEMPLATE.toFile()).path("properties").spliterator(), false).toList();
  }

  private static JsonSchema schema() throws Exception {
    try (InputStream in = OAuthSyncContractTest.class.getResourceAsStream("/element-templates/zeebe-element-templates-schema.json")) {
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
