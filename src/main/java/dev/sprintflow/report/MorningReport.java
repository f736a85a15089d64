package dev.sprintflow.report;

import static dev.sprintflow.report.MarkdownText.code;
import static dev.sprintflow.report.MarkdownText.duration;
import static dev.sprintflow.report.MarkdownText.escape;
import static dev.sprintflow.report.MarkdownText.time;

import dev.sprintflow.progress.GateState;
import dev.sprintflow.progress.TaskState;
import dev.sprintflow.report.SprintOverview.GateView;
import dev.sprintflow.report.SprintOverview.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The morning report as Markdown: what got done since a given time, what is in progress, what
 * waits for a reviewer or the lead and for how long, deferred and skipped work, the gates, estimate
 * against actual, and whether the critical path still fits the plan. Sections are always present
 * (with "None." when empty) so a reader, or a script, finds them in the same place every day.
 */
public final class MorningReport {

  /** Section headings, in order. */
  public static final List<String> SECTIONS = List.of("Done since", "In progress", "Awaiting review", "In triage",
      "Deferred and skipped", "Waiting to start", "Gates", "Estimate vs actual", "Critical path");

  private final SprintOverview o;
  private final Instant since;
  private final Map<String, String> titles;
  private final StringBuilder md = new StringBuilder(4096);

  private MorningReport(SprintOverview overview, Instant since) {
    this.o = overview;
    this.since = since;
    this.titles = overview.tasks().stream().collect(Collectors.toMap(TaskView::taskId, TaskView::title));
  }

  public static String markdown(SprintOverview overview, Instant since) {
    return new MorningReport(overview, since).write();
  }

  private String write() {
    String name = o.planName() != null ? o.planName() : o.sprintId();
    line("# Morning report: " + escape(name));
    line("");
    line("Sprint `" + o.sprintId() + "`, started " + time(o.startedAt()) + ", is **" + o.state().value() + "**"
        + (o.endedAt() != null ? " (ended " + time(o.endedAt()) + ")" : "") + ". As of " + time(o.asOf())
        + "; \"since\" means since " + time(since) + ".");
    line("");
    line("**Tasks:** " + counts() + ". ★ marks the planned critical path.");
    line("");
    SprintOverview.Schedule s = o.schedule();
    Duration slip = Duration.between(s.plannedFinish(), s.forecastFinish());
    line("**Schedule:** planned finish " + time(s.plannedFinish()) + ", forecast " + time(s.forecastFinish()) + ": "
        + (s.onTrack() ? "**on track**" : "**" + duration(slip) + " late**") + ".");
    if (!o.fromPlan()) {
      line("");
      line("_This sprint was not started by this service (or before progress tracking): tasks are listed as"
          + " they report progress, without dependencies or estimates from a plan._");
    }
    doneSince();
    inProgress();
    awaitingReview();
    inTriage();
    deferredAndSkipped();
    waitingToStart();
    gates();
    estimateVsActual();
    criticalPath();
    return md.toString();
  }

  private void doneSince() {
    section(0);
    List<TaskView> done = tasks(t -> t.state() == TaskState.DONE && t.finishedAt() != null && !t.finishedAt().isBefore(since));
    table(List.of("Task", "Finished", "Took", "Estimate", "Reworks"), done.stream().map(t -> List.of(
        task(t), time(t.finishedAt()), duration(t.actual()), duration(t.estimate()), Integer.toString(t.reworkCount())))
        .toList());
  }

  private void inProgress() {
    section(1);
    List<TaskView> active = tasks(t -> t.state() == TaskState.RUNNING || t.state() == TaskState.REWORK);
    table(List.of("Task", "State", "Running for", "Estimate", "Worker"), active.stream().map(t -> List.of(
        task(t), t.state() == TaskState.REWORK ? "rework (" + t.reworkCount() + ")" : "running",
        duration(t.actual()), duration(t.estimate()), escape(t.workerKind()))).toList());
  }

  private void awaitingReview() {
    section(2);
    List<TaskView> review = tasks(t -> t.state() == TaskState.IN_REVIEW);
    table(List.of("Task", "Reviewers", "Waiting for", "Reworks so far"), review.stream().map(t -> List.of(
        task(t), escape(t.review() == null ? "" : t.review().reviewers()),
        t.review() == null ? "" : duration(Duration.between(t.review().requestedAt(), o.asOf())),
        Integer.toString(t.reworkCount()))).toList());
  }

  private void inTriage() {
    section(3);
    List<TaskView> triage = tasks(t -> t.state() == TaskState.IN_TRIAGE);
    table(List.of("Task", "Reason", "Waiting for"), triage.stream().map(t -> List.of(
        task(t), t.error() == null ? "" : code(t.error().code()) + ": " + escape(t.error().message()),
        t.waitsFor() == null || t.waitsFor().since() == null ? ""
            : escape(t.waitsFor().group()) + ", " + duration(Duration.between(t.waitsFor().since(), o.asOf()))))
        .toList());
  }

