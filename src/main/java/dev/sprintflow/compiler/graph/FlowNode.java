package dev.sprintflow.compiler.graph;

/**
 * One BPMN flow node of a compiled sprint.
 *
 * @param id element id (a valid NCName)
 * @param kind what BPMN element it becomes
 * @param name label shown in the diagram, or null
 * @param ref the plan task or gate id for {@link Kind#TASK} and {@link Kind#GATE}, else null
 */
public record FlowNode(String id, Kind kind, String name, String ref) {

  public enum Kind {
    START,
    END,
    /** A call activity running the task lifecycle. */
    TASK,
    /** A user task verifying a success-criteria gate. */
    GATE,
    FORK,
    JOIN
  }
}
