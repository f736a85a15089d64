package dev.sprintflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTaskJobReaderTest {

  @Test
  void readsZeebesDueDateFormat() {
    // the form Zeebe writes for a FEEL date-time with a zone id (seen on 8.8); Tasklist reads it alike
    assertThat(UserTaskJobReader.dueDate("2026-01-16T09:00:00.123Z[Etc/UTC]")).isEqualTo(Instant.parse("2026-01-16T09:00:00.123Z"));
    assertThat(UserTaskJobReader.dueDate("2026-01-16T10:00:00+01:00")).isEqualTo(Instant.parse("2026-01-16T09:00:00Z"));
  }

  @Test
  void anUnreadableDueDateIsNoDueDate() {
    assertThat(UserTaskJobReader.dueDate("tomorrow")).isNull();
    assertThat(UserTaskJobReader.dueDate(null)).isNull();
  }
}
