package dev.sprintflow.process;

/** No process with the requested id is deployed. */
public class ProcessNotFoundException extends RuntimeException {
  private final String bpmnProcessId;

  public ProcessNotFoundException(String bpmnProcessId, Throwable cause) {
    super("No process with id '" + bpmnProcessId + "' is deployed", cause);
    this.bpmnProcessId = bpmnProcessId;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }
}