  private void deferredAndSkipped() {
    section(4);
    List<TaskView> notRun = tasks(t -> t.state() == TaskState.DEFERRED || t.state() == TaskState.SKIPPED
        || t.state() == TaskState.FAILED);
    table(List.of("Task", "State", "Why"), notRun.stream().map(t -> List.of(task(t), t.state().value(), why(t))).toList());
  }

  private void waitingToStart() {
    section(5);
    List<TaskView> pending = tasks(t -> t.state() == TaskState.PENDING);
    table(List.of("Task", "Waits for", "Estimate"), pending.stream().map(t -> List.of(task(t),
        t.waitsFor() == null || t.waitsFor().tasks() == null || t.waitsFor().tasks().isEmpty() ? "nothing (starting)"
            : t.waitsFor().tasks().stream().map(id -> escape(titles.getOrDefault(id, id))).collect(Collectors.joining(", ")),
        duration(t.estimate()))).toList());
  }

  private void gates() {
    section(6);
    long passed = o.gates().stream().filter(g -> g.state() == GateState.PASSED).count();
    if (!o.gates().isEmpty()) {
      line(passed + " of " + o.gates().size() + " passed.");
      line("");
    }
    table(List.of("Gate", "State", "Decided", "Comment"), o.gates().stream().map(g -> List.of(
        escape(g.title()), g.state().value() + (g.state() == GateState.OPEN && g.openedAt() != null
            ? " for " + duration(Duration.between(g.openedAt(), o.asOf())) : ""),
        time(g.decidedAt()), escape(g.comment()))).toList());
  }

  private void estimateVsActual() {
    section(7);
    List<TaskView> done = tasks(t -> t.state() == TaskState.DONE && t.actual() != null);
    Duration estimates = Duration.ZERO;
    Duration actuals = Duration.ZERO;
    List<List<String>> rows = new java.util.ArrayList<>();
    for (TaskView t : done) {
      Duration estimate = t.estimate() == null ? Duration.ZERO : t.estimate();
      estimates = estimates.plus(estimate);
      actuals = actuals.plus(t.actual());
      rows.add(List.of(task(t), duration(t.estimate()), duration(t.actual()), signed(t.actual().minus(estimate))));
    }
    if (!rows.isEmpty()) {
      rows.add(List.of("**Total (" + done.size() + " done)**", duration(estimates), duration(actuals),
          signed(actuals.minus(estimates))));
    }
    table(List.of("Task", "Estimate", "Actual", "Difference"), rows);
  }

  private void criticalPath() {
    section(8);
    SprintOverview.Schedule s = o.schedule();
    line("- Planned (by estimates): " + path(s.planned()));
    line("- Actual (finished as they took, active so far, pending by estimate): " + path(s.actual()));
  }

  private String path(SprintOverview.Path p) {
    if (p.taskIds().isEmpty()) {
      return "none";
    }
    return p.taskIds().stream().map(id -> escape(titles.getOrDefault(id, id))).collect(Collectors.joining(" → "))
        + ", " + duration(p.length());
  }

  private String why(TaskView t) {
    return switch (t.state()) {
      case DEFERRED -> "tier " + escape(t.tier()) + ", not forced";
      case SKIPPED, FAILED -> t.error() == null ? "" : code(t.error().code())
          + (t.error().triageComment() == null ? "" : ": " + escape(t.error().triageComment()));
      default -> "";
    };
  }

  private String counts() {
    StringBuilder s = new StringBuilder();
    int total = o.tasks().size();
    s.append(o.counts().getOrDefault(TaskState.DONE.value(), 0)).append(" of ").append(total).append(" done");
    o.counts().forEach((state, n) -> {
      if (n > 0 && !state.equals(TaskState.DONE.value())) {
        s.append(", ").append(n).append(' ').append(state.replace('_', ' '));
      }
    });
    return s.toString();
  }

  private static String signed(Duration d) {
    return (d.isNegative() ? "" : "+") + duration(d);
  }

  private String task(TaskView t) {
    return escape(t.title()) + (t.critical() ? " ★" : "");
  }

  private List<TaskView> tasks(Predicate<TaskView> filter) {
    return o.tasks().stream().filter(filter).toList();
  }

  private void section(int index) {
    line("");
    line("## " + SECTIONS.get(index) + (index == 0 ? " " + time(since) : ""));
    line("");
  }

  private void table(List<String> header, List<List<String>> rows) {
    if (rows.isEmpty()) {
      line("None.");
      return;
    }
    line("| " + String.join(" | ", header) + " |");
    line("|" + " --- |".repeat(header.size()));
    rows.forEach(r -> line("| " + String.join(" | ", r) + " |"));
  }

  private void line(String s) {
    md.append(s).append('\n');
  }
}
