package dev.sprintflow.compiler.bpmn;

/** The names shared with bpmn/sprint-task.bpmn (docs/lifecycle.md). Change both together. */
public final class LifecycleContract {

  public static final String PROCESS_ID = "sprint-task";
  /** Code of the BPMN error the lifecycle throws when a lead chooses "abort sprint" in triage. */
  public static final String ABORT_CODE = "SPRINT_ABORTED";
  /** Job type of job-worker-based user tasks (they work on the embedded engine and in Tasklist). */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  /** Who verifies success-criteria gates. */
  public static final String GATE_CANDIDATE_GROUPS = "sprint-leads";

  private LifecycleContract() {}
}
