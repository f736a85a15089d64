package dev.sprintflow.worker.rbac;

/** No probe got an answer: the target (or its token endpoint) cannot be reached. Worth a retry. */
public class TargetUnreachableException extends RuntimeException {

  public TargetUnreachableException(String message) {
    super(message);
  }
}
