package dev.sprintflow.worker.rbac;

/**
 * Everything needed to probe one cell: the request sent as the cell's role, and, for a probe that
 * changes state, what to fetch before ({@code snapshot}) and send after an allowed probe
 * ({@code restore}) as {@code restoreRole}. A dry-run probe has neither.
 */
public record Probe(Cell cell, HttpCall request, boolean dryRun, HttpCall snapshot, HttpCall restore, String restoreRole) {

  /** Whether the probe may change the target: it runs after all safe probes, one at a time per path. */
  public boolean mutating() {
    return !dryRun && !ProbePlanner.SAFE_METHODS.contains(request.method());
  }
}
