package dev.sprintflow.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * One task of a sprint in the read model: the plan's facts and what the listener events made of it.
 *
 * @param estimate from the plan (or the lifecycle's variables for a sprint started elsewhere); null if none
 * @param startedAt the first start of the work
 * @param finishedAt when it was done, skipped, deferred or failed
 * @param attempts how often the work started (first run and retries after triage; reworks are counted apart)
 * @param reviewers the candidate groups of the latest review
 * @param reworkCount how often a reviewer sent the work back
 * @param lastEventKey element instance key of the latest event applied, with lastEventRank its order
 */
public record TaskProgress(
    String sprintId,
    String taskId,
    int planPosition,
    String title,
    String workerKind,
    Duration estimate,
    TaskState state,
    String tier,
    Instant startedAt,
    Instant finishedAt,
    Instant stateChangedAt,
    int attempts,
    String reviewers,
    Instant reviewRequestedAt,
    String reviewDecision,
    String reviewComment,
    Instant reviewedAt,
    int reworkCount,
    String errorCode,
    String errorMessage,
    String triageDecision,
    String triageComment,
    long lastEventKey,
    int lastEventRank) {

  /** A task of the plan that has not started. */
  public static TaskProgress pending(String sprintId, String taskId, int position, String title, String workerKind,
      Duration estimate) {
    return new TaskProgress(sprintId, taskId, position, title, workerKind, estimate, TaskState.PENDING, null, null, null,
        null, 0, null, null, null, null, null, 0, null, null, null, null, 0, 0);
  }
}
