package dev.sprintflow.worker.rbac;

import java.util.List;
import java.util.Map;

/**
 * The variables a passed check completes its job with: {@code result} is the Markdown report the
 * reviewer reads in the review form (the lifecycle's result summary).
 */
public record RbacCheckResult(
    String result,
    RbacSummary rbacSummary,
    Map<String, Map<String, Map<String, String>>> rbacObserved,
    List<CellEvidence> rbacEvidence) {

  public static final List<String> VARIABLES = List.of("result", "rbacSummary", "rbacObserved", "rbacEvidence");

  static RbacCheckResult of(RbacCheckOutcome outcome) {
    return new RbacCheckResult(outcome.report(), outcome.summary(), outcome.observed(), outcome.evidence());
  }
}
