package dev.sprintflow.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * One execution-listener job, as the read model records it.
 *
 * @param elementInstanceKey with {@code event}, the identity of the event: a retried job is the same event
 * @param subjectId the task id (TASK), gate id (GATE), or null (SPRINT)
 * @param at when the worker handled the job: the element waits for it, so this is when it moved on
 */
public record ProgressEvent(
    long jobKey,
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    long elementInstanceKey,
    ListenerEvent event,
    Instant at,
    String sprintId,
    Subject subject,
    String subjectId,
    Facts facts) {

  /** What an event is about. */
  public enum Subject { TASK, GATE, SPRINT }

  /**
   * The variables the projection uses; any may be null.
   *
   * @param reviewers the review policy's candidate groups, comma-separated
   * @param decision a reviewer's, a lead's (triage) or a gate's decision, whichever the element has
   */
  public record Facts(
      String title,
      String workerKind,
      Duration estimate,
      String tier,
      String reviewers,
      String decision,
      String comment,
      String errorCode,
      String errorMessage) {

    public static final Facts NONE = new Facts(null, null, null, null, null, null, null, null, null);
  }

  /** True when this event comes after the one identified by (key, rank) in the engine's order. */
  public boolean isAfter(long key, int rank) {
    return elementInstanceKey > key || (elementInstanceKey == key && event.rank() > rank);
  }
}
