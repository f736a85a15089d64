package dev.sprintflow.compiler.layout;

import dev.sprintflow.compiler.graph.FlowNode;

/** Camunda Modeler's default element sizes, so compiled diagrams look like hand-drawn ones. */
final class ShapeSizes {

  static final double EVENT = 36;
  static final double GATEWAY = 50;
  static final double TASK_WIDTH = 100;
  static final double TASK_HEIGHT = 80;
  /** Modeler's external label font is about 11 px; width per character for a plain estimate. */
  static final double LABEL_CHAR_WIDTH = 6.2;
  static final double LABEL_LINE_HEIGHT = 14;
  static final double LABEL_MAX_WIDTH = 90;

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
  static double[] label(String text) {
    double natural = Math.ceil(text.length() * LABEL_CHAR_WIDTH);
    double width = Math.min(natural, LABEL_MAX_WIDTH);
    int lines = (int) Math.ceil(natural / LABEL_MAX_WIDTH);
    return new double[] {Math.max(width, 20), Math.max(1, lines) * LABEL_LINE_HEIGHT};
  }
}
