package dev.sprintflow.webapps;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task as Tasklist's REST API describes it. For job-worker-based user tasks the id is the job key.
 *
 * @param taskDefinitionId the BPMN element id of the user task
 * @param state CREATED (open), COMPLETED, CANCELED or FAILED
 * @param variables the requested variables, parsed from their JSON values
 */
public record TasklistTask(
    String id,
    String taskDefinitionId,
    String name,
    String processName,
    String state,
    String formId,
    long processInstanceKey,
    String assignee,
    List<String> candidateGroups,
    Instant creationDate,
    Instant dueDate,
    Map<String, Object> variables) {

  public static final String OPEN = "CREATED";

  public TasklistTask {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    // values may be null (Map.copyOf rejects them)
    variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public boolean open() {
    return OPEN.equals(state);
  }
}
