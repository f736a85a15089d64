package dev.sprintflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The start-and-complete scenario in remote mode against a real Zeebe broker in a container. It
 * needs Docker, so it is skipped where there is none (our 2-core CI machines); the same scenario
 * runs on the embedded engine in ProcessInstanceApiTest.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.profiles.active=remote", "camunda.client.auth.method=none"})
class ZeebeContainerTest {

  @Container
  static final GenericContainer<?> ZEEBE = new GenericContainer<>(DockerImageName.parse("camunda/zeebe:8.8.21"))
      .withExposedPorts(26500, 8080, 9600)
      .withEnv("ZEEBE_BROKER_GATEWAY_ENABLE", "true")
      .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(9600))
      .withStartupTimeout(Duration.ofMinutes(3));

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", () -> "http://" + ZEEBE.getHost() + ":" + ZEEBE.getMappedPort(26500));
    registry.add("camunda.client.rest-address", () -> "http://" + ZEEBE.getHost() + ":" + ZEEBE.getMappedPort(8080));
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;

  @Test
  void pingProcessDeployedOnStartUpRunsToCompletionOnTheBroker() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/processes/sprintflow-ping/instances"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"from a container\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    long key = json.readTree(response.body()).get("processInstanceKey").asLong();

    // A broker without secondary storage cannot be searched. Setting a variable is harmless on a
    // running instance and NOT_FOUND once it has completed, so it tells the two apart.
    await().atMost(Duration.ofSeconds(30)).until(() -> isFinished(key));
  }

  private boolean isFinished(long key) {
    try {
      client.newSetVariablesCommand(key).variables(java.util.Map.of("probe", true)).send().join();
      return false;
    } catch (io.camunda.client.api.command.ClientStatusException e) {
      return e.getStatusCode() == io.grpc.Status.Code.NOT_FOUND;
    }
  }
}
