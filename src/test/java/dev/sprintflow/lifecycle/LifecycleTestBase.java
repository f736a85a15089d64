package dev.sprintflow.lifecycle;

import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.review.ReviewInbox;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The whole service on its embedded engine, with bpmn/ and dmn/ deployed as on start-up. Every
 * lifecycle test class extends this, so they share one application context and one engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LifecycleTestBase.TestWorkers.class)
abstract class LifecycleTestBase {

  @Autowired protected CamundaClient client;
  @Autowired protected EmbeddedZeebeEngine engine;
  @Autowired protected ReviewInbox inbox;
  @Autowired protected EscalationRepository escalations;
  @LocalServerPort protected int port;

  protected EngineRecords records;
  protected LifecycleDriver driver;

  @BeforeEach
  void connectDriver() {
    records = new EngineRecords(engine);
    driver = new LifecycleDriver(client, records, inbox);
  }

  @TestConfiguration
  static class TestWorkers {
    @Bean
    FlakyRbacWorker flakyRbacWorker() {
      return new FlakyRbacWorker();
    }
  }

  /**
   * A real @JobWorker (through the Spring starter) that fails the first attempt of every task with
   * a documented BPMN error and succeeds on the second.
   */
  public static class FlakyRbacWorker {
    static final String TYPE = "test.flaky-rbac-check";
    static final String MESSAGE = "Members can still edit clients they are not assigned to";

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @JobWorker(type = TYPE)
    public Map<String, Object> check(@Variable(name = "taskId") String taskId) {
      int attempt = attempts.computeIfAbsent(taskId, id -> new AtomicInteger()).incrementAndGet();
      if (attempt == 1) {
        throw LifecycleErrors.workFailure(LifecycleErrors.RBAC_VIOLATION, MESSAGE);
      }
      return Map.of(LifecycleVariables.RESULT, "RBAC verified on attempt " + attempt);
    }
  }
}
