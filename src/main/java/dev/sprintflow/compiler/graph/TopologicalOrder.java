package dev.sprintflow.compiler.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kahn's algorithm, keeping the input order among items that are ready at the same time. */
public final class TopologicalOrder {

  private TopologicalOrder() {}

  public static List<String> of(List<String> order, Map<String, List<String>> after) {
    Map<String, Integer> pending = new LinkedHashMap<>();
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    for (String id : order) {
      pending.put(id, 0);
      dependents.put(id, new ArrayList<>());
    }
    for (String id : order) {
      for (String dep : after.getOrDefault(id, List.of())) {
        if (!pending.containsKey(dep)) {
          throw new IllegalArgumentException("'" + id + "' depends on unknown '" + dep + "'");
        }
        pending.merge(id, 1, Integer::sum);
        dependents.get(dep).add(id);
      }
    }
    Deque<String> ready = new ArrayDeque<>();
    pending.forEach((id, n) -> {
      if (n == 0) {
        ready.add(id);
      }
    });
    List<String> result = new ArrayList<>(order.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      result.add(id);
      for (String next : dependents.get(id)) {
        if (pending.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (result.size() != order.size()) {
      throw new IllegalArgumentException("The dependency graph has a cycle");
    }
    return result;
  }
}
