package dev.sprintflow.compiler.bpmn;

/** The names shared with bpmn/sprint-task.bpmn (docs/lifecycle.md). Change both together. */
public final class LifecycleContract {

  public static final String PROCESS_ID = "sprint-task";
  /** Code of the BPMN error the lifecycle throws when a lead chooses "abort sprint" in triage. */
  public static final String ABORT_CODE = "SPRINT_ABORTED";
  /** Job type of job-worker-based user tasks (they work on the embedded engine and in Tasklist). */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  /** The shared form of verification gates, bpmn/sprint-gate.form (deployed at start-up). */
  public static final String GATE_FORM_ID = "sprint-gate";
  /** Custom headers by which the review inbox recognises Sprintflow user tasks (dev.sprintflow.review). */
  public static final String KIND_HEADER = "sprintflow.kind";
  public static final String FORM_HEADER = "sprintflow.formId";
  public static final String GATE_KIND = "gate";
  /** Who verifies success-criteria gates. */
  public static final String GATE_CANDIDATE_GROUPS = "sprint-leads";
  /**
   * Job types of the execution listeners that feed the progress read model (docs/progress.md), one
   * per event type: gateways before 8.7 do not tell a job's listener event type to the worker.
   */
  public static final String PROGRESS_START_JOB_TYPE = "sprintflow.progress.start";
  public static final String PROGRESS_END_JOB_TYPE = "sprintflow.progress.end";
  /** Retries of a progress listener job: with the worker's backoff, minutes of database outage. */
  public static final String PROGRESS_RETRIES = "10";

  private LifecycleContract() {}
}
