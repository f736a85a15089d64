package dev.sprintflow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sprintflow.progress.SprintState;
import java.time.Instant;
import java.util.Map;

/**
 * One sprint in GET /api/sprints.
 *
 * @param counts tasks per state, every state listed
 * @param fromPlan false when the sprint is known from progress events only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SprintSummary(
    String sprintId,
    String planId,
    String planName,
    SprintState state,
    boolean fromPlan,
    Instant startedAt,
    Instant endedAt,
    int tasks,
    Map<String, Integer> counts) {}
