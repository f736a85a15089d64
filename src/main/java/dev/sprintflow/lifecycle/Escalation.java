package dev.sprintflow.lifecycle;

import java.time.Instant;

/**
 * A person's attention was requested because a task's work outlasted its estimate.
 *
 * @param id stable id (the escalation job's key), so a retried job records nothing twice
 * @param estimate the task's ISO-8601 estimate, or null when the lifecycle's default applied
 */
public record Escalation(
    String id,
    String sprintId,
    String taskId,
    String taskTitle,
    String workerKind,
    String estimate,
    String reason,
    long processInstanceKey,
    Instant raisedAt) {}
