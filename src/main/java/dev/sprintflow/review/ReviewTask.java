package dev.sprintflow.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An open review, triage or manual-work task as the REST inbox shows it.
 *
 * @param id the task's id (its job key, as Tasklist shows it); a string so JavaScript keeps all digits
 * @param kind review, triage or work
 * @param name what Tasklist's form heading says, e.g. "Review: Port Cartridge Backend"
 * @param dueDate null when the task has none
 */
public record ReviewTask(
    String id,
    String kind,
    String name,
    String sprintId,
    String taskId,
    String taskTitle,
    long processInstanceKey,
    String elementId,
    List<String> candidateGroups,
    Instant dueDate,
    Form form) {

  /**
   * The task's Camunda Form: the variables it shows, the decisions it offers and the comment limit.
   */
  public record Form(String id, Map<String, Object> data, List<ReviewForm.Option> decisions, int commentMaxLength) {}
}
