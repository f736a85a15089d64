package dev.sprintflow.plan.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds dependency cycles: one cycle path per strongly connected component (Tarjan's algorithm,
 * iterative so that long dependency chains cannot overflow the stack).
 */
final class CycleFinder {
  private CycleFinder() {}

  /**
   * @param edges edges[i] = indexes of the nodes node i depends on
   * @return each cycle as node indexes, first node repeated at the end, starting at its lowest index
   */
  static List<List<Integer>> cycles(int[][] edges) {
    int n = edges.length;
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<List<Integer>> cycles = new ArrayList<>();
    int counter = 0;
    int[] nextEdge = new int[n];
    Deque<Integer> call = new ArrayDeque<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      call.push(root);
      while (!call.isEmpty()) {
        int v = call.peek();
        if (index[v] < 0) {
          index[v] = low[v] = counter++;
          stack.push(v);
          onStack[v] = true;
        }
        if (nextEdge[v] < edges[v].length) {
          int w = edges[v][nextEdge[v]++];
          if (index[w] < 0) {
            call.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        call.pop();
        if (!call.isEmpty()) {
          int parent = call.peek();
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component.add(w);
          } while (w != v);
          List<Integer> cycle = cycleWithin(component, edges);
          if (cycle != null) {
            cycles.add(cycle);
          }
        }
      }
    }
    cycles.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    return cycles;
  }

  /** A cycle through the component's lowest node, found by breadth-first search (shortest path). */
  private static List<Integer> cycleWithin(List<Integer> component, int[][] edges) {
    int start = component.stream().min(Integer::compare).orElseThrow();
    if (component.size() == 1) {
      boolean selfLoop = Arrays.stream(edges[start]).anyMatch(w -> w == start);
      return selfLoop ? List.of(start, start) : null;
    }
    boolean[] inComponent = new boolean[edges.length];
    component.forEach(v -> inComponent[v] = true);
    int[] previous = new int[edges.length];
    Arrays.fill(previous, -1);
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (int w : edges[v]) {
        if (!inComponent[w]) {
          continue;
        }
        if (w == start) {
          List<Integer> path = new ArrayList<>();
          for (int x = v; x != -1; x = previous[x]) {
            path.add(0, x);
          }
          path.add(start);
          return path;
        }
        if (previous[w] == -1 && w != start) {
          previous[w] = v;
          queue.add(w);
        }
      }
    }
    return null; // unreachable for a real component
  }
}
