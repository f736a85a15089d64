package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryEscalationRepositoryTest {

  private final InMemoryEscalationRepository repository = new InMemoryEscalationRepository();

  @Test
  void aRetriedJobIsRecordedOnce() {
    Escalation first = escalation("1", "sprint-a", Instant.parse("2026-01-15T09:00:00Z"));
    repository.record(first);
    repository.record(escalation("1", "sprint-a", Instant.parse("2026-01-15T09:05:00Z")));

    assertThat(repository.find("sprint-a")).containsExactly(first);
  }

  @Test
  void findsBySprintOldestFirst() {
    Escalation later = repository.record(escalation("2", "sprint-a", Instant.parse("2026-01-15T10:00:00Z")));
    Escalation earlier = repository.record(escalation("1", "sprint-a", Instant.parse("2026-01-15T09:00:00Z")));
    Escalation other = repository.record(escalation("3", "sprint-b", Instant.parse("2026-01-15T08:00:00Z")));

    assertThat(repository.find("sprint-a")).containsExactly(earlier, later);
    assertThat(repository.find(null)).containsExactly(other, earlier, later);
  }

  private static Escalation escalation(String id, String sprintId, Instant at) {
    return new Escalation(id, sprintId, "t", "title", "oauth-sync", "P1D", "late", 1L, at);
  }
}
