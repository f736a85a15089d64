package dev.sprintflow.compiler.layout;

import java.util.List;
import java.util.Map;

/**
 * Where every element of a compiled sprint is drawn.
 *
 * @param shapes bounds of each flow node, by element id
 * @param labels bounds of the external label of events, by element id
 * @param waypoints the orthogonal route of each sequence flow, by flow id
 */
public record DiagramLayout(
    Map<String, Bounds> shapes, Map<String, Bounds> labels, Map<String, List<Point>> waypoints) {}
