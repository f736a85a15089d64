package dev.sprintflow.worker.rbac;

/**
 * A probe as it ran: the probe's exchange and, for changing probes, snapshot and restore exchanges.
 * {@code caveat} says why the cell may not be trustworthy (an earlier restore on its path failed).
 */
public record ProbeRun(Probe probe, Exchange response, Exchange snapshot, Exchange restore, String caveat) {

  ProbeRun(Probe probe, Exchange response, Exchange snapshot, Exchange restore) {
    this(probe, response, snapshot, restore, null);
  }

  ProbeRun withCaveat(String text) {
    return new ProbeRun(probe, response, snapshot, restore, text);
  }

  /** Whether a restore was due and did not succeed: the target may keep the probe's change. */
  public boolean restoreFailed() {
    return restore != null && !restore.succeeded();
  }
}
