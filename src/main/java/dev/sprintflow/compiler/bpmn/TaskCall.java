package dev.sprintflow.compiler.bpmn;

import java.util.List;
import java.util.Map;

/**
 * What a call activity hands to the task lifecycle ({@code sprint-task}); see docs/lifecycle.md.
 *
 * @param score urgency/impact/confidence/momentum, or null when the plan has none
 * @param estimate ISO-8601 duration, or null
 */
public record TaskCall(
    String taskId,
    String title,
    String workerKind,
    Map<String, Integer> score,
    String estimate,
    List<String> acceptance,
    String review,
    boolean forceRun,
    Map<String, Object> inputs) {}
