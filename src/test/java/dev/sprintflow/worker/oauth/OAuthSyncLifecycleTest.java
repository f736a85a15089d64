package dev.sprintflow.worker.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.lifecycle.LifecycleErrors;
import dev.sprintflow.lifecycle.LifecycleVariables;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * oauth-sync as a sprint task: the real lifecycle (bpmn/sprint-task.bpmn) with workerKind
 * oauth-sync, the real worker, triage in the review inbox, retry backoff kept by the engine.
 */
class OAuthSyncLifecycleTest extends OAuthServiceTestBase {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  final List<String> page = FakeGmail.ids("life", 1, 4);

  @Test
  void aRevokedGrantEndsInTriageWithTheReconnectLinkAndARetryAfterReconnectingSyncs() throws Exception {
    script.issue("at-lifecycle-first", "rt-lifecycle-first", 60); // expires inside the refresh buffer
    createAndConnect("life-gmail", "gmail", "lead@example.com");
    gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");
    script.refuse("invalid_grant", "Token has been expired or revoked.");
    Map<String, Object> task = sprintTask(Map.of("connectionId", "life-gmail"));

    long instance = start(task);
    JsonNode triage = awaitInbox((String) task.get("sprintId"), "triage");

    String link = url("/oauth/gmail/authorize?connection=life-gmail").toString();
    JsonNode data = triage.path("form").path("data");
    assertThat(triage.path("name").asText()).isEqualTo("Triage: " + task.get("taskTitle"));
    assertThat(data.path("errorCode").asText()).isEqualTo(LifecycleErrors.OAUTH_REAUTH_REQUIRED);
    assertThat(data.path("errorMessage").asText()).startsWith("Reconnect account:").contains(link, "lead@example.com");
    assertThat(json(get("/api/connections/life-gmail")).path("status").asText()).isEqualTo("reauth_required");
    assertThat(api.getAllServeEvents()).as("no provider API call with a dead grant").isEmpty();

    // The lead follows the link, consents again, and retries the task
    assertThat(connect("life-gmail", "gmail").statusCode()).isEqualTo(200);
    var decided = send("POST", "/api/reviews/" + triage.path("id").asText() + "/decision",
        "{\"decision\":\"retry\",\"comment\":\"Reconnected the mailbox\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    records.awaitCompleted(instance, TIMEOUT);

    Map<String, Object> variables = records.variables(instance);
    assertThat(variables).containsEntry(LifecycleVariables.TASK_OUTCOME, LifecycleVariables.OUTCOME_DONE)
        .containsEntry("inserted", 4).containsEntry("fetched", 4).containsEntry("reconnectUrl", link);
    assertThat((String) variables.get(LifecycleVariables.RESULT)).contains("4 new");
    String everything = variables.toString();
    assertThat(everything).doesNotContain("at-lifecycle-first", "rt-lifecycle-first", accessToken("life-gmail"));
  }

  @Test
  void aRateLimitFailsTheJobWithRetryAfterAsBackoffAndTheEngineWaitsThatLong() {
    createAndConnect("life-slack", "slack", "T0AUDIENCE");
    List<String> ts = FakeSlack.timestamps(1_767_225_600L, 3);
    slack.pageFailsOnce("C0RATE", null, 1, ts, null,
        aResponse().withStatus(429).withHeader("Retry-After", "120").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
    Map<String, Object> task = sprintTask(Map.of("connectionId", "life-slack", "syncOptions", Map.of("channel", "C0RATE")));

    long instance = start(task);
    Record<JobRecordValue> failed = awaitJobFailed(instance);

    assertThat(failed.getValue().getRetryBackoff()).isEqualTo(120_000L);
    assertThat(failed.getValue().getRetries()).isEqualTo(2);
    assertThat(failed.getValue().getErrorMessage()).contains("rate-limited conversations.history", "PT2M");
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .until(() -> slack.historyRequests(null) == 1); // nobody asks again before the backoff is over
    engine.increaseTime(Duration.ofSeconds(121));
    records.awaitCompleted(instance, TIMEOUT);

    assertThat(slack.historyRequests(null)).isEqualTo(2);
    assertThat(records.variables(instance)).containsEntry("inserted", 3)
        .containsEntry(LifecycleVariables.TASK_OUTCOME, LifecycleVariables.OUTCOME_DONE);
  }

  private Map<String, Object> sprintTask(Map<String, Object> inputs) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> vars = new HashMap<>();
    vars.put(LifecycleVariables.SPRINT_ID, "sprint-" + unique);
    vars.put(LifecycleVariables.TASK_ID, "real-gmail-sync-" + unique);
    vars.put(LifecycleVariables.TASK_TITLE, "Real Gmail Sync " + unique);
    vars.put(LifecycleVariables.WORKER_KIND, OAuthSyncWorker.JOB_TYPE);
    vars.put(LifecycleVariables.SCORE, Map.of("urgency", 10, "impact", 10, "confidence", 8, "momentum", 10));
    vars.put(LifecycleVariables.ESTIMATE, "P3D");
    vars.put(LifecycleVariables.ACCEPTANCE, List.of("Messages synced incrementally"));
    vars.put(LifecycleVariables.REVIEW, "none");
    vars.put(LifecycleVariables.FORCE_RUN, false);
    vars.put(LifecycleVariables.INPUTS, inputs);
    return vars;
  }

  private long start(Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(LifecycleVariables.PROCESS_ID).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  private JsonNode awaitInbox(String sprintId, String kind) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode t : json(get("/api/reviews?sprintId=" + sprintId))) {
        if (t.path("kind").asText().equals(kind)) {
          found.set(t);
          return true;
        }
      }
      return false;
    });
    return found.get();
  }

  @SuppressWarnings("unchecked")
  private Record<JobRecordValue> awaitJobFailed(long instance) {
    AtomicReference<Record<JobRecordValue>> failed = new AtomicReference<>();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
      records.all()
          .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.FAILED)
          .map(r -> (Record<JobRecordValue>) r)
          .filter(r -> r.getValue().getProcessInstanceKey() == instance)
          .findFirst().ifPresent(failed::set);
      return failed.get() != null;
    });
    return failed.get();
  }
}
