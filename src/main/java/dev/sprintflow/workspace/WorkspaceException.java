package dev.sprintflow.workspace;

/** A workspace name or a path inside a workspace was refused; the message says why. */
public class WorkspaceException extends RuntimeException {
  public WorkspaceException(String message) {
    super(message);
  }

  public WorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
