package dev.sprintflow.progress;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a sprint task stands in the read model (docs/progress.md has the transitions). */
public enum TaskState {
  /** Not started: its call activity has not run the work yet (usually waiting for dependencies). */
  PENDING,
  /** The work runs: a job worker or a person is on it. */
  RUNNING,
  /** Done by the worker, waiting for a reviewer's decision. */
  IN_REVIEW,
  /** Sent back by the reviewer; the work runs again. */
  REWORK,
  DONE,
  /** The lead aborted the sprint from this task's triage. */
  FAILED,
  /** The work failed; waiting for the lead to retry, skip or abort. */
  IN_TRIAGE,
  /** Tier LATER and not forced: nothing runs. */
  DEFERRED,
  /** The lead skipped it in triage. */
  SKIPPED;

  /** Finished tasks no longer hold up the tasks that depend on them (or, FAILED, the sprint is over). */
  public boolean finished() {
    return this == DONE || this == FAILED || this == DEFERRED || this == SKIPPED;
  }

  /** Started and not finished: the task is in someone's hands. */
  public boolean active() {
    return this == RUNNING || this == IN_REVIEW || this == REWORK || this == IN_TRIAGE;
  }

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskState of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
