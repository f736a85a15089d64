package dev.sprintflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Drives a running service over its REST API as a lead would: start sprints, read their progress,
 * and decide review, triage, manual-work and gate tasks in the inbox.
 */
public final class SprintApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient http;
  private Duration timeout = Duration.ofSeconds(60);

  /** For the service listening on 127.0.0.1:port. */
  public SprintApi(int port) {
    this.http = new ApiClient(port);
  }

  public SprintApi timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public HttpResponse<String> get(String path, String accept) {
    return http.get(path, accept);
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return http.post(path, contentType, body);
  }

  public JsonNode json(String path) {
    HttpResponse<String> r = get(path, "application/json");
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return parse(r.body());
  }

  /** POSTs a plan and returns the started sprint (sprintId, processInstanceKey, ...). */
  public JsonNode startSprint(String file, String contentType, String plan) {
    HttpResponse<String> r = post("/api/sprints?file=" + file, contentType, plan);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return parse(r.body());
  }

  public JsonNode sprint(String sprintId) {
    return json("/api/sprints/" + sprintId);
  }

  public static JsonNode task(JsonNode overview, String taskId) {
    for (JsonNode t : overview.get("tasks")) {
      if (t.get("taskId").asText().equals(taskId)) {
        return t;
      }
    }
    throw new AssertionError("no task " + taskId + " in " + overview);
  }

  /** Waits until the sprint's overview satisfies the condition, and returns that overview. */
  public JsonNode awaitSprint(String sprintId, String what, Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    try {
      await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
        last.set(sprint(sprintId));
        return condition.test(last.get());
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("Timed out waiting for: " + what + "; last overview: " + last.get(), e);
    }
    return last.get();
  }

  public JsonNode awaitTaskState(String sprintId, String taskId, String state) {
    return awaitSprint(sprintId, taskId + " " + state, o -> task(o, taskId).get("state").asText().equals(state));
  }

  /** Waits for the inbox task the predicate picks, and decides it; returns the inbox entry. */
  public JsonNode decide(String sprintId, Predicate<JsonNode> which, String decision, String comment) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    await("inbox task for " + decision).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
      for (JsonNode t : json("/api/reviews?sprintId=" + sprintId)) {
        if (which.test(t)) {
          found.set(t);
          return true;
        }
      }
      return false;
    });
    String body = "{\"decision\": " + quote(decision) + (comment == null ? "" : ", \"comment\": " + quote(comment)) + "}";
    HttpResponse<String> r = post("/api/reviews/" + found.get().get("id").asText() + "/decision", "application/json", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return found.get();
  }

  /** The open inbox task of a plan task, of a kind (review, triage, work). */
  public static Predicate<JsonNode> taskOf(String taskId, String kind) {
    return t -> taskId.equals(t.path("taskId").asText(null)) && kind.equals(t.get("kind").asText());
  }

  public static Predicate<JsonNode> gate(String elementId) {
    return t -> "gate".equals(t.get("kind").asText()) && elementId.equals(t.get("elementId").asText());
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }
}
