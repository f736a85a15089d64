package dev.sprintflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.progress.ProgressEvent.Facts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state transitions of docs/progress.md, one event at a time. */
class TaskProjectionTest {

  static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");
  static final TaskProgress PENDING = TaskProgress.pending("s", "t", 1, "Task", "generic", Duration.ofDays(1));

  static ProgressEvent at(String element, ListenerEvent event, long key, Facts facts) {
    return new ProgressEvent(key, 1, "sprint-task", element, key, event, T0.plusSeconds(key), "s",
        ProgressEvent.Subject.TASK, "t", facts);
  }

  @Test
  void triageThenRetryRunsAgainAndKeepsTheFirstStartAndTheReason() {
    TaskProgress t = TaskProjection.apply(PENDING, at(LifecycleElements.WORK, ListenerEvent.START, 10, Facts.NONE));
    t = TaskProjection.apply(t, at(LifecycleElements.TRIAGE, ListenerEvent.START, 20,
        new Facts(null, null, null, null, null, null, null, "WORK_FAILED", "the build is red")));
    assertThat(t.state()).isEqualTo(TaskState.IN_TRIAGE);
    assertThat(t.stateChangedAt()).isEqualTo(T0.plusSeconds(20));
    t = TaskProjection.apply(t, at(LifecycleElements.TRIAGE, ListenerEvent.END, 20,
        new Facts(null, null, null, null, null, "retry", "flaky runner", null, null)));
    assertThat(t.state()).isEqualTo(TaskState.IN_TRIAGE);
    assertThat(t.triageDecision()).isEqualTo("retry");
    t = TaskProjection.apply(t, at(LifecycleElements.WORK, ListenerEvent.START, 30, Facts.NONE));
    assertThat(t.state()).isEqualTo(TaskState.RUNNING);
    assertThat(t.attempts()).isEqualTo(2);
    assertThat(t.startedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(t.errorCode()).isEqualTo("WORK_FAILED");
  }

  @Test
  void skipDeferAndAbortEndTheTask() {
    TaskProgress triage = TaskProjection.apply(PENDING, at(LifecycleElements.TRIAGE, ListenerEvent.START, 20, Facts.NONE));
    assertThat(TaskProjection.apply(triage, at(LifecycleElements.SKIPPED, ListenerEvent.START, 25, Facts.NONE)).state())
        .isEqualTo(TaskState.SKIPPED);
    TaskProgress failed = TaskProjection.apply(triage, at(LifecycleElements.ABORTED, ListenerEvent.START, 25, Facts.NONE));
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(25));
    TaskProgress deferred = TaskProjection.apply(PENDING, at(LifecycleElements.DEFERRED, ListenerEvent.START, 5,
        new Facts(null, null, null, "LATER", null, null, null, null, null)));
    assertThat(deferred.state()).isEqualTo(TaskState.DEFERRED);
    assertThat(deferred.tier()).isEqualTo("LATER");
    assertThat(deferred.startedAt()).isNull();
  }

  @Test
  void anApprovalKeepsTheTaskInReviewUntilItIsDoneAndAnUnknownElementOnlyAdvancesTheOrder() {
    TaskProgress review = TaskProjection.apply(PENDING, at(LifecycleElements.REVIEW, ListenerEvent.START, 40, Facts.NONE));
    TaskProgress approved = TaskProjection.apply(review, at(LifecycleElements.REVIEW, ListenerEvent.END, 40,
        new Facts(null, null, null, null, null, "approve", null, null, null)));
    assertThat(approved.state()).isEqualTo(TaskState.IN_REVIEW);
    assertThat(approved.reworkCount()).isZero();
    TaskProgress other = TaskProjection.apply(approved, at("some-new-element", ListenerEvent.START, 50, Facts.NONE));
    assertThat(other.state()).isEqualTo(TaskState.IN_REVIEW);
    assertThat(other.lastEventKey()).isEqualTo(50);
  }

  @Test
  void theEndOfAnElementComesAfterItsStartAndNeverBeforeIt() {
    TaskProgress ended = TaskProjection.apply(PENDING, at(LifecycleElements.REVIEW, ListenerEvent.END, 40,
        new Facts(null, null, null, null, null, "rework", null, null, null)));
    TaskProgress startAfterEnd = TaskProjection.apply(ended, at(LifecycleElements.REVIEW, ListenerEvent.START, 40, Facts.NONE));
    assertThat(startAfterEnd).isSameAs(ended);
  }
}
