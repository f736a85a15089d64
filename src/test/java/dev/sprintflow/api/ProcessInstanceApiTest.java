package dev.sprintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The whole service on its embedded engine: a process is started through the REST API, a job
 * worker completes its service task, and the engine's own records show the outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessInstanceApiTest {

  static final String PROCESS_ID = "api-test-process";
  static final String JOB_TYPE = "api-test.echo";

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired ObjectMapper json;

  @TestConfiguration
  static class EchoWorker {
    @Bean
    Echo echo() {
      return new Echo();
    }
  }

  public static class Echo {
    @JobWorker(type = JOB_TYPE)
    public Map<String, Object> echo(@Variable(name = "input") String input) {
      return Map.of("output", input + "!");
    }
  }

  /** Zeebe keeps one version of identical resources, so deploying before every test is cheap. */
  @BeforeEach
  void deployTestProcess() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent("start")
        .serviceTask("echo", t -> t.zeebeJobType(JOB_TYPE))
        .endEvent("end")
        .done();
    client.newDeployResourceCommand().addProcessModel(model, PROCESS_ID + ".bpmn").send().join();
  }

  @Test
  void startsAProcessThatAWorkerCompletesWithItsVariables() throws Exception {
    HttpResponse<String> response = post("/api/processes/" + PROCESS_ID + "/instances",
        "application/json", "{\"input\": \"hello\", \"sprint\": {\"id\": \"s-1\", \"tasks\": 7}}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("bpmnProcessId").asText()).isEqualTo(PROCESS_ID);
    assertThat(body.get("version").asInt()).isGreaterThanOrEqualTo(1);
    long key = body.get("processInstanceKey").asLong();
    assertThat(key).isPositive();

    EngineRecords records = new EngineRecords(engine);
    records.awaitCompleted(key, Duration.ofSeconds(20));
    assertThat(records.completedElements(key)).containsSubsequence("start", "echo", "end", PROCESS_ID);
    assertThat(records.variables(key))
        .containsEntry("input", "hello")
        .containsEntry("output", "hello!")
        .containsEntry("sprint", Map.of("id", "s-1", "tasks", 7));
  }

  @Test
  void theBundledPingProcessIsDeployedOnStartUpAndAnsweredByItsWorker() throws Exception {
    HttpResponse<String> response = post("/api/processes/sprintflow-ping/instances", "application/json",
        "{\"message\": \"are you there?\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    long key = json.readTree(response.body()).get("processInstanceKey").asLong();
    EngineRecords records = new EngineRecords(engine);
    records.awaitCompleted(key, Duration.ofSeconds(20));
    assertThat(records.variables(key)).containsEntry("pong", "are you there?").containsKey("servedAt");
  }

  @Test
  void unknownProcessIs404ProblemNamingTheId() throws Exception {
    HttpResponse<String> response = post("/api/processes/no-such-process/instances", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asText()).contains("'no-such-process'");
    assertThat(problem.get("bpmnProcessId").asText()).isEqualTo("no-such-process");
  }

  @Test
  void malformedJsonIs400WithLineAndColumn() throws Exception {
    HttpResponse<String> response =
        post("/api/processes/" + PROCESS_ID + "/instances", "application/json", "{\n  \"input\": \"x\",\n  oops\n}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("detail").asText()).contains("line 3, column");
    assertThat(problem.get("field").asText()).isEqualTo("body");
    assertThat(response.body()).doesNotContain("at com.", "at org.", "Exception");
  }

  @Test
  void nonObjectBodiesAre400() throws Exception {
    for (String body : new String[] {"[1, 2]", "\"text\"", "42", "null"}) {
      HttpResponse<String> response = post("/api/processes/" + PROCESS_ID + "/instances", "application/json", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("detail").asText()).as(body).contains("must be a JSON object");
    }
  }

  @Test
  void emptyBodyIs400() throws Exception {
    HttpResponse<String> response = post("/api/processes/" + PROCESS_ID + "/instances", "application/json", "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("body is missing");
  }

  @Test
  void malformedProcessIdIs400NamingTheField() throws Exception {
    HttpResponse<String> response = post("/api/processes/1-starts-with-digit/instances", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("field").asText()).isEqualTo("bpmnProcessId");
    assertThat(problem.get("detail").asText()).contains("'1-starts-with-digit'");
  }

  @Test
  void nonJsonContentTypeIs415() throws Exception {
    HttpResponse<String> response = post("/api/processes/" + PROCESS_ID + "/instances", "text/plain", "input=x");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(415);
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
