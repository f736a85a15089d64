package dev.sprintflow.compiler;

/** The compiled model failed Zeebe's validation; the message names the task when it can. */
public class SprintCompileException extends RuntimeException {
  public SprintCompileException(String message, Throwable cause) {
    super(message, cause);
  }
}
