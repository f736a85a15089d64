package dev.sprintflow.compiler.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the dependency graph of tasks and gates into BPMN flow: a start event before everything
 * that waits for nothing, an end event after everything nothing waits for, a parallel fork after
 * each item with more than one successor and a parallel join before each item with more than one
 * predecessor. Gateways sit exactly where the transitively reduced graph forks and joins, so no
 * gateway has one way in and one way out. One token per edge makes this correct for any DAG.
 */
public final class FlowGraphBuilder {

  public static final String START_ID = "sprint_started";
  public static final String END_ID = "sprint_completed";

  private FlowGraphBuilder() {}

  public static FlowGraph build(List<WorkItem> items, String startName, String endName) {
    List<String> order = items.stream().map(WorkItem::elementId).toList();
    Map<String, List<String>> after = new LinkedHashMap<>();
    items.forEach(i -> after.put(i.elementId(), i.after()));
    Map<String, List<String>> reduced = TransitiveReduction.reduce(order, after);

    // The work graph plus start and end, as adjacency lists in stable order.
    Map<String, List<String>> preds = new LinkedHashMap<>();
    Map<String, List<String>> succs = new LinkedHashMap<>();
    preds.put(START_ID, new ArrayList<>());
    succs.put(START_ID, new ArrayList<>());
    for (String id : TopologicalOrder.of(order, reduced)) {
      preds.put(id, new ArrayList<>());
      succs.put(id, new ArrayList<>());
    }
    preds.put(END_ID, new ArrayList<>());
    succs.put(END_ID, new ArrayList<>());
    for (String id : order) {
      List<String> deps = reduced.get(id);
      if (deps.isEmpty()) {
        link(preds, succs, START_ID, id);
      }
      for (String dep : deps) {
        link(preds, succs, dep, id);
      }
    }
    for (String id : order) {
      if (succs.get(id).isEmpty()) {
        link(preds, succs, id, END_ID);
      }
    }
    if (order.isEmpty()) {
      link(preds, succs, START_ID, END_ID);
    }

    Map<String, WorkItem> byId = new LinkedHashMap<>();
    items.forEach(i -> byId.put(i.elementId(), i));
    List<FlowNode> nodes = new ArrayList<>();
    List<FlowEdge> edges = new ArrayList<>();
    for (String id : preds.keySet()) {
      if (preds.get(id).size() > 1) {
        nodes.add(new FlowNode(joinId(id), FlowNode.Kind.JOIN, null, null));
        edges.add(edge(joinId(id), id));
      }
      nodes.add(node(id, byId.get(id), startName, endName));
      if (succs.get(id).size() > 1) {
        nodes.add(new FlowNode(forkId(id), FlowNode.Kind.FORK, null, null));
        edges.add(edge(id, forkId(id)));
      }
    }
    for (String from : succs.keySet()) {
      for (String to : succs.get(from)) {
        String source = succs.get(from).size() > 1 ? forkId(from) : from;
        String target = preds.get(to).size() > 1 ? joinId(to) : to;
        edges.add(edge(source, target));
      }
    }
    return new FlowGraph(nodes, edges);
  }

  private static FlowNode node(String id, WorkItem item, String startName, String endName) {
    if (id.equals(START_ID)) {
      return new FlowNode(id, FlowNode.Kind.START, startName, null);
    }
    if (id.equals(END_ID)) {
      return new FlowNode(id, FlowNode.Kind.END, endName, null);
    }
    return new FlowNode(id, item.kind(), item.name(), item.ref());
  }

  private static void link(Map<String, List<String>> preds, Map<String, List<String>> succs, String from, String to) {
    succs.get(from).add(to);
    preds.get(to).add(from);
  }

  static String forkId(String id) {
    return "fork_after_" + id;
  }

  static String joinId(String id) {
    return "join_before_" + id;
  }

  private static FlowEdge edge(String source, String target) {
    return new FlowEdge("flow_" + source + "__" + target, source, target);
  }
}
