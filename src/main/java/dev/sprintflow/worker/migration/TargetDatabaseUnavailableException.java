package dev.sprintflow.worker.migration;

/**
 * The target database cannot be reached (or refused the connection): worth retrying later, so the
 * worker fails the job with retries and a backoff instead of raising a BPMN error.
 */
public class TargetDatabaseUnavailableException extends RuntimeException {
  public TargetDatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
