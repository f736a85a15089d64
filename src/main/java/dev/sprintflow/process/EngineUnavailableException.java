package dev.sprintflow.process;

/** The engine cannot be reached or is overloaded; the request may succeed later. */
public class EngineUnavailableException extends RuntimeException {
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
