package dev.sprintflow.review;

/** Custom headers of job-worker-based user tasks that the inbox reads. */
public final class UserTaskHeaders {

  /** Job type of job-worker-based user tasks (those without {@code zeebe:userTask}). */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  /** Set by Zeebe from {@code zeebe:assignmentDefinition}: a JSON array of group names. */
  public static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  /** Set by Zeebe from {@code zeebe:taskSchedule}: an ISO-8601 zoned date-time. */
  public static final String DUE_DATE = "io.camunda.zeebe:dueDate";

  /**
   * Ours, in the BPMN's task headers: what the task is for ("review", "triage", "work"). Tasks
   * without it belong to some other process and are left to Tasklist.
   */
  public static final String KIND = "sprintflow.kind";
  /**
   * Ours: the id of the linked Camunda Form. Zeebe only hands out the form's deployment key, which
   * the service cannot resolve on every runtime; a model test keeps it equal to the formId.
   */
  public static final String FORM_ID = "sprintflow.formId";

  private UserTaskHeaders() {}
}
