package dev.sprintflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.test.ApiClient;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Abort sprint" chosen in triage ends the whole compiled sprint: the failing task's call activity
 * leaves through its abort boundary to a terminate end event, and the parallel task still running
 * is terminated with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.client.worker.defaults.enabled=false")
class CompiledSprintAbortTest {

  static final String PLAN = """
      id: abort-demo
      name: Abort demo
      tasks:
        - id: breaks
          title: Breaks
          worker: test-breaks
          review: none
        - id: lingers
          title: Lingers
          worker: test-lingers
          review: none
      """;

  @LocalServerPort int port;
  private ApiClient api;

  @org.junit.jupiter.api.BeforeEach
  void client() {
    api = new ApiClient(port);
  }
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  private final List<JobWorker> workers = new ArrayList<>();

  @AfterEach
  void close() {
    workers.forEach(JobWorker::close);
  }

  @Test
  void abortInTriageTerminatesTheSprintAndItsParallelBranches() throws Exception {
    workers.add(client.newWorker().jobType("test-breaks").handler((jc, job) -> jc.newThrowErrorCommand(job)
        .errorCode("WORK_FAILED").errorMessage("the build is red")
        .variables(Map.of("errorCode", "WORK_FAILED", "errorMessage", "the build is red")).send().join()).open());
    // test-lingers: nobody serves it, so that task stays active until the abort ends it.

    JsonNode sprint = json.readTree(api.post("/api/sprints?file=abort-demo.yaml", "application/yaml", PLAN).body());
    long key = sprint.get("processInstanceKey").asLong();
    String sprintId = sprint.get("sprintId").asText();

    JsonNode triage = await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (JsonNode t : json.readTree(api.get("/api/reviews?sprintId=" + sprintId).body())) {
        if (t.get("kind").asText().equals("triage")) {
          return t;
        }
      }
      return null;
    }, t -> t != null);
    assertThat(triage.toString()).contains("the build is red");
    HttpResponse<String> decided = api.post("/api/reviews/" + triage.get("id").asText() + "/decision", "application/json",
        "{\"decision\": \"abort\", \"comment\": \"stop the sprint\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

    EngineRecords records = new EngineRecords(engine);
    records.awaitCompleted(key, Duration.ofSeconds(30));
    assertThat(records.completedElements(key)).contains("abort_task_breaks", "aborted_task_breaks")
        .doesNotContain("sprint_completed");
    assertThat(records.processInstanceEvents(key)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
        .map(r -> r.getValue().getElementId())).contains("task_lingers");
  }
}
