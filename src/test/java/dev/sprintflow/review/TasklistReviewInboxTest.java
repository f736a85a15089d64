package dev.sprintflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sprintflow.engine.DeploymentProperties;
import dev.sprintflow.engine.EngineConfigurationException;
import dev.sprintflow.test.FakeWebApp;
import dev.sprintflow.test.FakeWebApp.Response;
import dev.sprintflow.webapps.TasklistClient;
import dev.sprintflow.webapps.WebApps;
import dev.sprintflow.webapps.WebAppsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox over Tasklist's REST API against a fake Tasklist that answers like 8.6 does (JSON
 * shapes copied from the running stack). The real thing is exercised by the e2e test.
 */
class TasklistReviewInboxTest {

  private static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");

  private final ObjectMapper json = new ObjectMapper();
  private final FakeWebApp tasklist = new FakeWebApp();
  /** Tasks by id, as Tasklist stores them. */
  private final Map<String, ObjectNode> tasks = new ConcurrentHashMap<>();
  private final FormCatalog forms = new FormCatalog(
      new DeploymentProperties(true, List.of("bpmn", "dmn")), json, new ReviewProperties(null, null, null, null, null, null));
  private final TasklistReviewInbox inbox = new TasklistReviewInbox(
      new TasklistClient(tasklist.session("Tasklist", FakeWebApp.PASSWORD), json),
      new UserTaskCatalog(new DeploymentProperties(true, List.of("bpmn", "dmn"))),
      forms, Clock.fixed(NOW, ZoneOffset.UTC));

  TasklistReviewInboxTest() throws IOException {
    tasklist.on("POST /v1/tasks/search", r -> Response.json(search(read(r.body()))))
        .on("GET /v1/tasks/*", r -> {
          ObjectNode t = tasks.get(r.path().substring("/v1/tasks/".length()));
          return t == null ? new Response(404, "{\"status\":404,\"message\":\"task was not found\"}") : Response.json(t.toString());
        })
        .on("PATCH /v1/tasks/*", r -> {
          String[] parts = r.path().split("/"); // "", v1, tasks, id, action
          ObjectNode t = tasks.get(parts[3]);
          if (!"CREATED".equals(t.path("taskState").asText())) {
            return new Response(400, "{\"status\":400,\"message\":\"Task is not active\"}");
          }
          if (parts[4].equals("complete")) {
            t.put("taskState", "COMPLETED");
          }
          return Response.json(t.toString());
        });
  }

  @AfterEach
  void stop() {
    tasklist.close();
  }

  @Test
  void listsOpenSprintflowTasksWithTheirFormData() {
    task("2251799813685347", "review-work", "sprint-task-review", "sprint-a", List.of("backend-reviewers"));
    task("2251799813685400", "triage", "sprint-task-triage", "sprint-a", List.of("sprint-leads"));

    List<ReviewTask> open = inbox.list(null, null);

    assertThat(open).extracting(ReviewTask::id).containsExactly("2251799813685347", "2251799813685400");
    ReviewTask review = open.get(0);
    assertThat(review.kind()).isEqualTo("review");
    assertThat(review.name()).isEqualTo("Review: Port Cartridge Backend");
    assertThat(review.sprintId()).isEqualTo("sprint-a");
    assertThat(review.taskId()).isEqualTo("port-cartridge-backend");
    assertThat(review.processInstanceKey()).isEqualTo(2251799813685284L);
    assertThat(review.elementId()).isEqualTo("review-work");
    assertThat(review.candidateGroups()).containsExactly("backend-reviewers");
    assertThat(review.dueDate()).isEqualTo(Instant.parse("2026-11-23T07:00:06.377Z"));
    assertThat(review.form().id()).isEqualTo("sprint-task-review");
    assertThat(review.form().data())
        .containsEntry("acceptance", List.of("All 12 cartridge endpoints respond"))
        .containsEntry("result", "12 endpoints ported")
        .containsEntry("reworkCount", 0);
    assertThat(review.form().decisions()).extracting(ReviewForm.Option::value).containsExactly("approve", "rework");
    assertThat(open.get(1).kind()).isEqualTo("triage");
  }

