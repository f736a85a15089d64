package dev.sprintflow.worker.ping;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Serves job type {@code sprintflow.ping} of bpmn/sprintflow-ping.bpmn: the smallest process that
 * proves the service, its engine and its workers are wired together (try it after a deploy).
 */
@Component
public class PingWorker {

  static final int MAX_MESSAGE = 1_000;

  private final Clock clock;

  public PingWorker(Clock clock) {
    this.clock = clock;
  }

  /** Result variables of the ping task. */
  public record Pong(String pong, Instant servedAt) {}

  @JobWorker(type = "sprintflow.ping")
  public Pong ping(@Variable(name = "message") String message) {
    String text = message == null || message.isBlank() ? "pong" : message.strip();
    if (text.length() > MAX_MESSAGE) {
      text = text.substring(0, MAX_MESSAGE); // an echo, not a data store
    }
    return new Pong(text, clock.instant());
  }
}
