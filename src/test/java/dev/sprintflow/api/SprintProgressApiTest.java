package dev.sprintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.compiler.CompiledSprint;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.plan.PlanFormat;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.test.SprintApi;
import dev.sprintflow.test.SvgTimeline;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The progress API's contract: list, 404 naming the field, Accept negotiation, since, and sprints started elsewhere. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.client.worker.defaults.enabled=false")
class SprintProgressApiTest {

  static final String MANUAL_PLAN = """
      id: manual-one
      name: One manual task
      tasks:
        - id: check
          title: Check by hand
          worker: manual
          review: none
          estimate: 3 hours
      """;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;

  @Test
  void anUnknownSprintIs404NamingThePathVariableOnEveryResource() throws Exception {
    SprintApi api = new SprintApi(port);
    for (String path : new String[] {"", "/report", "/timeline.svg"}) {
      HttpResponse<String> r = api.get("/api/sprints/no-such-sprint" + path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      JsonNode problem = json.readTree(r.body());
      assertThat(problem.get("field").asText()).isEqualTo("sprintId");
      assertThat(problem.get("type").asText()).endsWith("/sprint-not-found");
      assertThat(problem.get("detail").asText()).contains("no-such-sprint");
    }
  }

  @Test
  void theReportIsMarkdownOrHtmlByAcceptAndSinceIsValidated() throws Exception {
    SprintApi api = new SprintApi(port);
    String id = api.startSprint("manual-one.yaml", "application/yaml", MANUAL_PLAN).get("sprintId").asText();
    api.awaitTaskState(id, "check", "running");
    String path = "/api/sprints/" + id + "/report";

    HttpResponse<String> plain = api.get(path, null);
    assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/markdown;charset=UTF-8");
    assertThat(plain.body()).startsWith("# Morning report: One manual task").contains("| Check by hand ★ | running |");
    assertThat(api.get(path, "text/*").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
    HttpResponse<String> html = api.get(path, "text/markdown;q=0.5, text/html");
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body()).contains("<h1>Morning report: One manual task</h1>");

    HttpResponse<String> json406 = api.get(path, "application/json");
    assertThat(json406.statusCode()).isEqualTo(406);
    assertThat(json406.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(json406.body());
    assertThat(problem.get("field").asText()).isEqualTo("Accept");
    assertThat(problem.get("supported").toString()).contains("text/markdown", "text/html");

    for (String bad : new String[] {"yesterday", "-PT1H", "2026-13-01T00:00:00Z"}) {
      HttpResponse<String> r = api.get(path + "?since=" + bad, null);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(json.readTree(r.body()).get("field").asText()).isEqualTo("since");
    }
    assertThat(api.get(path + "?since=PT2H", null).body()).contains("## Done since");
    assertThat(api.get(path + "?since=2026-01-12T08:00:00Z", null).body()).contains("## Done since 2026-01-12 08:00 UTC");

    HttpResponse<String> svg = api.get("/api/sprints/" + id + "/timeline.svg", null);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(SvgTimeline.parse(svg.body()).bars("actual-")).containsExactly("actual-check");

    // Let the manual task finish so the sprint ends: the list shows it completed.
    api.decide(id, dev.sprintflow.test.SprintApi.taskOf("check", "work"), "done", "checked");
    api.awaitSprint(id, "completed", o -> o.get("state").asText().equals("completed"));
    JsonNode listed = null;
    for (JsonNode s : api.json("/api/sprints")) {
      if (s.get("sprintId").asText().equals(id)) {
        listed = s;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("fromPlan").asBoolean()).isTrue();
    assertThat(listed.at("/counts/done").asInt()).isEqualTo(1);
    assertThat(listed.get("planName").asText()).isEqualTo("One manual task");
  }

  /**
   * A sprint process compiled before tracking (no listeners on its gates and end events) and
   * started directly on the engine: the lifecycle still reports its tasks, so the service lists
   * what it can, with no plan behind it.
   */
  @Test
  void aSprintStartedElsewhereFromAnUntrackedProcessListsWhatItCan() throws Exception {
    String plan = """
        id: legacy
        name: Legacy plan
        tasks:
          - id: one
            title: One
            worker: test-legacy
            review: none
            estimate: 1 hour
          - id: two
            title: Two
            worker: test-legacy
            review: none
            dependsOn: [one]
        """;
    CompiledSprint compiled = SprintCompiler.withoutProgressListeners()
        .compile(PlanLoader.withDefaults().load("legacy.yaml", plan.getBytes(StandardCharsets.UTF_8), PlanFormat.YAML).plan());
    assertThat(compiled.bpmnXml()).doesNotContain("executionListener");
    JobWorker worker = client.newWorker().jobType("test-legacy")
        .handler((jc, job) -> jc.newCompleteCommand(job).variables(Map.of("result", "ok")).send().join()).open();
    try {
      client.newDeployResourceCommand().addResourceStringUtf8(compiled.bpmnXml(), compiled.bpmnResourceName()).send().join();
      client.newCreateInstanceCommand().bpmnProcessId(compiled.processId()).latestVersion()
          .variables(Map.of("sprintId", "legacy-1", "planId", "legacy", "planName", "Legacy plan")).send().join();
      SprintApi api = new SprintApi(port);
      JsonNode o = api.awaitSprint("legacy-1", "both tasks done", s -> s.get("tasks").size() == 2
          && s.at("/counts/done").asInt() == 2);
      assertThat(o.get("fromPlan").asBoolean()).isFalse();
      assertThat(o.get("tasks")).extracting(t -> t.get("taskId").asText()).containsExactly("one", "two");
      assertThat(o.get("tasks").get(0).get("estimate").asText()).isEqualTo("PT1H");
      assertThat(o.get("gates")).isEmpty();
      assertThat(api.get("/api/sprints/legacy-1/report", null).body()).contains("not started by this service");
      assertThat(SvgTimeline.parse(api.get("/api/sprints/legacy-1/timeline.svg", null).body()).bars("planned-")).hasSize(2);
      assertThat(api.get("/api/sprints/legacy-1/bpmn", null).statusCode()).isEqualTo(404);
    } finally {
      worker.close();
    }
  }
}
