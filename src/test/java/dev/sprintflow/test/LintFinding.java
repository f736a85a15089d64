package dev.sprintflow.test;

import java.util.List;

/**
 * One problem the Modeler checks found, as printed by {@code tools/modeler/lint.mjs --json}.
 *
 * @param file the file as passed to the linter (absolute when given through {@link ModelerLint})
 * @param rule e.g. {@code camunda-compat/implementation}, {@code bpmnlint/no-disconnected},
 *     {@code sprintflow/di-complete}, {@code dmn-moddle/parse}, {@code form/components}
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param elementId the BPMN/DMN/form element at fault, or null for file-level problems
 * @param configs camunda-compat configs that reported it; empty for rules that do not depend on one
 */
public record LintFinding(String file, String rule, String severity, String message, String elementId, List<String> configs) {

  public boolean isError() {
    return "error".equals(severity);
  }

  @Override
  public String toString() {
    return file + ": " + rule + ": " + message + (elementId == null ? "" : " (" + elementId + ")") + " [" + severity
        + (configs.isEmpty() ? "" : "; " + String.join(", ", configs)) + "]";
  }
}
