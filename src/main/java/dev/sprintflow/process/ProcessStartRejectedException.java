package dev.sprintflow.process;

/** The engine refused to start the process, e.g. because its variables do not fit the model. */
public class ProcessStartRejectedException extends RuntimeException {
  public ProcessStartRejectedException(String bpmnProcessId, String reason, Throwable cause) {
    super("The engine refused to start process '" + bpmnProcessId + "': " + reason, cause);
  }
}
