package dev.sprintflow.e2e;

import static dev.sprintflow.test.SprintApi.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.test.PostgresTestDatabase;
import dev.sprintflow.test.SprintApi;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kill the service (SIGKILL) in the middle of a sprint on a runtime that keeps its state (the local
 * Camunda 8.6 stack, the service's database on PostgreSQL), start it again: the sprint finishes
 * and the progress read model holds every event exactly once. While the service is down a task's
 * worker finishes; that task's "Task done" listener waits for the restarted service.
 */
@ExtendWith(PostgresTestDatabase.class)
class ProgressRestartE2E {

  static final String PLAN = """
      id: restart-demo
      name: Restart demo
      tasks:
        - id: first
          title: First
          worker: e2e-restart-work
          review: none
        - id: reviewed
          title: Reviewed
          worker: e2e-restart-work
          review: required
          dependsOn: [first]
        - id: slow
          title: Slow
          worker: e2e-restart-slow
          review: none
          dependsOn: [first]
        - id: last
          title: Last
          worker: e2e-restart-work
          review: none
          dependsOn: [reviewed, slow]
      """;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Timings timings = new Timings();
  private E2eSettings settings;
  private CamundaClient client;
  private Long sprintKey;
  private boolean completed;

  @AfterEach
  void stopAll() throws Exception {
    if (sprintKey != null && !completed && client != null) {
      try { // leave no half-run sprint behind in a stack that keeps running
        client.newCancelInstanceCommand(sprintKey).send().join();
      } catch (RuntimeException e) {
        System.out.println("[e2e] could not cancel sprint instance " + sprintKey + ": " + e.getMessage());
      }
    }
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.out.println("[e2e] stopping failed: " + e);
      }
    }
    if (settings != null) {
      timings.write(settings.out().resolve("restart-timings.md"));
    }
  }

  @Test
  void killedMidSprintTheServiceResumesAndTheReadModelHasNoGapsOrDuplicates(PostgresTestDatabase.Schema db)
      throws Exception {
    settings = E2eSettings.load();
    Files.createDirectories(settings.out());
    started.push(LocalStack.ensureUp(settings, timings));
    client = CamundaClient.newClientBuilder().grpcAddress(URI.create(settings.grpcUrl()))
        .restAddress(URI.create(settings.webUrl())).preferRestOverGrpc(false)
        .numJobWorkerExecutionThreads(4) // the slow worker holds one thread until released
        .build();
    started.push(client);
    CountDownLatch releaseSlow = new CountDownLatch(1);
    JobWorker work = client.newWorker().jobType("e2e-restart-work").handler((jc, job) ->
        jc.newCompleteCommand(job).variables(Map.of("result", "ok")).send().join()).open();
    started.push(work::close);
    JobWorker slow = client.newWorker().jobType("e2e-restart-slow").handler((jc, job) -> {
      releaseSlow.await(10, TimeUnit.MINUTES);
      jc.newCompleteCommand(job).variables(Map.of("result", "slowly ok")).send().join();
    }).timeout(Duration.ofMinutes(12)).open();
    started.push(slow::close);
    started.push(releaseSlow::countDown); // never leave the worker thread waiting

    String url = db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + db.name();
    List<String> args = List.of("--spring.profiles.active=local-stack,postgres",
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + db.username(),
        "--spring.datasource.password=" + db.password(),
        // The killed service's progress jobs come back to the new one after this long.
        "--sprintflow.progress.job-timeout=10s");

    String id;
    ServiceUnderTest first = ServiceUnderTest.start(settings, timings, "restart-first", args);
    started.push(first);
    SprintApi api = new SprintApi(first.url.getPort()).timeout(E2eSettings.TASKLIST_WAIT);
    JsonNode sprint = api.startSprint("restart-demo.yaml", "application/yaml", PLAN);
    id = sprint.get("sprintId").asText();
    sprintKey = sprint.get("processInstanceKey").asLong();
    api.awaitSprint(id, "first done, reviewed in review, slow running", o -> state(o, "first").equals("done")
        && state(o, "reviewed").equals("in_review") && state(o, "slow").equals("running"));
    long killedAt = System.nanoTime();
    first.kill();

    // While the service is down, the slow task's worker finishes: its "Task done" listener must wait.
    releaseSlow.countDown();
    Thread.sleep(3000);

    ServiceUnderTest second = ServiceUnderTest.start(settings, timings, "restart-second", args);
    started.push(second);
    api = new SprintApi(second.url.getPort()).timeout(E2eSettings.TASKLIST_WAIT);
    assertThat(api.get("/api/sprints/" + id + "/bpmn", null).statusCode()).isEqualTo(200);
    api.awaitTaskState(id, "slow", "done");
    timings.record("kill to the waiting listener recorded by the restarted service", Duration.ofNanos(System.nanoTime() - killedAt));
    api.decide(id, SprintApi.taskOf("reviewed", "review"), "approve", "after the restart");
    JsonNode end = api.awaitSprint(id, "sprint completed", o -> o.get("state").asText().equals("completed"));
    completed = true;
    for (String t : List.of("first", "reviewed", "slow", "last")) {
      assertThat(state(end, t)).as(t).isEqualTo("done");
      assertThat(task(end, t).get("attempts").asInt()).as(t).isEqualTo(1);
    }

    // No gaps, no duplicates: exactly the events the lifecycle and the sprint process report, once each.
    Map<String, Integer> events = new TreeMap<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(subject_id, '-') AS subject, element_id, event_type, COUNT(*) AS n"
            + " FROM progress_event WHERE sprint_id = '" + id + "' GROUP BY subject_id, element_id, event_type")) {
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
