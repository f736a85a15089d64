package dev.sprintflow.compiler.graph;

/** A sequence flow between two {@link FlowNode}s, by id. */
public record FlowEdge(String id, String source, String target) {}
