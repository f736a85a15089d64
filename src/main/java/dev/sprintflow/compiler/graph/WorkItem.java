package dev.sprintflow.compiler.graph;

import java.util.List;

/**
 * A node of the plan's dependency graph as the flow builder sees it: a task or a gate, with the
 * ids of the work items it waits for.
 */
public record WorkItem(String elementId, FlowNode.Kind kind, String name, String ref, List<String> after) {
  public WorkItem {
    after = List.copyOf(after);
  }
}
