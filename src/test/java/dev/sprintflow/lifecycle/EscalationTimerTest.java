package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Work that outlasts its estimate raises a sprint.escalate job; the service records and exposes it. */
class EscalationTimerTest extends LifecycleTestBase {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theEstimateTimerRaisesAnEscalationWhileTheWorkGoesOn() throws Exception {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(LifecycleVariables.ESTIMATE, "PT2H");
    vars.put(LifecycleVariables.REVIEW, "none");
    String sprintId = (String) vars.get(LifecycleVariables.SPRINT_ID);
    long instance = driver.start(vars);
    ActivatedJob work = driver.awaitJob((String) vars.get(LifecycleVariables.WORKER_KIND));
    assertThat(escalations.find(sprintId)).isEmpty();

    engine.increaseTime(Duration.parse("PT2H").plusMinutes(1));
    await().atMost(LifecycleDriver.TIMEOUT).until(() -> !escalations.find(sprintId).isEmpty());
    driver.awaitCompleted(instance, "escalation-raised", 1);

    Escalation escalation = escalations.find(sprintId).get(0);
    assertThat(escalation.processInstanceKey()).isEqualTo(instance);
    assertThat(escalation.taskId()).isEqualTo(vars.get(LifecycleVariables.TASK_ID));
    assertThat(escalation.estimate()).isEqualTo("PT2H");
    assertThat(records.completedElements(instance))
        .containsSubsequence("work-overdue", "escalate-overdue", "escalation-raised")
        .doesNotContain("work"); // non-interrupting: the work is still going on
    assertThat(driver.processVariables(instance)).containsEntry("escalationId", escalation.id());

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/escalations?sprintId=" + sprintId)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode listed = json.readTree(response.body());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(escalation.id());
    assertThat(listed.get(0).get("reason").asText()).contains("PT2H");

    driver.complete(work, Map.of(LifecycleVariables.RESULT, "late but done"));
    driver.awaitInstanceCompleted(instance);
    assertThat(driver.processVariables(instance)).containsEntry(LifecycleVariables.TASK_OUTCOME, LifecycleVariables.OUTCOME_DONE);
    assertThat(escalations.find(sprintId)).hasSize(1);
  }

  @Test
  void withoutAnEstimateTheTimerUsesTheDocumentedDefault() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(LifecycleVariables.ESTIMATE, null);
    long instance = driver.start(vars);
    ActivatedJob work = driver.awaitJob((String) vars.get(LifecycleVariables.WORKER_KIND));

    List<Duration> timers = records.all()
        .filter(r -> r.getValueType() == ValueType.TIMER && r.getRecordType() == RecordType.EVENT
            && r.getIntent() == TimerIntent.CREATED)
        .filter(r -> ((TimerRecordValue) r.getValue()).getProcessInstanceKey() == instance)
        .map(r -> Duration.ofMillis(((TimerRecordValue) r.getValue()).getDueDate() - r.getTimestamp()))
        .toList();
    // due date minus the record's timestamp, which is taken a few milliseconds after the timer's start
    Duration defaultEstimate = Duration.parse(LifecycleVariables.DEFAULT_ESTIMATE);
    assertThat(timers).singleElement().satisfies(
        due -> assertThat(due).isBetween(defaultEstimate.minusSeconds(1), defaultEstimate));

    client.newCancelInstanceCommand(instance).send().join();
    assertThat(work.getKey()).isPositive();
  }
}
