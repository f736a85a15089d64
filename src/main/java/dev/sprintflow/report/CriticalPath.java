package dev.sprintflow.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest path through a sprint's dependency graph for given task durations, and when each
 * task can start at the earliest (every dependency finished). Ties go to the task named first in
 * the plan, so the same sprint always gives the same path.
 *
 * @param taskIds the path, first task first
 * @param length the sum of its durations: the shortest possible duration of the whole sprint
 * @param earliestStart per task, offset from the sprint's start
 */
public record CriticalPath(List<String> taskIds, Duration length, Map<String, Duration> earliestStart) {

  /**
   * @param order task ids in plan order
   * @param dependsOn per task the tasks it waits for; ids not in {@code order} are ignored
   * @param durations per task; missing means zero
   * @throws IllegalArgumentException when the dependencies have a cycle (plans are validated acyclic)
   */
  public static CriticalPath of(List<String> order, Map<String, List<String>> dependsOn, Map<String, Duration> durations) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    Map<String, Duration> start = new LinkedHashMap<>();
    Map<String, Duration> finish = new HashMap<>();
    Map<String, String> via = new HashMap<>();
    for (String task : topological(order, dependsOn, position)) {
      Duration earliest = Duration.ZERO;
      String before = null;
      for (String dep : deps(task, dependsOn, position)) {
        // Strictly later wins, so among equal finishes the dependency named first in the plan stays.
        if (before == null || finish.get(dep).compareTo(earliest) > 0) {
          earliest = finish.get(dep);
          before = dep;
        }
      }
      start.put(task, earliest);
      finish.put(task, earliest.plus(durations.getOrDefault(task, Duration.ZERO)));
      if (before != null) {
        via.put(task, before);
      }
    }
    String last = null;
    for (String task : order) {
      if (last == null || finish.get(task).compareTo(finish.get(last)) > 0) {
        last = task;
      }
    }
    if (last == null) {
      return new CriticalPath(List.of(), Duration.ZERO, Map.of());
    }
    List<String> path = new ArrayList<>();
    for (String t = last; t != null; t = via.get(t)) {
      path.add(t);
    }
    Collections.reverse(path);
    Map<String, Duration> ordered = new LinkedHashMap<>();
    order.forEach(t -> ordered.put(t, start.get(t)));
    return new CriticalPath(List.copyOf(path), finish.get(last), Collections.unmodifiableMap(ordered));
  }

  /** The tasks with every task after the ones it depends on; among ready tasks, plan order. */
  public static List<String> topologicalOrder(List<String> order, Map<String, List<String>> dependsOn) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    return topological(order, dependsOn, position);
  }

  public boolean contains(String taskId) {
    return taskIds.contains(taskId);
  }

  private static List<String> deps(String task, Map<String, List<String>> dependsOn, Map<String, Integer> position) {
    return dependsOn.getOrDefault(task, List.of()).stream().filter(position::containsKey)
        .sorted((a, b) -> Integer.compare(position.get(a), position.get(b))).toList();
  }

  /** Kahn's algorithm, taking ready tasks in plan order. */
  private static List<String> topological(List<String> order, Map<String, List<String>> dependsOn,
      Map<String, Integer> position) {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (String task : order) {
      List<String> deps = deps(task, dependsOn, position);
      waiting.put(task, deps.size());
      deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(task));
    }
    java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>(
        (a, b) -> Integer.compare(position.get(a), position.get(b)));
    order.stream().filter(t -> waiting.get(t) == 0).forEach(ready::add);
    List<String> sorted = new ArrayList<>(order.size());
    while (!ready.isEmpty()) {
      String t = ready.poll();
      sorted.add(t);
      for (String next : dependents.getOrDefault(t, List.of())) {
        if (waiting.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (sorted.size() != order.size()) {
      throw new IllegalArgumentException("The task dependencies have a cycle");
    }
    return sorted;
  }
}