  @Test
  void asksTasklistForOneElementAtATimeWithTheSprintAsVariableFilter() {
    inbox.list("sprint-a", null);

    List<JsonNode> searches = tasklist.requests("POST", "/v1/tasks/search").stream().map(r -> read(r.body())).toList();
    assertThat(searches).extracting(s -> s.path("taskDefinitionId").asText())
        .containsExactlyInAnyOrder("do-manual-work", "review-work", "triage");
    assertThat(searches).allSatisfy(s -> {
      assertThat(s.path("state").asText()).isEqualTo("CREATED");
      assertThat(s.path("taskVariables").get(0).path("name").asText()).isEqualTo("sprintId");
      assertThat(s.path("taskVariables").get(0).path("value").asText()).isEqualTo("\"sprint-a\"");
    });
  }

  @Test
  void filtersByCandidateGroup() {
    task("1", "review-work", "sprint-task-review", "sprint-a", List.of("backend-reviewers"));
    task("2", "review-work", "sprint-task-review", "sprint-a", List.of("security-reviewers"));

    assertThat(inbox.list(null, "security-reviewers")).extracting(ReviewTask::id).containsExactly("2");
  }

  @Test
  void decidingAssignsToTheServiceUserAndCompletesWithTheFormsFields() {
    task("7", "review-work", "sprint-task-review", "sprint-a", List.of("backend-reviewers"));

    DecisionRecorded recorded = inbox.decide(7, " rework ", "Filter by agency_id");

    assertThat(recorded).isEqualTo(new DecisionRecorded("7", "review", "rework", "Filter by agency_id", NOW));
    assertThat(tasklist.requests("PATCH", "/v1/tasks/7")).extracting(FakeWebApp.Request::path)
        .containsExactly("/v1/tasks/7/assign", "/v1/tasks/7/complete");
    JsonNode assign = read(tasklist.requests("PATCH", "/v1/tasks/7/assign").get(0).body());
    assertThat(assign.path("allowOverrideAssignment").asBoolean()).isTrue();
    JsonNode complete = read(tasklist.requests("PATCH", "/v1/tasks/7/complete").get(0).body());
    // Tasklist takes variable values as JSON text
    assertThat(complete.path("variables")).extracting(v -> v.path("name").asText() + "=" + v.path("value").asText())
        .containsExactlyInAnyOrder("decision=\"rework\"", "comment=\"Filter by agency_id\"");
  }

  @Test
  void aCompletedTaskIsAConflictAndAnUnknownOneNotFound() {
    task("7", "review-work", "sprint-task-review", "sprint-a", List.of());
    inbox.decide(7, "approve", null);

    assertThatThrownBy(() -> inbox.decide(7, "approve", null))
        .isInstanceOf(ReviewConflictException.class).hasMessageContaining("COMPLETED in Tasklist");
    assertThatThrownBy(() -> inbox.decide(8, "approve", null)).isInstanceOf(ReviewNotFoundException.class);
  }

  @Test
  void aTaskOfAnotherProcessIsNotOurs() {
    task("9", "approve-invoice", "invoice-form", "sprint-a", List.of());

    assertThatThrownBy(() -> inbox.decide(9, "approve", null)).isInstanceOf(ReviewNotFoundException.class);
    assertThat(tasklist.requests("PATCH", "/v1/tasks/9")).isEmpty();
  }

