package dev.sprintflow.engine;

/** The embedded engine could not start or answer; the message says what to change. */
public class EmbeddedEngineException extends RuntimeException {
  public EmbeddedEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
