package dev.sprintflow.progress;

import static dev.sprintflow.test.SprintApi.task;
import static dev.sprintflow.test.SprintApi.taskOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.test.SprintApi;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ways a task can end other than done, through the real lifecycle: deferred (tier LATER),
 * skipped and failed (the lead's triage decisions), and the sprint aborted with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.client.worker.defaults.enabled=false")
class SprintOutcomesProgressTest {

  static final String PLAN = """
      id: outcomes
      name: Outcomes
      tasks:
        - id: later
          title: Later
          worker: test-never
          score: {urgency: 1, impact: 2, confidence: 3, momentum: 1}
          estimate: 1 day
        - id: flaky
          title: Flaky
          worker: test-fails
          review: none
          estimate: 2 hours
        - id: broken
          title: Broken
          worker: test-fails
          review: none
          estimate: 4 hours
          dependsOn: [flaky]
      """;

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();

  @AfterEach
  void close() {
    workers.forEach(JobWorker::close);
  }

  @Test
  void deferredSkippedAndFailedTasksAndTheAbortedSprintAreRecorded() {
    workers.add(client.newWorker().jobType("test-fails").handler((jc, job) -> jc.newThrowErrorCommand(job)
        .errorCode("WORK_FAILED").errorMessage("the build is red")
        .variables(Map.of("errorCode", "WORK_FAILED", "errorMessage", "the build is red: " + job.getVariablesAsMap().get("taskId")))
        .send().join()).open());
    SprintApi api = new SprintApi(port);
    String id = api.startSprint("outcomes.yaml", "application/yaml", PLAN).get("sprintId").asText();

    JsonNode triage = api.awaitSprint(id, "later deferred, flaky in triage",
        o -> state(o, "later").equals("deferred") && state(o, "flaky").equals("in_triage"));
    assertThat(task(triage, "later").get("tier").asText()).isEqualTo("LATER");
    assertThat(task(triage, "later").has("startedAt")).isFalse();
    assertThat(task(triage, "flaky").at("/error/message").asText()).isEqualTo("the build is red: flaky");
    assertThat(task(triage, "broken").at("/waitsFor/tasks/0").asText()).isEqualTo("flaky");

    api.decide(id, taskOf("flaky", "triage"), "skip", "not needed this sprint");
    api.awaitTaskState(id, "broken", "in_triage");
    api.decide(id, taskOf("broken", "triage"), "abort", "stop everything");
    JsonNode end = api.awaitSprint(id, "sprint aborted", o -> o.get("state").asText().equals("aborted"));

    assertThat(state(end, "later")).isEqualTo("deferred");
    assertThat(state(end, "flaky")).isEqualTo("skipped");
    assertThat(task(end, "flaky").at("/error/triageDecision").asText()).isEqualTo("skip");
    assertThat(state(end, "broken")).isEqualTo("failed");
    assertThat(task(end, "broken").at("/error/triageComment").asText()).isEqualTo("stop everything");
    assertThat(end.get("endedAt").isTextual()).isTrue();
    assertThat(end.at("/counts/deferred").asInt()).isEqualTo(1);
    assertThat(end.at("/counts/skipped").asInt()).isEqualTo(1);
    assertThat(end.at("/counts/failed").asInt()).isEqualTo(1);

    String report = api.get("/api/sprints/" + id + "/report", "text/markdown").body();
    String notRun = report.substring(report.indexOf("## Deferred and skipped"), report.indexOf("## Waiting to start"));
    assertThat(notRun).contains("| Later ★ | deferred | tier LATER, not forced |", "| Flaky | skipped | `WORK_FAILED`: not needed this sprint |",
        "| Broken | failed | `WORK_FAILED`: stop everything |");
    assertThat(report).contains("is **aborted**");
  }

  private static String state(JsonNode overview, String taskId) {
    return task(overview, taskId).get("state").asText();
  }
}