  @Test
  void anInvalidDecisionNeverReachesTasklist() {
    task("7", "review-work", "sprint-task-review", "sprint-a", List.of());

    assertThatThrownBy(() -> inbox.decide(7, "maybe", null))
        .isInstanceOfSatisfying(InvalidDecisionException.class, e -> assertThat(e.field()).isEqualTo("decision"))
        .hasMessageContaining("choose one of [approve, rework]");
    assertThatThrownBy(() -> inbox.decide(7, "approve", "x".repeat(2001)))
        .isInstanceOfSatisfying(InvalidDecisionException.class, e -> assertThat(e.field()).isEqualTo("comment"));
    assertThat(tasklist.requests("PATCH", "/v1/tasks/7")).isEmpty();
  }

  @Test
  void completedInTasklistMeanwhileIsAConflict() {
    ObjectNode t = task("7", "review-work", "sprint-task-review", "sprint-a", List.of());
    tasklist.on("PATCH /v1/tasks/*", r -> {
      t.put("taskState", "COMPLETED"); // a reviewer in Tasklist was faster
      return new Response(400, "{\"status\":400,\"message\":\"Task is not active\"}");
    });

    assertThatThrownBy(() -> inbox.decide(7, "approve", null))
        .isInstanceOf(ReviewConflictException.class).hasMessageContaining("Task is not active");
  }

  @Test
  void theTasklistBackendNeedsTasklistsAddress() {
    WebApps none = new WebApps(new WebAppsProperties(null, null, null, null, null), json);
    UserTaskCatalog catalog = new UserTaskCatalog(List.of());

    assertThatThrownBy(() -> new TasklistReviewInbox(none, catalog, forms, Clock.systemUTC()))
        .isInstanceOf(EngineConfigurationException.class)
        .hasMessageContaining("sprintflow.review.backend=tasklist needs Tasklist's address: set sprintflow.webapps.tasklist-url");
  }

  /** A task as Tasklist 8.6 returns it, with the variables the inbox asks for. */
  private ObjectNode task(String id, String elementId, String formId, String sprintId, List<String> groups) {
    ObjectNode t = json.createObjectNode();
    t.put("id", id).put("name", "Review work").put("taskDefinitionId", elementId).put("processName", "Sprint task lifecycle")
        .put("creationDate", "2026-11-22T07:00:06.377+0000").putNull("completionDate").putNull("assignee")
        .put("taskState", "CREATED").put("formKey", "2251799813685251").put("formId", formId).put("formVersion", 1)
        .put("isFormEmbedded", false).put("processDefinitionKey", "2251799813685253")
        .put("processInstanceKey", "2251799813685284").put("dueDate", "2026-11-23T07:00:06.377+0000")
        .put("implementation", "JOB_WORKER");
    groups.forEach(t.putArray("candidateGroups")::add);
    Map<String, Object> vars = Map.of("sprintId", sprintId, "taskId", "port-cartridge-backend", "taskTitle",
        "Port Cartridge Backend", "acceptance", List.of("All 12 cartridge endpoints respond"), "result",
        "12 endpoints ported", "reworkCount", 0);
    ArrayNode variables = t.putArray("variables");
    vars.forEach((name, value) -> variables.addObject().put("id", id + "-" + name).put("name", name)
        .put("value", write(value)).put("isValueTruncated", false));
    tasks.put(id, t);
    return t;
  }

  private String search(JsonNode request) {
    ArrayNode result = json.createArrayNode();
    String sprintFilter = request.path("taskVariables").path(0).path("value").asText(null);
    tasks.values().stream()
        .filter(t -> t.path("taskState").asText().equals(request.path("state").asText()))
        .filter(t -> t.path("taskDefinitionId").asText().equals(request.path("taskDefinitionId").asText()))
        .filter(t -> sprintFilter == null || variable(t, "sprintId").equals(sprintFilter))
        .forEach(result::add);
    return result.toString();
  }

  private static String variable(JsonNode task, String name) {
    for (JsonNode v : task.path("variables")) {
      if (v.path("name").asText().equals(name)) {
        return v.path("value").asText();
      }
    }
    return "";
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
