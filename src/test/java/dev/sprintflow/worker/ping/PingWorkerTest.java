package dev.sprintflow.worker.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PingWorkerTest {

  private final Instant now = Instant.parse("2026-01-15T09:00:00Z");
  private final PingWorker worker = new PingWorker(Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void echoesTheMessageWithTheTime() {
    assertThat(worker.ping("  hello ")).isEqualTo(new PingWorker.Pong("hello", now));
  }

  @Test
  void answersPongWithoutAMessage() {
    assertThat(worker.ping(null).pong()).isEqualTo("pong");
    assertThat(worker.ping("   ").pong()).isEqualTo("pong");
  }

  @Test
  void capsTheEchoSoAHugeVariableIsNotCopied() {
    assertThat(worker.ping("x".repeat(5_000)).pong()).hasSize(PingWorker.MAX_MESSAGE);
  }
}
