package dev.sprintflow.worker.rbac;

import java.util.Locale;

/** What a role may do in one cell (expected), or what the target did (observed). */
public enum Access {
  ALLOW,
  DENY,
  /** Observed only: the response proves neither (5xx, redirect, timeout, no credentials). */
  ERROR;

  /** The lower-case word used in variables, YAML and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
