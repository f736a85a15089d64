package dev.sprintflow.worker.rbac;

import java.util.List;

/**
 * The check cannot run as asked: the matrix input is invalid, the target is unknown, or the
 * target's server-side configuration lacks what the matrix needs. Each problem starts with the
 * field or configuration key it is about. A person must fix the plan or the configuration, so
 * the worker throws the BPMN error {@code RBAC_CONFIG_INVALID}, never a retry.
 */
public class RbacConfigInvalidException extends RuntimeException {

  private final List<String> problems;

  public RbacConfigInvalidException(List<String> problems) {
    super(String.join("; ", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("An invalid configuration needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public RbacConfigInvalidException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
