package dev.sprintflow.worker.rbac;

/** The check in numbers (the rbacSummary variable); {@code status} is passed, violation or inconclusive. */
public record RbacSummary(
    String target,
    String status,
    int roles,
    int cells,
    int matching,
    int mismatches,
    int errors,
    int dryRunProbes,
    int restored,
    int restoreFailures,
    long durationMillis) {}
