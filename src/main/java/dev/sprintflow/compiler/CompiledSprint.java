package dev.sprintflow.compiler;

import java.util.Map;

/**
 * A plan compiled to deployable resources.
 *
 * @param processId the sprint process id, {@code sprint-<planId>}
 * @param bpmnXml the process with its diagram
 * @param forms Camunda Forms of the verification gates, by form id (deploy them with the process)
 */
public record CompiledSprint(String processId, String bpmnXml, Map<String, String> forms) {

  public String bpmnResourceName() {
    return processId + ".bpmn";
  }
}
