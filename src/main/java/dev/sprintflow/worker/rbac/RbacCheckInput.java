package dev.sprintflow.worker.rbac;

import java.util.List;
import java.util.Map;

/**
 * The worker's input, the task's {@code inputs} variable: {@code target} names a configured target,
 * {@code matrix} is the expected permission matrix in the compact form (an object, or YAML text).
 * Other fields of {@code inputs} (a plan's description, handoff, ...) are not the worker's business.
 */
public record RbacCheckInput(String target, Object matrix) {

  public static final String VARIABLE = "inputs";
  public static final List<String> FIELDS = List.of("target", "matrix");

  public static RbacCheckInput from(Map<String, Object> inputs) {
    if (inputs == null) {
      throw new RbacConfigInvalidException("inputs: is required: {target: <configured target>, matrix: {...}}");
    }
    Object target = inputs.get("target");
    if (target != null && !(target instanceof String)) {
      throw new RbacConfigInvalidException("inputs.target: must be the name of a configured target, got " + target);
    }
    return new RbacCheckInput((String) target, inputs.get("matrix"));
  }
}
