package dev.sprintflow.lifecycle;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BPMN error codes of the task lifecycle (workers/README.md documents them for worker authors).
 *
 * <p>The lifecycle catches every BPMN error from the work with one catch-all boundary event. Zeebe
 * does not hand a caught error's code or message to the process, so a worker passes both as
 * variables of the error as well; {@link #workFailure} does that for Java workers.
 */
public final class LifecycleErrors {

  /** A migration cannot be applied or ported as planned (migration-port workers). */
  public static final String MIGRATION_INVALID = "MIGRATION_INVALID";
  /** An integration's OAuth grant expired or was revoked; a person must re-authorise (oauth-sync). */
  public static final String OAUTH_REAUTH_REQUIRED = "OAUTH_REAUTH_REQUIRED";
  /** A role or permission check found access that must not exist (rbac-check). */
  public static final String RBAC_VIOLATION = "RBAC_VIOLATION";
  /** Generic: the work cannot be done; also thrown when a person reports manual work as not doable. */
  public static final String WORK_FAILED = "WORK_FAILED";
  /** Thrown inside the lifecycle when the reviewer asks for more reworks than the policy allows. */
  public static final String REWORK_LIMIT_REACHED = "REWORK_LIMIT_REACHED";
  /** Thrown by the lifecycle to the calling sprint process when the lead aborts the sprint. */
  public static final String SPRINT_ABORTED = "SPRINT_ABORTED";

  /**
   * What the triage task shows as the code when a worker's BPMN error carried no errorCode
   * variable (set by the BPMN's catch event, since Zeebe cannot tell which code was caught).
   */
  public static final String UNKNOWN_CODE = "UNKNOWN";

  /** The codes workers may throw; the lifecycle catches any code, these are the documented ones. */
  public static final List<String> WORKER_CODES =
      List.of(MIGRATION_INVALID, OAUTH_REAUTH_REQUIRED, RBAC_VIOLATION, WORK_FAILED);

  private LifecycleErrors() {}

  /**
   * The BPMN error a Java job worker throws when its work cannot be done: the code selects the
   * catch event, the variables carry code and message to the lead's triage task.
   */
  public static BpmnError workFailure(String code, String message) {
    return workFailure(code, message, Map.of());
  }

  /** As {@link #workFailure(String, String)}, with extra variables for the triage task. */
  public static BpmnError workFailure(String code, String message, Map<String, Object> variables) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("A BPMN error needs a code, e.g. " + WORK_FAILED);
    }
    Map<String, Object> all = new LinkedHashMap<>(variables);
    all.put(LifecycleVariables.ERROR_CODE, code);
    all.put(LifecycleVariables.ERROR_MESSAGE, message);
    return CamundaError.bpmnError(code, message, all);
  }
}
