package dev.sprintflow.progress;

import dev.sprintflow.compiler.bpmn.LifecycleContract;
import java.util.Locale;

/**
 * The two execution-listener events. Each has its own job type because a gateway older than 8.7
 * does not hand the listener event type to the worker.
 */
public enum ListenerEvent {
  START(1, LifecycleContract.PROGRESS_START_JOB_TYPE),
  END(2, LifecycleContract.PROGRESS_END_JOB_TYPE);

  /** Orders the two events of one element instance: its start comes before its end. */
  private final int rank;
  private final String jobType;

  ListenerEvent(int rank, String jobType) {
    this.rank = rank;
    this.jobType = jobType;
  }

  public int rank() {
    return rank;
  }

  public String jobType() {
    return jobType;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
