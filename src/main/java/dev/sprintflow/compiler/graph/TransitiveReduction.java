package dev.sprintflow.compiler.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes dependencies that are implied by others (A→C when A→B→C), so the diagram carries no
 * redundant flows. Input must be acyclic (the plan validator guarantees it). O(n·e) with bit sets,
 * fine for the thousands of tasks a plan could have.
 */
public final class TransitiveReduction {

  private TransitiveReduction() {}

  /**
   * @param order the items in a stable order
   * @param after for each item, the items it directly depends on
   * @return for each item, only the dependencies not implied through another dependency, in input order
   */
  public static Map<String, List<String>> reduce(List<String> order, Map<String, List<String>> after) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String id : order) {
      index.put(id, index.size());
    }
    List<String> topo = TopologicalOrder.of(order, after);
    // ancestors[i] = every item that item i transitively depends on
    BitSet[] ancestors = new BitSet[order.size()];
    for (String id : topo) {
      BitSet set = new BitSet(order.size());
      for (String dep : after.getOrDefault(id, List.of())) {
        int d = index.get(dep);
        set.set(d);
        set.or(ancestors[d]);
      }
      ancestors[index.get(id)] = set;
    }
    Map<String, List<String>> reduced = new LinkedHashMap<>();
    for (String id : order) {
      List<String> deps = after.getOrDefault(id, List.of());
      List<String> keep = new ArrayList<>();
      for (String dep : deps) {
        boolean implied = false;
        for (String other : deps) {
          if (!other.equals(dep) && ancestors[index.get(other)].get(index.get(dep))) {
            implied = true;
            break;
          }
        }
        if (!implied && !keep.contains(dep)) {
          keep.add(dep);
        }
      }
      reduced.put(id, List.copyOf(keep));
    }
    return reduced;
  }
}
