package dev.sprintflow.progress;

import static dev.sprintflow.test.SprintApi.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.test.EngineRecords;
import dev.sprintflow.test.SprintApi;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The database goes away while a sprint runs: the progress job that cannot be recorded fails with
 * a retry and a backoff (no incident, nothing completed without its record), the task waits at
 * that element, and once the database answers again the event is recorded once and the sprint
 * finishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.client.worker.defaults.enabled=false",
    "sprintflow.progress.retry-backoff=200ms",
    "sprintflow.progress.max-retry-backoff=400ms"})
@Import(ProgressDatabaseOutageTest.Outage.class)
class ProgressDatabaseOutageTest {

  static final String PLAN = """
      id: outage
      name: Outage
      tasks:
        - id: only
          title: Only task
          worker: test-outage
          review: none
      """;

  /** Wraps the service's DataSource so the test can take the database away. */
  @TestConfiguration
  static class Outage {
    static final AtomicBoolean DOWN = new AtomicBoolean();

    @Bean
    static BeanPostProcessor switchableDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)) {
            return new DelegatingDataSource(ds) {
              @Override
              public Connection getConnection() throws SQLException {
                if (DOWN.get()) {
                  throw new SQLException("Connection refused (the test took the database away)", "08001");
                }
                return super.getConnection();
              }
            };
          }
          return bean;
        }
      };
    }
  }

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired ProgressRepository repository;

  @Test
  void aProgressJobRetriesWhileTheDatabaseIsDownAndIsRecordedOnceWhenItIsBack() {
    SprintApi api = new SprintApi(port);
    JsonNode started = api.startSprint("outage.yaml", "application/yaml", PLAN);
    String id = started.get("sprintId").asText();
    api.awaitTaskState(id, "only", "running");
    EngineRecords records = new EngineRecords(engine);

    Outage.DOWN.set(true);
    JobWorker worker = client.newWorker().jobType("test-outage")
        .handler((jc, job) -> jc.newCompleteCommand(job).variables(Map.of("result", "ok")).send().join()).open();
    try {
      // The "Task done" listener cannot be recorded: its job fails again and again, with retries left.
      await().atMost(Duration.ofSeconds(30)).until(() -> failures(records).size() >= 3);
      List<JobRecordValue> failed = failures(records);
      assertThat(failed).allSatisfy(j -> {
        assertThat(j.getElementId()).isEqualTo(LifecycleElements.DONE);
        assertThat(j.getErrorMessage()).contains("could not record progress", "took the database away");
      });
      assertThat(failed.get(0).getRetries()).isEqualTo(9);
      assertThat(failed.get(1).getRetries()).isEqualTo(8);
      assertThat(records.all().filter(r -> r.getValueType() == ValueType.INCIDENT)).isEmpty();
      assertThat(records.isCompleted(started.get("processInstanceKey").asLong())).isFalse();
      // Meanwhile the API says so instead of failing obscurely.
      var unavailable = api.get("/api/sprints/" + id, null);
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
      assertThat(unavailable.body()).contains("database-unavailable");
    } finally {
      Outage.DOWN.set(false);
    }
    try {
      JsonNode done = api.awaitSprint(id, "sprint completed after the outage", o -> o.get("state").asText().equals("completed"));
      assertThat(task(done, "only").get("state").asText()).isEqualTo("done");
      assertThat(task(done, "only").get("attempts").asInt()).isEqualTo(1);
      assertThat(repository.events(id).stream().filter(e -> e.elementId().equals(LifecycleElements.DONE))).hasSize(1);
    } finally {
      worker.close();
    }
  }

  private static List<JobRecordValue> failures(EngineRecords records) {
    return records.all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT && r.getIntent() == JobIntent.FAILED)
        .map(r -> (JobRecordValue) r.getValue())
        .filter(j -> j.getType().equals(ListenerEvent.START.jobType()))
        .toList();
  }
}
