package dev.sprintflow.report;

import dev.sprintflow.compiler.bpmn.LifecycleContract;
import dev.sprintflow.progress.GateProgress;
import dev.sprintflow.progress.GateState;
import dev.sprintflow.progress.ProgressRepository;
import dev.sprintflow.progress.TaskProgress;
import dev.sprintflow.progress.TaskState;
import dev.sprintflow.progress.TrackedSprint;
import dev.sprintflow.report.SprintOverview.Failure;
import dev.sprintflow.report.SprintOverview.GateView;
import dev.sprintflow.report.SprintOverview.Review;
import dev.sprintflow.report.SprintOverview.TaskView;
import dev.sprintflow.report.SprintOverview.WaitsFor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Builds the sprint list and each sprint's overview from the read model and the plan snapshot. */
@Service
public class SprintOverviewService {

  /** Who decides triage tasks (bpmn/sprint-task.bpmn) and gates (the compiler). */
  static final String LEADS = LifecycleContract.GATE_CANDIDATE_GROUPS;

  private final ProgressRepository repository;
  private final Clock clock;

  public SprintOverviewService(ProgressRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public List<SprintSummary> list() {
    Map<String, Map<TaskState, Integer>> counts = repository.stateCounts();
    return repository.sprints().stream().map(s -> {
      Map<TaskState, Integer> c = counts.getOrDefault(s.sprintId(), Map.of());
      return new SprintSummary(s.sprintId(), s.planId(), s.planName(), s.state(), s.fromPlan(), s.startedAt(),
          s.endedAt(), c.values().stream().mapToInt(Integer::intValue).sum(), countsByName(c));
    }).toList();
  }

  public Optional<SprintOverview> overview(String sprintId) {
    return repository.sprint(sprintId).map(this::overview);
  }

  private SprintOverview overview(TrackedSprint sprint) {
    Instant asOf = sprint.endedAt() != null ? sprint.endedAt() : clock.instant();
    List<TaskProgress> rows = repository.tasks(sprint.sprintId());
    PlanGraph graph = PlanGraph.of(sprint.planJson());
    Map<String, TaskProgress> byId = new LinkedHashMap<>();
    rows.forEach(t -> byId.put(t.taskId(), t));
    List<String> order = new ArrayList<>(byId.keySet());

    Map<String, Duration> planned = new LinkedHashMap<>();
    Map<String, Duration> actual = new LinkedHashMap<>();
    for (TaskProgress t : rows) {
      planned.put(t.taskId(), estimate(t));
      Duration ran = ran(t, asOf);
      actual.put(t.taskId(), ran != null ? ran : estimate(t));
    }
    CriticalPath plannedPath = CriticalPath.of(order, graph.dependsOn(), planned);
    CriticalPath actualPath = CriticalPath.of(order, graph.dependsOn(), actual);

    List<TaskView> tasks = rows.stream().map(t -> task(t, graph, byId, plannedPath, asOf, sprint.endedAt() == null)).toList();
    List<GateView> gates = repository.gates(sprint.sprintId()).stream().map(g -> gate(g, graph, byId)).toList();

    Map<TaskState, Integer> counts = new java.util.EnumMap<>(TaskState.class);
    rows.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    Instant plannedFinish = sprint.startedAt().plus(plannedPath.length());
    Instant forecast = sprint.endedAt() != null ? sprint.endedAt()
        : Forecast.finish(sprint.startedAt(), asOf, order, graph.dependsOn(), byId);
    SprintOverview.Schedule schedule = new SprintOverview.Schedule(
        new SprintOverview.Path(plannedPath.taskIds(), plannedPath.length()),
        new SprintOverview.Path(actualPath.taskIds(), actualPath.length()),
        plannedFinish, forecast, onTrack(forecast, plannedFinish));
    return new SprintOverview(sprint.sprintId(), sprint.planId(), sprint.planName(), sprint.bpmnProcessId(),
        sprint.version(), sprint.processInstanceKey(), sprint.state(), sprint.fromPlan(), sprint.startedAt(),
        sprint.endedAt(), asOf, countsByName(counts), tasks, gates, schedule);
  }

  private static TaskView task(TaskProgress t, PlanGraph graph, Map<String, TaskProgress> byId, CriticalPath planned,
      Instant asOf, boolean running) {
    List<String> deps = graph.dependenciesOf(t.taskId());
    Review review = t.reviewRequestedAt() == null ? null
        : new Review(t.reviewers(), t.reviewRequestedAt(), t.reviewDecision(), t.reviewComment(), t.reviewedAt());
    Failure error = t.errorCode() == null && t.errorMessage() == null ? null
        : new Failure(t.errorCode(), t.errorMessage(), t.triageDecision(), t.triageComment());
    WaitsFor waits = null;
    if (running) {
      waits = switch (t.state()) {
        case PENDING -> new WaitsFor(unfinished(deps, byId), null, null);
        case IN_REVIEW -> new WaitsFor(null, t.reviewers(), t.reviewRequestedAt());
        case IN_TRIAGE -> new WaitsFor(null, LEADS, t.stateChangedAt());
        default -> null;
      };
    }
    return new TaskView(t.taskId(), t.title(), t.workerKind(), t.state(), t.tier(), deps, t.estimate(), t.startedAt(),
        t.finishedAt(), ran(t, asOf), t.attempts(), t.reworkCount(), review, error, waits, planned.contains(t.taskId()));
  }

  private static GateView gate(GateProgress g, PlanGraph graph, Map<String, TaskProgress> byId) {
    List<String> after = graph.tasksBefore(g.gateId());
    WaitsFor waits = switch (g.state()) {
      case PENDING -> new WaitsFor(unfinished(after, byId), null, null);
      case OPEN -> new WaitsFor(null, LEADS, g.openedAt());
      default -> null;
    };
    return new GateView(g.gateId(), g.title(), g.state(), after, g.openedAt(), g.decidedAt(), g.decision(), g.comment(),
        g.state() == GateState.PASSED || g.state() == GateState.FAILED ? null : waits);
  }

  private static List<String> unfinished(List<String> ids, Map<String, TaskProgress> byId) {
    return ids.stream().filter(id -> byId.get(id) == null || !byId.get(id).state().finished()).toList();
  }

  /** Compared to the minute, as the report shows times: milliseconds between registering and starting are no delay. */
  static boolean onTrack(Instant forecast, Instant plannedFinish) {
    return !forecast.truncatedTo(ChronoUnit.MINUTES).isAfter(plannedFinish.truncatedTo(ChronoUnit.MINUTES));
  }

  /** How long a task ran: until it finished, or until now while active; null when it never started. */
  static Duration ran(TaskProgress t, Instant asOf) {
    if (t.startedAt() == null) {
      return t.state().finished() ? Duration.ZERO : null;
    }
    Instant end = t.finishedAt() != null ? t.finishedAt() : asOf;
    // Whole seconds: "PT1M29S", not nanoseconds nobody reads.
    return end.isBefore(t.startedAt()) ? Duration.ZERO : Duration.between(t.startedAt(), end).truncatedTo(ChronoUnit.SECONDS);
  }

  /** A task without an estimate counts as zero in planned figures (docs/progress.md). */
  static Duration estimate(TaskProgress t) {
    return t.estimate() == null ? Duration.ZERO : t.estimate();
  }

  static Map<String, Integer> countsByName(Map<TaskState, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (TaskState s : TaskState.values()) {
      out.put(s.value(), counts.getOrDefault(s, 0));
    }
    return out;
  }
}
