package dev.sprintflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.Task;
import dev.sprintflow.test.ApiClient;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample plans as a lead would run them: POST the Markdown, let scripted workers do each job,
 * approve every review, pass every gate through the REST inbox, until the sprint completes on the
 * embedded engine with the real task lifecycle. The engine's records must show that no task
 * started before its dependencies completed and that independent tasks ran in parallel.
 * Built-in @JobWorkers are switched off so the scripted workers get every job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.client.worker.defaults.enabled=false")
class SamplePlanRunTest {

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
  void closeWorkers() {
    workers.forEach(JobWorker::close);
  }

  @ParameterizedTest
  @ValueSource(strings = {"audienceos-production-sprint.md", "audienceos-integration.md"})
  void samplePlanRunsToCompletionInDependencyOrderWithParallelBranches(String file) throws Exception {
    String markdown = resource("/plans/" + file);
    Plan plan = PlanLoader.withDefaults().load(file, markdown).plan();
    Set<String> kinds = new LinkedHashSet<>();
    plan.tasks().stream().map(Task::worker).filter(k -> !k.equals("manual")).forEach(kinds::add);
    for (String kind : kinds) {
      workers.add(client.newWorker().jobType(kind)
          .handler((jc, job) -> jc.newCompleteCommand(job)
              .variables(Map.of("result", "done by the scripted " + kind + " worker")).send().join())
          .open());
    }

    JsonNode sprint = json.readTree(api.post("/api/sprints?file=" + file, "text/markdown", markdown).body());
    String sprintId = sprint.get("sprintId").asText();
    long key = sprint.get("processInstanceKey").asLong();
    EngineRecords records = new EngineRecords(engine);

    Map<String, Integer> decided = new HashMap<>();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode task : json.readTree(api.get("/api/reviews?sprintId=" + sprintId).body())) {
        String decision = switch (task.get("kind").asText()) {
          case "review" -> "approve";
          case "work" -> "done"; // a manual task: the person reports it done
          case "gate" -> "passed";
          default -> throw new AssertionError("unexpected " + task.get("kind").asText() + " task: " + task);
        };
        HttpResponse<String> r = api.post("/api/reviews/" + task.get("id").asText() + "/decision", "application/json",
            "{\"decision\": \"" + decision + "\", \"comment\": \"checked by the test\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 409); // 409: decided in an earlier poll
        decided.merge(task.get("kind").asText(), 1, Integer::sum);
      }
      return records.isCompleted(key);
    });

    // Every gate was worked through the inbox, and every task's outcome reached the sprint.
    assertThat(decided.getOrDefault("gate", 0)).isEqualTo(plan.gates().size());
    Map<String, Object> variables = records.variables(key);
    for (Task t : plan.tasks()) {
      assertThat(variables.get("task_" + t.id().replace('-', '_'))).as(t.id())
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("outcome", "done");
    }

    // Order: a task's call activity starts only after each dependency's call activity completed.
    Map<String, Long> activated = new HashMap<>();
    Map<String, Long> completed = new HashMap<>();
    List<long[]> intervals = new ArrayList<>();
    records.processInstanceEvents(key)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.CALL_ACTIVITY)
        .forEach(r -> {
          if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
            activated.put(r.getValue().getElementId(), r.getPosition());
          } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
            completed.put(r.getValue().getElementId(), r.getPosition());
          }
        });
    for (Task t : plan.tasks()) {
      String element = SprintCompiler.taskElementId(t.id());
      assertThat(activated).containsKey(element);
      for (String dep : t.dependsOn()) {
        assertThat(activated.get(element)).as("%s starts after %s completed", t.id(), dep)
            .isGreaterThan(completed.get(SprintCompiler.taskElementId(dep)));
      }
      intervals.add(new long[] {activated.get(element), completed.get(element)});
    }
    // Parallelism: at some point several call activities were running at once.
    int maxConcurrent = 0;
    for (long[] a : intervals) {
      int running = 0;
      for (long[] b : intervals) {
        if (b[0] <= a[0] && a[0] < b[1]) {
          running++;
        }
      }
      maxConcurrent = Math.max(maxConcurrent, running);
    }
    assertThat(maxConcurrent).as("call activities active at the same time").isGreaterThanOrEqualTo(3);
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = SamplePlanRunTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
