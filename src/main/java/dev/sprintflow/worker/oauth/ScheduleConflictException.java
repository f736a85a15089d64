package dev.sprintflow.worker.oauth;

/** A second schedule for a connection that has one running. */
public class ScheduleConflictException extends RuntimeException {

  private final String connectionId;

  public ScheduleConflictException(String connectionId, long processInstanceKey) {
    super("Connection '%s' has a sync schedule running already (process instance %d); DELETE it first to change it"
        .formatted(connectionId, processInstanceKey));
    this.connectionId = connectionId;
  }

  public String connectionId() {
    return connectionId;
  }
}
