package dev.sprintflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.test.PostgresTestDatabase;
import dev.sprintflow.test.ServiceProcess;
import dev.sprintflow.test.SprintApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service killed (SIGKILL) and started again on the same PostgreSQL database still knows its
 * sprints, their plans and diagrams. Its embedded engine is in memory, so the sprint itself is gone
 * from the engine (README, "Runtime modes"); ProgressRestartE2ETest covers a runtime that keeps it.
 */
@ExtendWith(PostgresTestDatabase.class)
class SprintsSurviveRestartTest {

  static final String PLAN = """
      id: survives
      name: Survives a restart
      tasks:
        - id: only
          title: Only task
          worker: nobody-serves-this
          estimate: 2 hours
      """;

  @Test
  void aKilledServiceRestartedOnTheSameDatabaseStillListsItsSprints(PostgresTestDatabase.Schema db) throws Exception {
    String url = db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + db.name();
    List<String> args = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
        "--sprintflow.engine.embedded.grpc-port=0");
    Path logs = Path.of("target", "restart", db.name());
    String id;
    ServiceProcess first = ServiceProcess.start(logs.resolve("first.log"), Duration.ofMinutes(3), args);
    try {
      SprintApi api = new SprintApi(first.port());
      id = api.startSprint("survives.yaml", "application/yaml", PLAN).get("sprintId").asText();
      api.awaitTaskState(id, "only", "running");
    } finally {
      first.kill();
    }
    try (ServiceProcess second = ServiceProcess.start(logs.resolve("second.log"), Duration.ofMinutes(3), args)) {
      SprintApi api = new SprintApi(second.port());
      JsonNode listed = null;
      for (JsonNode s : api.json("/api/sprints")) {
        listed = s.get("sprintId").asText().equals(id) ? s : listed;
      }
      assertThat(listed).as("sprint %s listed after the restart", id).isNotNull();
      assertThat(listed.get("planName").asText()).isEqualTo("Survives a restart");
      assertThat(listed.at("/counts/running").asInt()).isEqualTo(1);
      JsonNode overview = api.sprint(id);
      assertThat(overview.at("/schedule/planned/length").asText()).isEqualTo("PT2H");
      assertThat(api.get("/api/sprints/" + id + "/bpmn", null).body()).contains("id=\"sprint-survives\"");
    }
  }
}
