package dev.sprintflow.compiler.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The flow nodes and sequence flows of a sprint process, in a stable order. */
public record FlowGraph(List<FlowNode> nodes, List<FlowEdge> edges) {

  public FlowGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  public Map<String, FlowNode> nodesById() {
    return nodes.stream().collect(Collectors.toMap(FlowNode::id, Function.identity()));
  }

  public List<FlowEdge> outgoing(String nodeId) {
    List<FlowEdge> out = new ArrayList<>();
    for (FlowEdge e : edges) {
      if (e.source().equals(nodeId)) {
        out.add(e);
      }
    }
    return out;
  }

  public List<FlowEdge> incoming(String nodeId) {
    List<FlowEdge> in = new ArrayList<>();
    for (FlowEdge e : edges) {
      if (e.target().equals(nodeId)) {
        in.add(e);
      }
    }
    return in;
  }
}
