package dev.sprintflow.worker.oauth;

/** Stopping a schedule that does not exist. */
public class ScheduleNotFoundException extends RuntimeException {
  public ScheduleNotFoundException(String connectionId) {
    super("Connection '" + connectionId + "' has no sync schedule");
  }
}
