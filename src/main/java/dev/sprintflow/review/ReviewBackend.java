package dev.sprintflow.review;

import java.util.List;

/**
 * Where the REST review inbox ({@code /api/reviews}) finds and decides its tasks, chosen by
 * {@code sprintflow.review.backend}: {@code jobs} (default, {@link ReviewInbox}: activated
 * user-task jobs held in memory; works on every runtime) or {@code tasklist}
 * ({@link TasklistReviewInbox}: Tasklist's REST API, for clusters where reviewers work in Tasklist).
 */
public interface ReviewBackend {

  /** Open review, triage and manual-work tasks, oldest first, optionally of one sprint and/or candidate group. */
  List<ReviewTask> list(String sprintId, String candidateGroup);

  /**
   * Completes the task with the decision and comment as the form's {@code decision} and
   * {@code comment} fields, exactly what Tasklist would submit.
   *
   * @throws ReviewNotFoundException no open task with this id
   * @throws ReviewConflictException decided before, or closed meanwhile
   * @throws InvalidDecisionException decision missing or not one of the form's options, comment too long
   */
  DecisionRecorded decide(long id, String decision, String comment);
}
