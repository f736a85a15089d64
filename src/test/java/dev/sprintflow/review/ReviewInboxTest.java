package dev.sprintflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.DeploymentProperties;
import dev.sprintflow.process.EngineUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox's rules without an engine: holding, leases, re-activation and deciding once. */
class ReviewInboxTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
  private final ReviewProperties properties = new ReviewProperties(null, null, null, null, null, null);
  private final FormCatalog forms =
      new FormCatalog(new DeploymentProperties(true, List.of("bpmn", "dmn")), new ObjectMapper(), properties);
  private final List<Map<String, Object>> completed = new ArrayList<>();
  private RuntimeException engineFailure;
  private final ReviewInbox inbox = new ReviewInbox(forms, (key, vars) -> {
    if (engineFailure != null) {
      throw engineFailure;
    }
    completed.add(vars);
  }, clock, properties);

  @Test
  void listsHeldTasksWithTheirFormData() {
    inbox.hold(review(1, "sprint-a", "sprint-reviewers"));

    ReviewTask task = inbox.list(null, null).get(0);
    assertThat(task.name()).isEqualTo("Review: Port backend");
    assertThat(task.form().data()).containsEntry("taskTitle", "Port backend").containsEntry("result", "ported");
    assertThat(task.form().decisions()).extracting(ReviewForm.Option::value).containsExactly("approve", "rework");
  }

  @Test
  void filtersBySprintAndCandidateGroup() {
    inbox.hold(review(1, "sprint-a", "sprint-reviewers"));
    inbox.hold(review(2, "sprint-b", "security-reviewers"));

    assertThat(ids(inbox.list("sprint-a", null))).containsExactly("1");
    assertThat(ids(inbox.list(null, "security-reviewers"))).containsExactly("2");
    assertThat(ids(inbox.list("sprint-a", "security-reviewers"))).isEmpty();
  }

  @Test
  void aReactivatedJobReplacesItsSnapshotAndRenewsTheLease() {
    inbox.hold(review(1, "sprint-a", "g"));
    clock.advance(properties.lease().minusMinutes(1));
    inbox.hold(review(1, "sprint-a", "g")); // the engine handed the job out again after its timeout
    clock.advance(Duration.ofMinutes(2));

    assertThat(ids(inbox.list(null, null))).containsExactly("1");
  }

  @Test
  void aTaskNotReactivatedWithinItsLeaseDropsOut() {
    inbox.hold(review(1, "sprint-a", "g"));
    clock.advance(properties.lease().plusSeconds(1));

    assertThat(inbox.list(null, null)).isEmpty();
    assertThatThrownBy(() -> inbox.decide(1, "approve", null)).isInstanceOf(ReviewNotFoundException.class);
  }

  @Test
  void decidesOnceAndIgnoresLateActivations() {
    inbox.hold(review(1, "sprint-a", "g"));

    DecisionRecorded recorded = inbox.decide(1, " approve ", "fine");

    assertThat(recorded.decision()).isEqualTo("approve");
    assertThat(completed).containsExactly(Map.of("decision", "approve", "comment", "fine"));
    assertThat(inbox.hold(review(1, "sprint-a", "g"))).isFalse();
    assertThat(inbox.list(null, null)).isEmpty();
    assertThatThrownBy(() -> inbox.decide(1, "approve", null)).isInstanceOf(ReviewConflictException.class);
  }

  @Test
  void rejectsWhatTheFormDoesNotAllowWithoutTouchingTheTask() {
    inbox.hold(review(1, "sprint-a", "g"));

    assertThatThrownBy(() -> inbox.decide(1, null, null))
        .isInstanceOfSatisfying(InvalidDecisionException.class, e -> assertThat(e.field()).isEqualTo("decision"));
    assertThatThrownBy(() -> inbox.decide(1, "skip", null))
        .isInstanceOfSatisfying(InvalidDecisionException.class, e -> assertThat(e.getMessage()).contains("approve", "rework"));
    int limit = forms.find("sprint-task-review").orElseThrow().commentMaxLength();
    assertThatThrownBy(() -> inbox.decide(1, "rework", "x".repeat(limit + 1)))
        .isInstanceOfSatisfying(InvalidDecisionException.class, e -> assertThat(e.field()).isEqualTo("comment"));
    assertThatThrownBy(() -> inbox.decide(2, "approve", null)).isInstanceOf(ReviewNotFoundException.class);

    assertThat(completed).isEmpty();
    assertThat(ids(inbox.list(null, null))).containsExactly("1");
  }

  @Test
  void whenTheEngineIsUnreachableTheTaskStaysOpen() {
    inbox.hold(review(1, "sprint-a", "g"));
    engineFailure = new EngineUnavailableException("connection refused", null);

    assertThatThrownBy(() -> inbox.decide(1, "approve", null)).isInstanceOf(EngineUnavailableException.class);
    assertThat(ids(inbox.list(null, null))).containsExactly("1");

    engineFailure = null;
    inbox.decide(1, "approve", null);
    assertThat(completed).hasSize(1);
  }

  @Test
  void aTaskClosedElsewhereIsAConflictAndStaysClosed() {
    inbox.hold(review(1, "sprint-a", "g"));
    engineFailure = new ReviewConflictException("1", "no longer open");

    assertThatThrownBy(() -> inbox.decide(1, "approve", null)).isInstanceOf(ReviewConflictException.class);
    engineFailure = null;
    assertThatThrownBy(() -> inbox.decide(1, "approve", null)).isInstanceOf(ReviewConflictException.class);
    assertThat(inbox.list(null, null)).isEmpty();
  }

  @Test
  void tasksWithAFormTheServiceDoesNotHaveStayInTasklistOnly() {
    OpenUserTask foreign = new OpenUserTask(7, "review", "someone-elses-form", "approve-invoice", "invoices", 70,
        List.of(), null, Map.of(), clock.instant().plus(properties.lease()));

    assertThat(inbox.hold(foreign)).isFalse();
    assertThat(inbox.list(null, null)).isEmpty();
  }

  private OpenUserTask review(long key, String sprintId, String group) {
    return new OpenUserTask(key, "review", "sprint-task-review", "review-work", "sprint-task", key * 10,
        List.of(group), clock.instant().plus(Duration.ofDays(1)),
        Map.of("sprintId", sprintId, "taskTitle", "Port backend", "result", "ported", "acceptance", List.of("a")),
        clock.instant().plus(properties.lease()));
  }

  private static List<String> ids(List<ReviewTask> tasks) {
    return tasks.stream().map(ReviewTask::id).toList();
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
