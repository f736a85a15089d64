package dev.sprintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.test.EngineRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health with the Zeebe topology, Prometheus metrics with job worker counters, and OpenAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // tests switch metric export off unless asked
class OperationsEndpointsTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired EmbeddedZeebeEngine engine;

  @Test
  void healthIncludesTheZeebeTopology() throws Exception {
    HttpResponse<String> response = get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode zeebe = json.readTree(response.body()).at("/components/zeebe");
    assertThat(zeebe.get("status").asText()).isEqualTo("UP");
    assertThat(zeebe.at("/details/mode").asText()).isEqualTo("embedded");
    assertThat(zeebe.at("/details/gateway").asText()).isEqualTo("http://127.0.0.1:" + engine.port());
    assertThat(zeebe.at("/details/partitions").asInt()).isEqualTo(1);
    assertThat(zeebe.at("/details/healthyLeaders").asInt()).isEqualTo(1);
  }

  @Test
  void prometheusExposesJobWorkerMetricsOnceAJobRan() throws Exception {
    HttpResponse<String> started = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri("/api/processes/sprintflow-ping/instances"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    long key = json.readTree(started.body()).get("processInstanceKey").asLong();
    new EngineRecords(engine).awaitCompleted(key, Duration.ofSeconds(20));

    String metrics = get("/actuator/prometheus").body();

    assertThat(metrics).containsPattern("camunda_job_invocations_total\\{[^}]*type=\"sprintflow.ping\"[^}]*\\} [1-9]");
    assertThat(metrics).contains("http_server_requests_seconds_count");
  }

  @Test
  void openApiDescribesTheProcessEndpointAndTheUiIsServed() throws Exception {
    JsonNode api = json.readTree(get("/v3/api-docs").body());
    assertThat(api.at("/paths").has("/api/processes/{bpmnProcessId}/instances")).isTrue();
    assertThat(api.at("/paths/~1api~1processes~1{bpmnProcessId}~1instances/post/responses").has("503")).isTrue();

    HttpResponse<String> ui = get("/swagger-ui/index.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
