package dev.sprintflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.test.FakeWebApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebAppSessionTest {

  private final FakeWebApp app = new FakeWebApp();

  WebAppSessionTest() throws IOException {}

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void logsInOnFirstUseAndSendsTheCsrfTokenWithWrites() {
    app.on("GET /v1/tasks/1", r -> FakeWebApp.Response.json("{\"id\":\"1\"}"))
        .on("POST /v1/tasks/search", r -> FakeWebApp.Response.json("[]"));
    WebAppSession session = app.session("Tasklist", FakeWebApp.PASSWORD);

    JsonNode task = session.get("/v1/tasks/1");
    JsonNode found = session.post("/v1/tasks/search", Map.of("state", "CREATED"));

    assertThat(task.path("id").asText()).isEqualTo("1");
    assertThat(found.isArray()).isTrue();
    assertThat(app.logins()).isEqualTo(1);
    assertThat(app.requests("POST", "/v1/tasks/search")).singleElement()
        .satisfies(r -> {
          assertThat(r.csrfToken()).isEqualTo("T1");
          assertThat(r.body()).isEqualTo("{\"state\":\"CREATED\"}");
        });
  }

  @Test
  void logsInAgainOnceWhenTheSessionExpired() {
    app.on("PATCH /v1/tasks/1/assign", r -> FakeWebApp.Response.json("{}"));
    WebAppSession session = app.session("Tasklist", FakeWebApp.PASSWORD);
    session.patch("/v1/tasks/1/assign", Map.of());
    app.expireSession();

    session.patch("/v1/tasks/1/assign", Map.of());

    assertThat(app.logins()).isEqualTo(2);
    assertThat(app.requests("PATCH", "/v1/tasks/1/assign")).extracting(FakeWebApp.Request::csrfToken)
        .containsExactly("T1", "T1", "T2"); // the second one was refused, then retried with the new token
  }

  @Test
  void refusedLoginNamesTheSettingsButNotThePassword() {
    WebAppSession session = app.session("Tasklist", "wrong-password");

    assertThatThrownBy(() -> session.get("/v1/tasks/1"))
        .isInstanceOfSatisfying(WebAppException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("refused the login of user 'demo'")
        .hasMessageContaining("sprintflow.webapps.password")
        .hasMessageContaining("SPRINTFLOW_STACK_PASSWORD")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void errorAnswersCarryTheApplicationsMessage() {
    app.on("GET /v1/tasks/9", r -> new FakeWebApp.Response(404, "{\"status\":404,\"message\":\"task with id 9 was not found\"}"));
    WebAppSession session = app.session("Tasklist", FakeWebApp.PASSWORD);

    assertThatThrownBy(() -> session.get("/v1/tasks/9"))
        .isInstanceOfSatisfying(WebAppException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("Tasklist answered 404 to GET /v1/tasks/9: task with id 9 was not found");
  }

  @Test
  void unreachableApplicationIsUnavailableNotAnError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    WebAppSession session = new WebAppSession("Operate", URI.create("http://127.0.0.1:" + port), "demo", "pw",
        Duration.ofSeconds(2), new ObjectMapper());

    assertThatThrownBy(() -> session.get("/v1/process-instances/1"))
        .isInstanceOf(WebAppUnavailableException.class)
        .hasMessageStartingWith("Operate at http://127.0.0.1:" + port + " cannot be reached");
  }
}
