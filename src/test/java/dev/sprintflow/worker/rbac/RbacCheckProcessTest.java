package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.lifecycle.LifecycleErrors;
import dev.sprintflow.test.EngineRecords;
import dev.targets.clients.ClientsTargetApp;
import dev.targets.clients.ClientsTargetApp.Options;
import dev.targets.clients.ClientsTargetApp.Running;
import dev.targets.clients.Flaw;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real rbac-check worker inside the service, run by the engine: through the sprint-task
 * lifecycle (passed -> review, violation -> triage, bad configuration -> triage, unreachable ->
 * retries then an incident) and as a service task built from the element template.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RbacCheckProcessTest {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static MockOAuth2Server oauth;
  static Running correct;
  static Running buggy;

  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void targets(DynamicPropertyRegistry registry) throws Exception {
    oauth = RbacFixtures.startAuthorizationServer();
    Options jwt = Options.basicOnly().withJwtIssuer(RbacFixtures.issuer(oauth), RbacFixtures.jwks(oauth));
    correct = ClientsTargetApp.start(jwt);
    buggy = ClientsTargetApp.start(jwt.withFlaws(Flaw.MANAGER_UPDATES_UNASSIGNED));
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> props = new HashMap<>();
    props.putAll(RbacFixtures.targetProperties("clients-ok", correct.baseUrl(), oauth));
    props.putAll(RbacFixtures.targetProperties("clients-bug", buggy.baseUrl(), oauth));
    props.putAll(RbacFixtures.targetProperties("clients-down", URI.create("http://127.0.0.1:" + closed), oauth));
    props.put("sprintflow.rbac.retry-backoff", "200ms");
    props.forEach((key, value) -> registry.add(key, () -> value));
  }

  @AfterAll
  static void stop() {
    correct.close();
    buggy.close();
    oauth.shutdown();
  }

  @Test
  void aPassedCheckGoesToTheSecurityReviewerWithTheReportAndEndsDone() throws Exception {
    Map<String, Object> vars = task("clients-ok");
    long instance = start(vars);

    JsonNode review = awaitInbox(sprint(vars), "review");
    assertThat(review.get("candidateGroups").get(0).asText()).isEqualTo("security-reviewers");
    assertThat(review.get("form").get("data").get("result").asText())
        .startsWith("### RBAC check passed: all 48 cells match the matrix")
        .contains("| clients/unassigned | update | allow | allow | deny | deny |");
    decide(review, "approve");

    records().awaitCompleted(instance, TIMEOUT);
    Map<String, Object> out = records().variables(instance);
    assertThat(out).containsEntry("taskOutcome", "done");
    assertThat(map(out, "rbacSummary")).containsEntry("status", "passed").containsEntry("cells", 48);
    assertThat(records().completedElements(instance)).contains("run-worker", "review-work").doesNotContain("work-failed");
  }

  @Test
  void aViolationEndsInTriageNamingTheCell() throws Exception {
    Map<String, Object> vars = task("clients-bug");
    long instance = start(vars);

    JsonNode triage = awaitInbox(sprint(vars), "triage");
    JsonNode data = triage.get("form").get("data");
    assertThat(data.get("errorCode").asText()).isEqualTo(LifecycleErrors.RBAC_VIOLATION);
    assertThat(data.get("errorMessage").asText())
        .startsWith("### RBAC violation: 1 of 48 cells differ from the matrix")
        .contains("| manager | clients/unassigned | update | deny | **allow** |");
    assertThat(records().completedElements(instance)).contains("work-failed").doesNotContain("run-worker");
    decide(triage, "skip");

    records().awaitCompleted(instance, TIMEOUT);
    assertThat(records().variables(instance)).containsEntry("taskOutcome", "skipped");
  }

  @Test
  void anUnknownTargetEndsInTriageListingTheConfiguredOnes() throws Exception {
    Map<String, Object> vars = task("production");
    start(vars);

    JsonNode data = awaitInbox(sprint(vars), "triage").get("form").get("data");
    assertThat(data.get("errorCode").asText()).isEqualTo(RbacCheckWorker.CONFIG_INVALID);
    assertThat(data.get("errorMessage").asText())
        .contains("inputs.target: no target 'production' is configured (configured: clients-bug, clients-down, clients-ok)");
  }

  @Test
  void anUnreachableTargetIsRetriedThenRaisesAnIncident() {
    long instance = start(task("clients-down"));

    AtomicReference<IncidentRecordValue> incident = new AtomicReference<>();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
      records().all()
          .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
          .map(r -> (IncidentRecordValue) r.getValue())
          .filter(v -> v.getProcessInstanceKey() == instance)
          .findFirst().ifPresent(incident::set);
      return incident.get() != null;
    });
    assertThat(incident.get().getErrorMessage()).contains("RBAC check target 'clients-down'").contains("unreachable");
    long attempts = records().all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == io.camunda.zeebe.protocol.record.intent.JobIntent.FAILED)
        .map(r -> (io.camunda.zeebe.protocol.record.value.JobRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance)
        .count();
    assertThat(attempts).isEqualTo(3);
    assertThat(records().completedElements(instance)).doesNotContain("work-failed");
  }

  @Test
  void aTaskBuiltFromTheElementTemplateRunsTheCheckAndMapsItsOutputs() throws Exception {
    JsonNode template = json.readTree(Files.readString(Path.of("workers/rbac-check.json")));
    String processId = "rbac-template-" + UUID.randomUUID().toString().substring(0, 8);
    ServiceTaskBuilder task = Bpmn.createExecutableProcess(processId).startEvent().serviceTask("check");
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      String value = property.path("value").asText(null);
      switch (binding.get("type").asText()) {
        case "zeebe:taskDefinition" -> {
          if (binding.get("property").asText().equals("type")) {
            task.zeebeJobType(value);
          } else {
            task.zeebeJobRetries(value);
          }
        }
        // the lead fills in the target; the matrix keeps the template's default (YAML text)
        case "zeebe:input" -> task.zeebeInput(
            binding.get("name").asText().equals("inputs.target") ? "clients-ok" : value, binding.get("name").asText());
        case "zeebe:output" -> task.zeebeOutput(binding.get("source").asText(), value);
        default -> throw new AssertionError("unexpected binding " + binding);
      }
    }
    BpmnModelInstance model = task.endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();

    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    records().awaitCompleted(instance, TIMEOUT);

    Map<String, Object> out = processScope(instance);
    assertThat((String) out.get("rbacReport")).startsWith("### RBAC check passed: all 32 cells match the matrix");
    assertThat(map(out, "rbacSummary")).containsEntry("cells", 32).containsEntry("mismatches", 0);
    assertThat(map(out, "rbacObserved")).containsOnlyKeys("owner", "admin", "manager", "member");
    assertThat((List<?>) out.get("rbacEvidence")).hasSize(32);
    assertThat(out).as("only the template's outputs reach the process").doesNotContainKeys("result", "inputs");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> vars, String name) {
    return (Map<String, Object>) vars.get(name);
  }

  /** The latest value of each variable in the instance's own scope (not the task's local ones). */
  private Map<String, Object> processScope(long instance) throws Exception {
    Map<String, Object> vars = new HashMap<>();
    for (var r : records().all().filter(r -> r.getValueType() == ValueType.VARIABLE).toList()) {
      var v = (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue();
      if (v.getProcessInstanceKey() == instance && v.getScopeKey() == instance) {
        vars.put(v.getName(), json.readValue(v.getValue(), Object.class));
      }
    }
    return vars;
  }

  private EngineRecords records() {
    return new EngineRecords(engine);
  }

  /** The sprint compiler's variables for the example plan's rbac-check task, aimed at a target. */
  static Map<String, Object> task(String target) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> vars = new HashMap<>();
    vars.put("sprintId", "rbac-" + unique);
    vars.put("taskId", "e2e-test-multi-org-roles");
    vars.put("taskTitle", "E2E Test Multi-Org Roles");
    vars.put("workerKind", RbacCheckWorker.JOB_TYPE);
    vars.put("score", Map.of("urgency", 8, "impact", 10, "confidence", 9, "momentum", 8));
    vars.put("estimate", "P1D");
    vars.put("acceptance", List.of("Owner can edit all clients", "Admin can edit all clients",
        "Manager can edit assigned clients only", "Member is read-only"));
    vars.put("review", "auto");
    vars.put("forceRun", false);
    vars.put("inputs", RbacFixtures.exampleInputs(target));
    return vars;
  }

  private long start(Map<String, Object> vars) {
    return client.newCreateInstanceCommand().bpmnProcessId("sprint-task").latestVersion().variables(vars)
        .send().join().getProcessInstanceKey();
  }

  private static String sprint(Map<String, Object> vars) {
    return (String) vars.get("sprintId");
  }

  /** The open task of this sprint and kind, as GET /api/reviews lists it. */
  private JsonNode awaitInbox(String sprintId, String kind) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/reviews?sprintId=" + sprintId)).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode task : json.readTree(response.body())) {
        if (task.get("kind").asText().equals(kind)) {
          found.set(task);
        }
      }
      return found.get() != null;
    });
    return found.get();
  }

  private void decide(JsonNode task, String decision) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/reviews/" + task.get("id").asText() + "/decision"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"" + decision + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
