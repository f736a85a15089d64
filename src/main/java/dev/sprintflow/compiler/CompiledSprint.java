package dev.sprintflow.compiler;

/**
 * A plan compiled to a deployable process. Its forms (lifecycle, gates) are the shared ones in
 * bpmn/, deployed when the service starts, so the process is the only resource per plan.
 *
 * @param processId the sprint process id, {@code sprint-<planId>}
 * @param bpmnXml the process with its diagram
 */
public record CompiledSprint(String processId, String bpmnXml) {

  public String bpmnResourceName() {
    return processId + ".bpmn";
  }
}
