package dev.sprintflow.report;

import dev.sprintflow.progress.GateState;
import dev.sprintflow.progress.SprintState;
import dev.sprintflow.progress.TaskState;
import dev.sprintflow.report.SprintOverview.GateView;
import dev.sprintflow.report.SprintOverview.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made overviews for the report and chart tests. */
final class OverviewFixtures {

  static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");

  private OverviewFixtures() {}

  static TaskView task(String id, String title, TaskState state, List<String> deps, Duration estimate,
      Instant started, Instant finished, Instant asOf) {
    Duration actual = started == null ? null : Duration.between(started, finished != null ? finished : asOf);
    SprintOverview.WaitsFor waits = state == TaskState.PENDING ? new SprintOverview.WaitsFor(deps, null, null) : null;
    return new TaskView(id, title, "generic", state, "SOON", deps, estimate, started, finished, actual, started == null ? 0 : 1,
        0, null, null, waits, false);
  }

  /** A running sprint of three tasks: a (done, 2h of 1d), b after a (running 3h of 2d), c after b (pending, 12h). */
  static SprintOverview running() {
    Instant asOf = T0.plus(Duration.ofHours(5));
    List<TaskView> tasks = new ArrayList<>();
    tasks.add(critical(task("a", "Port <the> backend | fast", TaskState.DONE, List.of(), Duration.ofDays(1), T0,
        T0.plus(Duration.ofHours(2)), asOf)));
    tasks.add(critical(task("b", "Sync *Gmail*", TaskState.RUNNING, List.of("a"), Duration.ofDays(2),
        T0.plus(Duration.ofHours(2)), null, asOf)));
    tasks.add(critical(task("c", "Final check", TaskState.PENDING, List.of("b"), Duration.ofHours(12), null, null, asOf)));
    List<GateView> gates = List.of(new GateView("tier-1", "Tier 1", GateState.PENDING, List.of("c"), null, null, null, null,
        new SprintOverview.WaitsFor(List.of("c"), null, null)));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (TaskState s : TaskState.values()) {
      counts.put(s.value(), (int) tasks.stream().filter(t -> t.state() == s).count());
    }
    SprintOverview.Schedule schedule = new SprintOverview.Schedule(
        new SprintOverview.Path(List.of("a", "b", "c"), Duration.ofHours(84)),
        new SprintOverview.Path(List.of("a", "b", "c"), Duration.ofHours(17)),
        T0.plus(Duration.ofHours(84)), T0.plus(Duration.ofHours(62)), true);
    return new SprintOverview("demo-1", "demo", "Demo sprint", "sprint-demo", 1, 42L, SprintState.RUNNING, true, T0,
        null, asOf, counts, tasks, gates, schedule);
  }

  private static TaskView critical(TaskView t) {
    return new TaskView(t.taskId(), t.title(), t.workerKind(), t.state(), t.tier(), t.dependsOn(), t.estimate(),
        t.startedAt(), t.finishedAt(), t.actual(), t.attempts(), t.reworkCount(), t.review(), t.error(), t.waitsFor(), true);
  }
}
