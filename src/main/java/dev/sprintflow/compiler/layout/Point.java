package dev.sprintflow.compiler.layout;

/** A waypoint in diagram coordinates. */
public record Point(double x, double y) {}
