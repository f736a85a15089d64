package dev.sprintflow.engine;

/** Deploying the models in bpmn/ and dmn/ failed; the message names the file and the problem. */
public class DeploymentFailedException extends RuntimeException {
  public DeploymentFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
