package dev.sprintflow.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  final Instant now = Instant.parse("2026-01-15T09:00:00Z");

  @Test
  void readsSecondsAndHttpDates() {
    assertThat(RetryAfter.parse("120", now)).contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Thu, 15 Jan 2026 09:01:30 GMT", now)).contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Thu, 15 Jan 2026 08:00:00 GMT", now)).contains(Duration.ZERO);
  }

  @Test
  void unreadableOrAbsentMeansTheCallersDefault() {
    assertThat(RetryAfter.parse(null, now)).isEmpty();
    assertThat(RetryAfter.parse("", now)).isEmpty();
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse("-5", now)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", now)).isEmpty();
  }
}
