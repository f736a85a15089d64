package dev.sprintflow.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * How a listener event moves a task (docs/progress.md, "States"). Pure: the repository reads the
 * row, applies the event and writes the result. An event older than the latest one applied
 * (element instance keys grow as the engine activates elements) changes nothing, so a late or
 * repeated delivery never moves a task back.
 */
public final class TaskProjection {

  static final String REWORK_DECISION = "rework";

  private TaskProjection() {}

  public static TaskProgress apply(TaskProgress t, ProgressEvent e) {
    if (!e.isAfter(t.lastEventKey(), t.lastEventRank())) {
      return t;
    }
    Draft d = new Draft(t);
    ProgressEvent.Facts f = e.facts();
    d.title = blank(d.title) ? orElse(f.title(), d.title) : d.title;
    d.workerKind = orElse(d.workerKind, f.workerKind());
    d.estimate = d.estimate == null ? f.estimate() : d.estimate;
    d.tier = orElse(f.tier(), d.tier);
    boolean start = e.event() == ListenerEvent.START;
    switch (e.elementId()) {
      case LifecycleElements.WORK -> {
        d.state = TaskState.RUNNING;
        d.attempts++;
        d.startedAt = d.startedAt == null ? e.at() : d.startedAt;
      }
      case LifecycleElements.REVIEW -> {
        if (start) {
          d.state = TaskState.IN_REVIEW;
          d.reviewRequestedAt = e.at();
          d.reviewers = orElse(f.reviewers(), d.reviewers);
        } else {
          d.reviewDecision = f.decision();
          d.reviewComment = f.comment();
          d.reviewedAt = e.at();
          if (REWORK_DECISION.equals(f.decision())) {
            d.state = TaskState.REWORK;
            d.reworkCount++;
          }
        }
      }
      case LifecycleElements.TRIAGE -> {
        if (start) {
          d.state = TaskState.IN_TRIAGE;
          d.errorCode = f.errorCode();
          d.errorMessage = f.errorMessage();
        } else {
          d.triageDecision = f.decision();
          d.triageComment = f.comment();
        }
      }
      case LifecycleElements.DONE -> finish(d, TaskState.DONE, e.at());
      case LifecycleElements.SKIPPED -> finish(d, TaskState.SKIPPED, e.at());
      case LifecycleElements.DEFERRED -> finish(d, TaskState.DEFERRED, e.at());
      case LifecycleElements.ABORTED -> finish(d, TaskState.FAILED, e.at());
      default -> {
        // an element this version does not know (a newer lifecycle): keep the order, change nothing else
      }
    }
    if (d.state != t.state()) {
      d.stateChangedAt = e.at();
    }
    d.lastEventKey = e.elementInstanceKey();
    d.lastEventRank = e.event().rank();
    return d.build();
  }

  private static void finish(Draft d, TaskState state, Instant at) {
    d.state = state;
    d.finishedAt = at;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  /** A mutable copy of a row: the projection changes a few fields of many. */
  private static final class Draft {
    final String sprintId;
    final String taskId;
    final int planPosition;
    String title;
    String workerKind;
    Duration estimate;
    TaskState state;
    String tier;
    Instant startedAt;
    Instant finishedAt;
    Instant stateChangedAt;
    int attempts;
    String reviewers;
    Instant reviewRequestedAt;
    String reviewDecision;
    String reviewComment;
    Instant reviewedAt;
    int reworkCount;
    String errorCode;
    String errorMessage;
    String triageDecision;
    String triageComment;
    long lastEventKey;
    int lastEventRank;

    Draft(TaskProgress t) {
      sprintId = t.sprintId();
      taskId = t.taskId();
      planPosition = t.planPosition();
      title = t.title();
      workerKind = t.workerKind();
      estimate = t.estimate();
      state = t.state();
      tier = t.tier();
      startedAt = t.startedAt();
      finishedAt = t.finishedAt();
      stateChangedAt = t.stateChangedAt();
      attempts = t.attempts();
      reviewers = t.reviewers();
      reviewRequestedAt = t.reviewRequestedAt();
      reviewDecision = t.reviewDecision();
      reviewComment = t.reviewComment();
      reviewedAt = t.reviewedAt();
      reworkCount = t.reworkCount();
      errorCode = t.errorCode();
      errorMessage = t.errorMessage();
      triageDecision = t.triageDecision();
      triageComment = t.triageComment();
      lastEventKey = t.lastEventKey();
      lastEventRank = t.lastEventRank();
    }

    TaskProgress build() {
      return new TaskProgress(sprintId, taskId, planPosition, title, workerKind, estimate, state, tier, startedAt,
          finishedAt, stateChangedAt, attempts, reviewers, reviewRequestedAt, reviewDecision, reviewComment, reviewedAt,
          reworkCount, errorCode, errorMessage, triageDecision, triageComment, lastEventKey, lastEventRank);
    }
  }
}
