package dev.sprintflow.worker.rbac;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one check found: the verdict, the observed matrix (role -> row -> action -> allow,
 * deny or error), the evidence per cell and the Markdown report for the reviewer.
 */
public record RbacCheckOutcome(
    Status status,
    RbacSummary summary,
    Map<String, Map<String, Map<String, String>>> observed,
    List<CellEvidence> evidence,
    String report) {

  public enum Status {
    /** Every cell answered as the matrix expects. */
    PASSED,
    /** At least one cell differs from the matrix (errors may exist as well). */
    VIOLATION,
    /** No cell differs, but some cells have no verdict (5xx, redirect, timeout, no credentials). */
    INCONCLUSIVE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A one-line statement of the verdict, e.g. for the BPMN error's message and logs. */
  public String headline() {
    return switch (status) {
      case PASSED -> "RBAC check passed on target '%s': all %d cells match the matrix"
          .formatted(summary.target(), summary.cells());
      case VIOLATION -> "RBAC violation on target '%s': %d of %d cells differ from the matrix%s"
          .formatted(summary.target(), summary.mismatches(), summary.cells(), firstMismatch());
      case INCONCLUSIVE -> "RBAC check inconclusive on target '%s': %d of %d cells have no verdict"
          .formatted(summary.target(), summary.errors(), summary.cells());
    };
  }

  private String firstMismatch() {
    return evidence.stream()
        .filter(e -> !e.matches() && !e.observed().equals(Access.ERROR.label()))
        .findFirst()
        .map(e -> " (first: %s %s %s is %s, expected %s)".formatted(e.role(), e.action(), e.row(), e.observed(), e.expected()))
        .orElse("");
  }
}
