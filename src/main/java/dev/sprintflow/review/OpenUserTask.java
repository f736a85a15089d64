package dev.sprintflow.review;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user task the inbox holds: a snapshot of its activated job.
 *
 * @param key the job key, which is also the task's id in Tasklist
 * @param dueDate null when the task has none
 * @param leaseUntil when the inbox stops listing it unless the job is activated again
 */
public record OpenUserTask(
    long key,
    String kind,
    String formId,
    String elementId,
    String bpmnProcessId,
    long processInstanceKey,
    List<String> candidateGroups,
    Instant dueDate,
    Map<String, Object> variables,
    Instant leaseUntil) {

  public OpenUserTask {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    // variables may hold nulls (Map.copyOf rejects them)
    variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public Object variable(String name) {
    return variables.get(name);
  }

  public String stringVariable(String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }
}
