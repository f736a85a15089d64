package dev.sprintflow.progress;

import java.time.Instant;

/**
 * A sprint in the read model.
 *
 * @param planJson the plan as documented in docs/plan.schema.json, or null for a sprint this
 *     service did not start (known from progress events only: {@code fromPlan} false)
 * @param version null when unknown, like the keys
 */
public record TrackedSprint(
    String sprintId,
    String planId,
    String planName,
    String bpmnProcessId,
    Integer version,
    Long processDefinitionKey,
    Long processInstanceKey,
    String planJson,
    SprintState state,
    Instant startedAt,
    Instant endedAt,
    boolean fromPlan) {}
