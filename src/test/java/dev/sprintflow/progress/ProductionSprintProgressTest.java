package dev.sprintflow.progress;

import static dev.sprintflow.test.SprintApi.task;
import static dev.sprintflow.test.SprintApi.taskOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.report.MorningReport;
import dev.sprintflow.test.EngineRecords;
import dev.sprintflow.test.MutableClock;
import dev.sprintflow.test.SprintApi;
import dev.sprintflow.test.SvgTimeline;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The production sample plan run end to end on the embedded engine with scripted workers and
 * decisions through the REST inbox, on a clock the test moves, so that every figure is exact. The
 * read model is checked at five checkpoints (states, counts, what waiting tasks wait for, critical
 * paths, forecast), then the report's sections, the timeline SVG, and that the events recorded are
 * exactly the listener jobs the engine completed: no gaps, no duplicates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.client.worker.defaults.enabled=false",
    // The inbox drops tasks whose lease (job timeout + a minute) ran out by the clock: the test moves it by hours.
    "sprintflow.review.job-timeout=30d"})
@Import(ProductionSprintProgressTest.TestClock.class)
class ProductionSprintProgressTest {

  static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");
  static final String PORT = "port-cartridge-backend";
  static final String E2E = "e2e-test-multi-org-roles";
  static final String GMAIL = "real-gmail-sync";
  static final String SLACK = "real-slack-sync";
  static final String GOOGLE = "real-google-ads";
  static final String META = "real-meta-ads";
  static final String FINAL = "final-verification";

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(T0);
    }
  }

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired MutableClock clock;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired ProgressRepository repository;

  private final List<JobWorker> workers = new ArrayList<>();

  @AfterEach
  void closeWorkers() {
    workers.forEach(JobWorker::close);
  }

  @Test
  void theReadModelFollowsTheProductionSprintFromPlanToCompletion() throws Exception {
    SprintApi api = new SprintApi(port);
    String id = api.startSprint("audienceos-production-sprint.md", "text/markdown",
        resource("/plans/audienceos-production-sprint.md")).get("sprintId").asText();

    // A (08:00): the port runs (no worker has taken it yet); every other task waits for it.
    JsonNode a = api.awaitTaskState(id, PORT, "running");
    assertThat(counts(a)).containsEntry("running", 1).containsEntry("pending", 6).containsEntry("done", 0);
    assertThat(task(a, PORT).get("startedAt").asText()).isEqualTo("2026-01-12T08:00:00Z");
    assertThat(task(a, PORT).get("tier").asText()).isEqualTo("IMMEDIATE");
    for (String t : List.of(E2E, GMAIL, SLACK, GOOGLE, META)) {
      assertThat(ids(task(a, t).at("/waitsFor/tasks"))).as(t).containsExactly(PORT);
    }
    assertThat(ids(task(a, FINAL).at("/waitsFor/tasks"))).containsExactly(E2E, GMAIL, SLACK, GOOGLE, META);
    assertThat(a.get("gates")).hasSize(3).allSatisfy(g -> {
      assertThat(g.get("state").asText()).isEqualTo("pending");
      assertThat(ids(g.at("/waitsFor/tasks"))).containsExactly(FINAL);
    });
    assertThat(ids(a.at("/schedule/planned/taskIds"))).containsExactly(PORT, GMAIL, FINAL);
    assertThat(a.at("/schedule/planned/length").asText()).isEqualTo("PT132H");
    assertThat(a.at("/schedule/plannedFinish").asText()).isEqualTo("2026-01-17T20:00:00Z");
    assertThat(task(a, GMAIL).get("critical").asBoolean()).isTrue();
    assertThat(task(a, SLACK).get("critical").asBoolean()).isFalse();
    JsonNode listed = listed(api, id);
    assertThat(listed.get("tasks").asInt()).isEqualTo(7);
    assertThat(listed.get("state").asText()).isEqualTo("running");
    assertThat(listed.at("/counts/pending").asInt()).isEqualTo(6);

    // B (11:00): the migration worker delivers; the backend reviewers have it.
    clock.advance(Duration.ofHours(3));
    openWorkers();
    JsonNode b = api.awaitTaskState(id, PORT, "in_review");
    assertThat(task(b, PORT).at("/review/reviewers").asText()).isEqualTo("backend-reviewers");
    assertThat(task(b, PORT).at("/review/requestedAt").asText()).isEqualTo("2026-01-12T11:00:00Z");
    assertThat(task(b, PORT).at("/waitsFor/group").asText()).isEqualTo("backend-reviewers");

    // C (12:00): after an hour the reviewer sends it back; the worker redoes it, it is in review again.
    clock.advance(Duration.ofHours(1));
    String waiting = api.get("/api/sprints/" + id + "/report", "text/markdown").body();
    assertThat(section(waiting, "Awaiting review")).contains("Port Cartridge Backend", "backend-reviewers", "| 1h |");
    api.decide(id, taskOf(PORT, "review"), "rework", "Filter by agency_id");
    JsonNode c = api.awaitSprint(id, "port reworked and back in review",
        o -> task(o, PORT).get("reworkCount").asInt() == 1 && task(o, PORT).get("state").asText().equals("in_review"));
    assertThat(task(c, PORT).at("/review/decision").asText()).isEqualTo("rework");
    assertThat(task(c, PORT).at("/review/comment").asText()).isEqualTo("Filter by agency_id");
    assertThat(task(c, PORT).at("/review/requestedAt").asText()).isEqualTo("2026-01-12T12:00:00Z");

    // D (14:00): approved; five tasks start at once. Gmail's grant has expired: triage.
    clock.advance(Duration.ofHours(2));
    api.decide(id, taskOf(PORT, "review"), "approve", "Looks good");
    JsonNode d = api.awaitSprint(id, "the five parallel tasks in place", o ->
        state(o, GMAIL).equals("in_triage") && state(o, E2E).equals("in_review") && state(o, SLACK).equals("in_review")
            && state(o, GOOGLE).equals("done") && state(o, META).equals("done"));
    assertThat(counts(d)).containsEntry("done", 3).containsEntry("in_review", 2).containsEntry("in_triage", 1)
        .containsEntry("pending", 1).containsEntry("running", 0);
    assertThat(task(d, PORT).get("actual").asText()).isEqualTo("PT6H");
    assertThat(task(d, PORT).get("finishedAt").asText()).isEqualTo("2026-01-12T14:00:00Z");
    assertThat(task(d, GMAIL).at("/error/code").asText()).isEqualTo("OAUTH_REAUTH_REQUIRED");
    assertThat(task(d, GMAIL).at("/error/message").asText()).contains("Gmail grant expired");
    assertThat(task(d, GMAIL).at("/waitsFor/group").asText()).isEqualTo("sprint-leads");
    assertThat(task(d, E2E).at("/review/reviewers").asText()).isEqualTo("security-reviewers");
    assertThat(ids(task(d, FINAL).at("/waitsFor/tasks"))).containsExactly(E2E, GMAIL, SLACK);
    // Forecast: the gmail and slack estimates (2 days from 14:00) then the final 12 hours.
    assertThat(d.at("/schedule/forecastFinish").asText()).isEqualTo("2026-01-15T02:00:00Z");
    assertThat(d.at("/schedule/onTrack").asBoolean()).isTrue();
    String morning = api.get("/api/sprints/" + id + "/report?since=2026-01-12T13:00:00Z", null).body();
    assertThat(section(morning, "Done since")).contains("Port Cartridge Backend", "Real Google Ads", "Real Meta Ads");
    assertThat(section(morning, "In triage")).contains("Real Gmail Sync", "`OAUTH_REAUTH_REQUIRED`: Gmail grant expired for agency 7", "sprint-leads");
    assertThat(section(morning, "Awaiting review")).contains("E2E Test Multi-Org Roles", "Real Slack Sync");
    assertThat(section(morning, "Waiting to start")).contains("Final Verification");

    // E: the lead retries gmail (15:00); e2e approved at 15:00, gmail at 16:00, slack at 20:00.
    clock.advance(Duration.ofHours(1));
    api.decide(id, taskOf(GMAIL, "triage"), "retry", "Re-authorised the Gmail app");
    api.awaitSprint(id, "gmail back in review", o -> state(o, GMAIL).equals("in_review")
        && task(o, GMAIL).get("attempts").asInt() == 2);
    api.decide(id, taskOf(E2E, "review"), "approve", null);
    api.awaitTaskState(id, E2E, "done");
    clock.advance(Duration.ofHours(1));
    api.decide(id, taskOf(GMAIL, "review"), "approve", null);
    api.awaitTaskState(id, GMAIL, "done");
    clock.advance(Duration.ofHours(4));
    api.decide(id, taskOf(SLACK, "review"), "approve", null);
    JsonNode e = api.awaitTaskState(id, FINAL, "running");
    assertThat(task(e, FINAL).has("waitsFor")).isFalse();
    assertThat(task(e, FINAL).get("startedAt").asText()).isEqualTo("2026-01-12T20:00:00Z");

    // F (22:00): the final verification is done by hand; two gates pass, one fails. The sprint is complete.
    clock.advance(Duration.ofHours(2));
    api.decide(id, taskOf(FINAL, "work"), "done", "All checks green");
    api.awaitSprint(id, "gates open", o -> o.get("gates").get(2).get("state").asText().equals("open"));
    api.decide(id, SprintApi.gate("gate_tier_1"), "passed", null);
    api.decide(id, SprintApi.gate("gate_tier_2"), "passed", null);
    api.decide(id, SprintApi.gate("gate_tier_3"), "failed", "Lighthouse score 71, target 90");
    JsonNode f = api.awaitSprint(id, "sprint completed", o -> o.get("state").asText().equals("completed"));
    assertThat(counts(f)).containsEntry("done", 7);
    assertThat(f.get("endedAt").asText()).isEqualTo("2026-01-12T22:00:00Z");
    assertThat(f.get("gates")).extracting(g -> g.get("state").asText()).containsExactly("passed", "passed", "failed");
    assertThat(f.get("gates").get(2).get("comment").asText()).isEqualTo("Lighthouse score 71, target 90");
    assertThat(ids(f.at("/schedule/planned/taskIds"))).containsExactly(PORT, GMAIL, FINAL);
    assertThat(ids(f.at("/schedule/actual/taskIds"))).containsExactly(PORT, SLACK, FINAL);
    assertThat(f.at("/schedule/actual/length").asText()).isEqualTo("PT14H");
    assertThat(f.at("/schedule/forecastFinish").asText()).isEqualTo("2026-01-12T22:00:00Z");
    assertThat(f.at("/schedule/onTrack").asBoolean()).isTrue();
    assertThat(task(f, GMAIL).get("actual").asText()).isEqualTo("PT2H");
    assertThat(task(f, GMAIL).at("/error/triageDecision").asText()).isEqualTo("retry");
    assertThat(task(f, SLACK).get("actual").asText()).isEqualTo("PT6H");
    assertThat(task(f, FINAL).get("actual").asText()).isEqualTo("PT2H");
    assertThat(listed(api, id).get("state").asText()).isEqualTo("completed");

    reportAndTimeline(api, id);
    everyCompletedListenerJobIsRecordedOnce(id);
  }

  private void reportAndTimeline(SprintApi api, String id) throws Exception {
    HttpResponse<String> md = api.get("/api/sprints/" + id + "/report?since=PT24H", "text/markdown");
    assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
    String report = md.body();
    int at = -1;
    for (String s : MorningReport.SECTIONS) {
      int next = report.indexOf("\n## " + s);
      assertThat(next).as("section %s in order", s).isGreaterThan(at);
      at = next;
    }
    assertThat(section(report, "Done since").lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Task") && !l.startsWith("| ---"))).hasSize(7);
    assertThat(section(report, "In progress")).contains("None.");
    assertThat(section(report, "Gates")).contains("2 of 3 passed", "Lighthouse score 71, target 90");
    assertThat(section(report, "Estimate vs actual")).contains("**Total (7 done)**", "| Real Slack Sync | 2d | 6h | -1d 18h |");
    assertThat(section(report, "Critical path")).contains(
        "Planned (by estimates): Port Cartridge Backend → Real Gmail Sync → Final Verification, 5d 12h",
        "Port Cartridge Backend → Real Slack Sync → Final Verification, 14h");

    HttpResponse<String> html = api.get("/api/sprints/" + id + "/report", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body()).contains("<h2>Gates</h2>", "<table>", "<td>Real Slack Sync</td>");

    HttpResponse<String> svg = api.get("/api/sprints/" + id + "/timeline.svg", "image/svg+xml");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    // Kept for docs/progress.md (docs/examples/morning-report.md, docs/images/sprint-timeline.svg).
    java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "progress"));
    java.nio.file.Files.writeString(out.resolve("morning-report.md"), report);
    java.nio.file.Files.writeString(out.resolve("sprint-timeline.svg"), svg.body());
    SvgTimeline chart = SvgTimeline.parse(svg.body());
    assertThat(chart.bars("planned-")).hasSize(7);
    assertThat(chart.bars("actual-")).hasSize(7);
    assertThat(chart.criticalPlannedBars()).containsExactlyInAnyOrder("planned-" + PORT, "planned-" + GMAIL, "planned-" + FINAL);
  }

  /** The recorded events are exactly the progress listener jobs the engine completed. */
  private void everyCompletedListenerJobIsRecordedOnce(String id) {
    EngineRecords records = new EngineRecords(engine);
    Set<String> completedJobs = records.all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT
            && r.getIntent() == JobIntent.COMPLETED)
        .map(r -> (JobRecordValue) r.getValue())
        .filter(j -> j.getType().startsWith("sprintflow.progress."))
        .map(j -> j.getElementInstanceKey() + ":" + j.getType().substring("sprintflow.progress.".length()))
        .collect(Collectors.toSet());
    List<RecordedEvent> events = repository.events(id);
    Set<String> recorded = events.stream().map(ev -> ev.elementInstanceKey() + ":" + ev.eventType()).collect(Collectors.toSet());
    assertThat(recorded).hasSize(events.size()).isEqualTo(completedJobs);
    // Per task: port = work, 2 reviews (start+end), done; gmail = work, triage, work again, review, done.
    Map<String, Long> perTask = events.stream().filter(ev -> ev.subjectKind().equals("task"))
        .collect(Collectors.groupingBy(RecordedEvent::subjectId, Collectors.counting()));
    assertThat(perTask).containsEntry(PORT, 6L).containsEntry(GMAIL, 7L).containsEntry(GOOGLE, 2L).containsEntry(FINAL, 2L);
    assertThat(events.stream().filter(ev -> ev.subjectKind().equals("gate"))).hasSize(6);
    assertThat(events.stream().filter(ev -> ev.subjectKind().equals("sprint"))).hasSize(1);
  }

  private void openWorkers() {
    AtomicBoolean gmailFailed = new AtomicBoolean();
    for (String kind : List.of("migration-port", "rbac-check", "generic")) {
      workers.add(client.newWorker().jobType(kind).handler((jc, job) -> jc.newCompleteCommand(job)
          .variables(Map.of("result", "done by the scripted " + kind + " worker")).send().join()).open());
    }
    workers.add(client.newWorker().jobType("oauth-sync").handler((jc, job) -> {
      if (GMAIL.equals(job.getVariablesAsMap().get("taskId")) && gmailFailed.compareAndSet(false, true)) {
        jc.newThrowErrorCommand(job).errorCode("OAUTH_REAUTH_REQUIRED").errorMessage("Gmail grant expired")
            .variables(Map.of("errorCode", "OAUTH_REAUTH_REQUIRED", "errorMessage", "Gmail grant expired for agency 7"))
            .send().join();
      } else {
        jc.newCompleteCommand(job).variables(Map.of("result", "synced")).send().join();
      }
    }).open());
  }

  private static JsonNode listed(SprintApi api, String id) {
    return StreamSupport.stream(api.json("/api/sprints").spliterator(), false)
        .filter(s -> s.get("sprintId").asText().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Integer> counts(JsonNode overview) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    overview.get("counts").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
    return out;
  }

  private static String state(JsonNode overview, String taskId) {
    return task(overview, taskId).get("state").asText();
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The text of one "## " section of the report. */
  static String section(String report, String heading) {
    int start = report.indexOf("\n## " + heading);
    assertThat(start).as("section " + heading).isNotNegative();
    int end = report.indexOf("\n## ", start + 4);
    return report.substring(start, end < 0 ? report.length() : end);
  }

  private static String resource(String path) throws Exception {
    try (InputStream in = ProductionSprintProgressTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
