package dev.sprintflow.plan.validation;

import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanSourceMap;
import dev.sprintflow.plan.Score;
import dev.sprintflow.plan.Slugs;
import dev.sprintflow.plan.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the rules every plan must satisfy, whatever its format, and reports all violations at
 * once: at least one task; ids are slugs and unique; every dependency names a task; no cycles;
 * scores within 0-10; estimates not negative. Locations come from the reader's {@link PlanSourceMap}.
 */
public final class PlanValidator {

  public List<PlanError> validate(Plan plan, PlanSourceMap sources) {
    List<PlanError> errors = new ArrayList<>();
    if (plan.tasks().isEmpty()) {
      errors.add(PlanError.at(sources.locate("/tasks"), ErrorKind.NO_TASKS,
          "The plan has no tasks; a plan needs at least one task to run."));
    }
    if (!Slugs.isSlug(plan.id())) {
      errors.add(PlanError.at(sources.locate("/id"), ErrorKind.INVALID_ID,
          "The plan id '%s' is not a slug; use lower-case letters, digits and single hyphens, e.g. '%s'."
              .formatted(plan.id(), Slugs.of(plan.id(), "plan"))));
    }
    Map<String, Integer> taskIndex = checkIds(plan, sources, errors);
    checkReferences(plan, sources, taskIndex, errors);
    checkCycles(plan, sources, taskIndex, errors);
    checkScoresAndEstimates(plan, sources, errors);
    errors.sort(PlanError.BY_POSITION);
    return List.copyOf(errors);
  }

  private static Map<String, Integer> checkIds(Plan plan, PlanSourceMap sources, List<PlanError> errors) {
    Map<String, Integer> taskIndex = new HashMap<>();
    Map<String, String> firstSeen = new HashMap<>(); // id -> pointer of its first use
    for (int i = 0; i < plan.tasks().size(); i++) {
      String id = plan.tasks().get(i).id();
      checkId(id, "/tasks/" + i, "Task", sources, firstSeen, errors);
      taskIndex.putIfAbsent(id, i);
    }
    for (int i = 0; i < plan.gates().size(); i++) {
      checkId(plan.gates().get(i).id(), "/gates/" + i, "Gate", sources, firstSeen, errors);
    }
    return taskIndex;
  }

  private static void checkId(String id, String pointer, String what, PlanSourceMap sources,
      Map<String, String> firstSeen, List<PlanError> errors) {
    if (!Slugs.isSlug(id)) {
      errors.add(PlanError.at(sources.locate(pointer + "/id"), ErrorKind.INVALID_ID,
          "%s id '%s' is not a slug; use lower-case letters, digits and single hyphens, e.g. '%s'."
              .formatted(what, id, Slugs.of(id, "task-1"))));
    }
    String first = firstSeen.putIfAbsent(id, pointer);
    if (first != null) {
      errors.add(PlanError.at(sources.locate(pointer + "/id"), ErrorKind.DUPLICATE_ID,
          "The id '%s' is used more than once (first at line %d); ids must be unique."
              .formatted(id, sources.locate(first + "/id").line())));
    }
  }

  private static void checkReferences(
      Plan plan, PlanSourceMap sources, Map<String, Integer> taskIndex, List<PlanError> errors) {
    for (int i = 0; i < plan.tasks().size(); i++) {
      Task task = plan.tasks().get(i);
      for (int j = 0; j < task.dependsOn().size(); j++) {
        String ref = task.dependsOn().get(j);
        if (!taskIndex.containsKey(ref)) {
          errors.add(PlanError.at(sources.locate("/tasks/%d/dependsOn/%d".formatted(i, j)),
              ErrorKind.UNKNOWN_REFERENCE,
              "Task '%s' depends on '%s', but the plan has no task with that id.".formatted(task.id(), ref)));
        }
      }
    }
    for (int i = 0; i < plan.gates().size(); i++) {
      Gate gate = plan.gates().get(i);
      for (int j = 0; j < gate.after().size(); j++) {
        String ref = gate.after().get(j);
        if (!taskIndex.containsKey(ref)) {
          errors.add(PlanError.at(sources.locate("/gates/%d/after/%d".formatted(i, j)),
              ErrorKind.UNKNOWN_REFERENCE,
              "Gate '%s' comes after '%s', but the plan has no task with that id.".formatted(gate.id(), ref)));
        }
      }
    }
  }

  private static void checkCycles(
      Plan plan, PlanSourceMap sources, Map<String, Integer> taskIndex, List<PlanError> errors) {
    List<Task> tasks = plan.tasks();
    int[][] edges = new int[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      edges[i] = tasks.get(i).dependsOn().stream()
          .filter(taskIndex::containsKey)
          .mapToInt(taskIndex::get)
          .toArray();
    }
    for (List<Integer> cycle : CycleFinder.cycles(edges)) {
      int first = cycle.get(0);
      String next = tasks.get(cycle.get(1)).id();
      int edge = tasks.get(first).dependsOn().indexOf(next);
      String path = cycle.stream().map(k -> tasks.get(k).id()).collect(Collectors.joining(" -> "));
      String message = cycle.size() == 2
          ? "Task '%s' depends on itself.".formatted(tasks.get(first).id())
          : "Tasks depend on each other in a circle: %s (each waits for the next), so none of them can start."
              .formatted(path);
      errors.add(PlanError.at(sources.locate("/tasks/%d/dependsOn/%d".formatted(first, edge)),
          ErrorKind.CYCLE, message));
    }
  }

  private static void checkScoresAndEstimates(Plan plan, PlanSourceMap sources, List<PlanError> errors) {
    for (int i = 0; i < plan.tasks().size(); i++) {
      Task task = plan.tasks().get(i);
      Score score = task.score();
      if (score != null) {
        checkScorePart(task, i, "urgency", score.urgency(), sources, errors);
        checkScorePart(task, i, "impact", score.impact(), sources, errors);
        checkScorePart(task, i, "confidence", score.confidence(), sources, errors);
        checkScorePart(task, i, "momentum", score.momentum(), sources, errors);
      }
      if (task.estimate() != null && task.estimate().isNegative()) {
        errors.add(PlanError.at(sources.locate("/tasks/%d/estimate".formatted(i)), ErrorKind.INVALID_ESTIMATE,
            "Task '%s' has a negative estimate.".formatted(task.id())));
      }
    }
  }

  private static void checkScorePart(
      Task task, int i, String part, int value, PlanSourceMap sources, List<PlanError> errors) {
    if (value < Score.MIN || value > Score.MAX) {
      errors.add(PlanError.at(sources.locate("/tasks/%d/score/%s".formatted(i, part)), ErrorKind.SCORE_RANGE,
          "Task '%s' has %s %d; score parts must be between %d and %d."
              .formatted(task.id(), part, value, Score.MIN, Score.MAX)));
    }
  }
}
