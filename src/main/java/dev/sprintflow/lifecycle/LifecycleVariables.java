package dev.sprintflow.lifecycle;

/**
 * Names shared by bpmn/sprint-task.bpmn and the Java side: the process id, the variables of the
 * contract with the calling sprint process (docs/lifecycle.md) and the lifecycle's own variables.
 * The BPMN uses the same strings; LifecycleContractTest keeps the two in step.
 */
public final class LifecycleVariables {

  /** BPMN process id the sprint process calls, one call activity per plan task. */
  public static final String PROCESS_ID = "sprint-task";

  /** Job type of the escalation raised when work outlasts its estimate. */
  public static final String ESCALATION_JOB_TYPE = "sprint.escalate";

  // Inputs from the sprint process
  public static final String SPRINT_ID = "sprintId";
  public static final String TASK_ID = "taskId";
  public static final String TASK_TITLE = "taskTitle";
  public static final String WORKER_KIND = "workerKind";
  public static final String SCORE = "score";
  public static final String ESTIMATE = "estimate";
  public static final String ACCEPTANCE = "acceptance";
  public static final String REVIEW = "review";
  public static final String FORCE_RUN = "forceRun";
  public static final String INPUTS = "inputs";

  // Outputs the sprint process maps back
  public static final String TASK_OUTCOME = "taskOutcome";
  public static final String TIER = "tier";
  public static final String RESULT = "result";
  public static final String REWORK_COUNT = "reworkCount";

  // Set along the way
  public static final String PRIORITY = "priority";
  public static final String REVIEW_POLICY = "reviewPolicy";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String TRIAGE_DECISION = "triageDecision";
  public static final String TRIAGE_COMMENT = "triageComment";
  public static final String ERROR_CODE = "errorCode";
  public static final String ERROR_MESSAGE = "errorMessage";

  /** Values of {@link #TASK_OUTCOME}. */
  public static final String OUTCOME_DONE = "done";
  public static final String OUTCOME_DEFERRED = "deferred";
  public static final String OUTCOME_SKIPPED = "skipped";

  /**
   * How long work may take before it is escalated when the task has no estimate: the literal in
   * the BPMN's timer expression, kept equal by SprintTaskModelTest.
   */
  public static final String DEFAULT_ESTIMATE = "P3D";

  /** The worker kind that is done by a person in Tasklist instead of a job worker. */
  public static final String MANUAL_WORKER_KIND = "manual";

  private LifecycleVariables() {}
}
