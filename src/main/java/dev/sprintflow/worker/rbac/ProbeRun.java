package dev.sprintflow.worker.rbac;

/** A probe as it ran: the probe's exchange and, for changing probes, snapshot and restore exchanges. */
public record ProbeRun(Probe probe, Exchange response, Exchange snapshot, Exchange restore) {

  /** Whether a restore was due and did not succeed: the target may keep the probe's change. */
  public boolean restoreFailed() {
    return restore != null && !restore.succeeded();
  }
}
