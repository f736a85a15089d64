package dev.sprintflow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sprintflow.plan.EstimateSerializer;
import dev.sprintflow.progress.GateState;
import dev.sprintflow.progress.SprintState;
import dev.sprintflow.progress.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a sprint stands: GET /api/sprints/{id}, and what the morning report and timeline are drawn
 * from. Durations are ISO-8601 strings ("P3D", "PT2H30M").
 *
 * @param fromPlan false for a sprint known only from progress events (started elsewhere or before
 *     tracking): tasks appear as they run, without dependencies or plan order
 * @param asOf the moment the figures refer to: now, or when the sprint ended
 * @param counts tasks per state, every state listed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SprintOverview(
    String sprintId,
    String planId,
    String planName,
    String bpmnProcessId,
    Integer version,
    Long processInstanceKey,
    SprintState state,
    boolean fromPlan,
    Instant startedAt,
    Instant endedAt,
    Instant asOf,
    Map<String, Integer> counts,
    List<TaskView> tasks,
    List<GateView> gates,
    Schedule schedule) {

  /**
   * @param actual finished: from first start to finish; active: elapsed so far; null when it never ran
   * @param waitsFor set while the task waits: for its dependencies (pending), a reviewer group
   *     (in review) or the leads (in triage)
   * @param critical on the planned critical path
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TaskView(
      String taskId,
      String title,
      String workerKind,
      TaskState state,
      String tier,
      List<String> dependsOn,
      @JsonSerialize(using = EstimateSerializer.class) Duration estimate,
      Instant startedAt,
      Instant finishedAt,
      @JsonSerialize(using = EstimateSerializer.class) Duration actual,
      int attempts,
      int reworkCount,
      Review review,
      Failure error,
      WaitsFor waitsFor,
      boolean critical) {}

  /** The latest review: offered to {@code reviewers}; decision and comment once decided. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Review(String reviewers, Instant requestedAt, String decision, String comment, Instant decidedAt) {}

  /** The latest failure that went to triage, and the lead's decision on it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String code, String message, String triageDecision, String triageComment) {}

  /**
   * What a waiting task or gate waits for.
   *
   * @param tasks unfinished tasks it depends on
   * @param group the people who must act (candidate group)
   * @param since since when it waits for people
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WaitsFor(List<String> tasks, String group, Instant since) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GateView(
      String gateId,
      String title,
      GateState state,
      List<String> after,
      Instant openedAt,
      Instant decidedAt,
      String decision,
      String comment,
      WaitsFor waitsFor) {}

  /**
   * Will the sprint finish on time?
   *
   * @param planned the critical path by the plan's estimates
   * @param actual the critical path by actual durations: finished tasks as they took, active tasks
   *     by their time so far, pending tasks by estimate
   * @param plannedFinish sprint start plus the planned critical path
   * @param forecastFinish sprint start plus the critical path where an active task takes at least
   *     its estimate; when the sprint ended
   * @param onTrack forecast finish not after planned finish (to the minute)
   */
  public record Schedule(Path planned, Path actual, Instant plannedFinish, Instant forecastFinish, boolean onTrack) {}

  public record Path(List<String> taskIds, @JsonSerialize(using = EstimateSerializer.class) Duration length) {}
}
