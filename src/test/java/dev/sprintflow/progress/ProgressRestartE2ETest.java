package dev.sprintflow.progress;

import static dev.sprintflow.test.SprintApi.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.test.LocalCamundaStack;
import dev.sprintflow.test.PostgresTestDatabase;
import dev.sprintflow.test.ServiceProcess;
import dev.sprintflow.test.SprintApi;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kill the service in the middle of a sprint on a runtime that keeps its state (the local Camunda
 * 8.6 stack and PostgreSQL; the embedded engine is in memory by design), start it again: the
 * sprint finishes and the read model has every event once. While the service is down a task's
 * worker finishes; its progress listener waits for the restarted service, nothing is lost.
 *
 * <p>Runs with {@code SPRINTFLOW_E2E=1} and {@code scripts/camunda-stack up} (see LocalCamundaStack).
 */
@ExtendWith(LocalCamundaStack.class)
@ExtendWith(PostgresTestDatabase.class)
class ProgressRestartE2ETest {

  static final String PLAN = """
      id: restart-demo
      name: Restart demo
      tasks:
        - id: first
          title: First
          worker: e2e-work
          review: none
        - id: reviewed
          title: Reviewed
          worker: e2e-work
          review: required
          dependsOn: [first]
        - id: slow
          title: Slow
          worker: e2e-slow
          review: none
          dependsOn: [first]
        - id: last
          title: Last
          worker: e2e-work
          review: none
          dependsOn: [reviewed, slow]
      """;

  @Test
  void killedMidSprintTheServiceResumesAndTheReadModelHasNoGapsOrDuplicates(PostgresTestDatabase.Schema db) throws Exception {
    String url = db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + db.name();
    List<String> args = List.of(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password(),
        "--sprintflow.engine.mode=remote",
        "--camunda.client.grpc-address=" + LocalCamundaStack.grpcAddress(),
        "--camunda.client.rest-address=" + LocalCamundaStack.restAddress(),
        "--camunda.client.worker.defaults.enabled=false",
        // Short leases so the restarted service gets the jobs the killed one held.
        "--sprintflow.review.job-timeout=15s", "--sprintflow.progress.job-timeout=10s");
    Path logs = Path.of("target", "e2e", "restart-" + db.name());
    CountDownLatch releaseSlow = new CountDownLatch(1);
    List<JobWorker> workers = new ArrayList<>();
    try (CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create(LocalCamundaStack.grpcAddress()))
        .restAddress(URI.create(LocalCamundaStack.restAddress())).preferRestOverGrpc(false).build()) {
      workers.add(client.newWorker().jobType("e2e-work").handler((jc, job) ->
          jc.newCompleteCommand(job).variables(Map.of("result", "ok")).send().join()).open());
      workers.add(client.newWorker().jobType("e2e-slow").handler((jc, job) -> {
        releaseSlow.await(5, TimeUnit.MINUTES);
        jc.newCompleteCommand(job).variables(Map.of("result", "slowly ok")).send().join();
      }).timeout(Duration.ofMinutes(6)).open());

      String id;
      ServiceProcess first = ServiceProcess.start(logs.resolve("first.log"), Duration.ofMinutes(3), args);
      try {
        SprintApi api = new SprintApi(first.port()).timeout(Duration.ofMinutes(2));
        id = api.startSprint("restart-demo.yaml", "application/yaml", PLAN).get("sprintId").asText();
        api.awaitSprint(id, "first done, reviewed in review, slow running", o -> state(o, "first").equals("done")
            && state(o, "reviewed").equals("in_review") && state(o, "slow").equals("running"));
      } finally {
        first.kill();
      }
      // While the service is down, the slow task's worker finishes: its "Task done" listener must wait.
      releaseSlow.countDown();
      Thread.sleep(3000);

      try (ServiceProcess second = ServiceProcess.start(logs.resolve("second.log"), Duration.ofMinutes(3), args)) {
        SprintApi api = new SprintApi(second.port()).timeout(Duration.ofMinutes(2));
        assertThat(api.get("/api/sprints/" + id + "/bpmn", null).statusCode()).isEqualTo(200);
        api.awaitTaskState(id, "slow", "done");
        api.decide(id, SprintApi.taskOf("reviewed", "review"), "approve", "after the restart");
        JsonNode end = api.awaitSprint(id, "sprint completed", o -> o.get("state").asText().equals("completed"));
        for (String t : List.of("first", "reviewed", "slow", "last")) {
          assertThat(state(end, t)).as(t).isEqualTo("done");
          assertThat(task(end, t).get("attempts").asInt()).as(t).isEqualTo(1);
        }
      }
    } finally {
      workers.forEach(JobWorker::close);
    }

    // No gaps, no duplicates: exactly the events the lifecycle and the sprint process report, once each.
    Map<String, Integer> events = new TreeMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(subject_id, '-') AS subject, element_id, event_type, COUNT(*) AS n"
            + " FROM progress_event GROUP BY subject_id, element_id, event_type")) {
      while (rs.next()) {
        events.put(rs.getString("subject") + "/" + rs.getString("element_id") + "/" + rs.getString("event_type"), rs.getInt("n"));
      }
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (String t : List.of("first", "reviewed", "slow", "last")) {
      expected.put(t + "/work/start", 1);
      expected.put(t + "/task-done/start", 1);
    }
    expected.put("reviewed/review-work/start", 1);
    expected.put("reviewed/review-work/end", 1);
    expected.put("-/sprint_completed/start", 1);
    assertThat(events).isEqualTo(expected);
  }

  private static String state(JsonNode overview, String taskId) {
    return task(overview, taskId).get("state").asText();
  }
}
