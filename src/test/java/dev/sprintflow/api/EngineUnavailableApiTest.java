package dev.sprintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Remote mode pointed at a port where no engine listens: the API says 503 and when to retry. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "sprintflow.engine.mode=remote",
      "sprintflow.deployment.enabled=false",
      "sprintflow.api.retry-after=7s",
      "camunda.client.request-timeout=3s",
      "camunda.client.auth.method=none",
      "management.endpoint.health.show-details=always"
    })
class EngineUnavailableApiTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @DynamicPropertySource
  static void deadGateway(DynamicPropertyRegistry registry) throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort(); // free now, closed when the test runs
    }
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + closedPort);
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + closedPort);
  }

  @Test
  void startingAProcessIs503WithRetryAfter() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/processes/sprintflow-ping/instances"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("title").asText()).isEqualTo("Engine unavailable");
    assertThat(problem.get("detail").asText()).contains("cannot be reached");
  }

  @Test
  void healthReportsZeebeDown() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());

    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode zeebe = json.readTree(response.body()).at("/components/zeebe");
    assertThat(zeebe.get("status").asText()).isEqualTo("DOWN");
    assertThat(zeebe.at("/details/mode").asText()).isEqualTo("remote");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
