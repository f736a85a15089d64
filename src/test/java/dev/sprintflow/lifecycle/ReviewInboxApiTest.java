package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review through the REST inbox: list with form data, decide, and every error as a problem detail. */
class ReviewInboxApiTest extends LifecycleTestBase {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aReviewerDecidesThroughTheRestInbox() throws Exception {
    Map<String, Object> vars = LifecycleDriver.contract();
    String sprintId = (String) vars.get(LifecycleVariables.SPRINT_ID);
    long instance = driver.start(vars);
    String result = "12 endpoints ported, 53 tests green";
    driver.complete(driver.awaitJob((String) vars.get(LifecycleVariables.WORKER_KIND)), Map.of(LifecycleVariables.RESULT, result));

    JsonNode task = awaitListed(sprintId);
    assertThat(task.get("kind").asText()).isEqualTo("review");
    assertThat(task.get("name").asText()).isEqualTo("Review: " + vars.get(LifecycleVariables.TASK_TITLE));
    assertThat(task.get("processInstanceKey").asLong()).isEqualTo(instance);
    JsonNode form = task.get("form");
    assertThat(form.get("id").asText()).isEqualTo("sprint-task-review");
    assertThat(form.get("data").get("taskTitle").asText()).isEqualTo(vars.get(LifecycleVariables.TASK_TITLE));
    assertThat(form.get("data").get("result").asText()).isEqualTo(result);
    assertThat(json.convertValue(form.get("data").get("acceptance"), List.class)).isEqualTo(vars.get(LifecycleVariables.ACCEPTANCE));
    assertThat(values(form.get("decisions"))).isEqualTo(formOptions("bpmn/sprint-task-review.form"));

    // who and when come from the review policy the engine evaluated
    @SuppressWarnings("unchecked")
    Map<String, Object> policy = (Map<String, Object>) driver.processVariables(instance).get(LifecycleVariables.REVIEW_POLICY);
    List<String> groups = values(task.get("candidateGroups"));
    assertThat(groups).isEqualTo(policy.get("candidateGroups"));
    Instant created = jobCreatedAt(Long.parseLong(task.get("id").asText()));
    Instant due = Instant.parse(task.get("dueDate").asText());
    assertThat(Duration.between(created, due)).isBetween(
        Duration.parse((String) policy.get("reviewDue")).minusSeconds(5), Duration.parse((String) policy.get("reviewDue")).plusSeconds(5));

    // filters
    assertThat(ids(get("/api/reviews?sprintId=" + sprintId + "&candidateGroup=" + groups.get(0)))).containsExactly(task.get("id").asText());
    assertThat(ids(get("/api/reviews?sprintId=" + sprintId + "&candidateGroup=nobody-has-this-group"))).isEmpty();
    assertThat(ids(get("/api/reviews?sprintId=no-such-sprint"))).isEmpty();
    assertThat(ids(get("/api/reviews"))).contains(task.get("id").asText());

    String decisionPath = "/api/reviews/" + task.get("id").asText() + "/decision";
    HttpResponse<String> decided = post(decisionPath, "{\"decision\": \"approve\", \"comment\": \"Verified against the criteria\"}");
    assertThat(decided.statusCode()).isEqualTo(200);
    assertThat(json.readTree(decided.body()).get("decision").asText()).isEqualTo("approve");

    driver.awaitInstanceCompleted(instance);
    assertThat(driver.processVariables(instance))
        .containsEntry(LifecycleVariables.REVIEW_DECISION, "approve")
        .containsEntry(LifecycleVariables.REVIEW_COMMENT, "Verified against the criteria")
        .containsEntry(LifecycleVariables.TASK_OUTCOME, LifecycleVariables.OUTCOME_DONE);
    assertThat(ids(get("/api/reviews?sprintId=" + sprintId))).isEmpty();

    HttpResponse<String> twice = post(decisionPath, "{\"decision\": \"approve\"}");
    assertProblem(twice, 409, "id");
  }

  @Test
  void invalidDecisionsAreProblemsNamingTheField() throws Exception {
    Map<String, Object> vars = LifecycleDriver.contract();
    String sprintId = (String) vars.get(LifecycleVariables.SPRINT_ID);
    long instance = driver.start(vars);
    driver.complete(driver.awaitJob((String) vars.get(LifecycleVariables.WORKER_KIND)), Map.of(LifecycleVariables.RESULT, "x"));
    String path = "/api/reviews/" + awaitListed(sprintId).get("id").asText() + "/decision";

    assertThat(json.readTree(assertProblem(post(path, "{\"decision\": \"retry\"}"), 400, "decision").body())
        .get("detail").asText()).contains("approve", "rework");
    assertProblem(post(path, "{\"comment\": \"no decision\"}"), 400, "decision");
    assertProblem(post(path, "{\"decision\": \"  \"}"), 400, "decision");
    assertProblem(post(path, "{\"decision\": \"approve\", \"comment\": \"" + "x".repeat(2001) + "\"}"), 400, "comment");
    assertProblem(post(path, "{\"decision\": "), 400, "body");
    assertProblem(post(path, ""), 400, "body");
    assertProblem(post("/api/reviews/not-a-number/decision", "{\"decision\": \"approve\"}"), 400, "id");
    assertProblem(post("/api/reviews/4503599627370495/decision", "{\"decision\": \"approve\"}"), 404, "id");

    // none of that touched the task: it is still open and can be decided
    assertThat(ids(get("/api/reviews?sprintId=" + sprintId))).hasSize(1);
    assertThat(post(path, "{\"decision\": \"rework\", \"comment\": \"" + "y".repeat(2000) + "\"}").statusCode()).isEqualTo(200);
    driver.awaitCompleted(instance, "rework-requested", 1);
  }

  private JsonNode awaitListed(String sprintId) {
    List<JsonNode> found = new ArrayList<>();
    await().atMost(LifecycleDriver.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
      JsonNode list = json.readTree(get("/api/reviews?sprintId=" + sprintId).body());
      list.forEach(found::add);
      return !found.isEmpty();
    });
    return found.get(0);
  }

  private Instant jobCreatedAt(long jobKey) {
    return records.all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT
            && r.getIntent() == JobIntent.CREATED && r.getKey() == jobKey)
        .map(r -> Instant.ofEpochMilli(r.getTimestamp()))
        .findFirst()
        .orElseThrow();
  }

  private List<String> formOptions(String file) throws IOException {
    List<String> options = new ArrayList<>();
    for (JsonNode c : json.readTree(Files.readString(Path.of(file))).get("components")) {
      if ("decision".equals(c.path("key").asText())) {
        c.get("values").forEach(v -> options.add(v.get("value").asText()));
      }
    }
    return options;
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.has("value") ? n.get("value").asText() : n.asText()));
    return values;
  }

  private List<String> ids(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(response.body()).forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private HttpResponse<String> assertProblem(HttpResponse<String> response, int status, String field) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("field").asText()).isEqualTo(field);
    assertThat(response.body()).doesNotContain("Exception", "at dev.");
    return response;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
