package dev.sprintflow.compiler.layout;

import dev.sprintflow.compiler.graph.FlowNode;

/** Camunda Modeler's default element sizes, so compiled diagrams look like hand-drawn ones. */
public final class ShapeSizes {

  public static final double EVENT = 36;
  static final double GATEWAY = 50;
  public static final double TASK_WIDTH = 100;
  public static final double TASK_HEIGHT = 80;
  /** Modeler's external label font is about 11 px; width per character for a plain estimate. */
  static final double LABEL_CHAR_WIDTH = 6.2;
  static final double LABEL_LINE_HEIGHT = 14;
  static final double LABEL_MAX_WIDTH = 90;
  /**
   * Space kept free under each call activity for its "abort sprint" boundary event, the flow down
   * from it and the end event with its label (drawn by the BPMN writer, not by ELK).
   */
  public static final double ABORT_ZONE = 18 + 30 + 36 + 4 + 14;

  private ShapeSizes() {}

  static double width(FlowNode.Kind kind) {
    return switch (kind) {
      case START, END -> EVENT;
      case FORK, JOIN -> GATEWAY;
      case TASK, GATE -> TASK_WIDTH;
    };
  }

  static double height(FlowNode.Kind kind) {
    return switch (kind) {
      case START, END -> EVENT;
      case FORK, JOIN -> GATEWAY;
      case TASK, GATE -> TASK_HEIGHT;
    };
  }

  /** Size of an external label wrapped to {@link #LABEL_MAX_WIDTH}. */
  public static double[] label(String text) {
    double natural = Math.ceil(text.length() * LABEL_CHAR_WIDTH);
    double width = Math.min(natural, LABEL_MAX_WIDTH);
    int lines = (int) Math.ceil(natural / LABEL_MAX_WIDTH);
    return new double[] {Math.max(width, 20), Math.max(1, lines) * LABEL_LINE_HEIGHT};
  }
}
