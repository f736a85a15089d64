package dev.sprintflow.cli;

import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.Estimates;
import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.Score;
import dev.sprintflow.plan.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The plan for people: tasks with their fields, the order they can run in, gates, warnings. */
final class PlanTextRenderer {
  private PlanTextRenderer() {}

  static String render(Plan plan) {
    StringBuilder s = new StringBuilder();
    s.append("Plan ").append(plan.id()).append(": ").append(plan.name()).append('\n');
    if (plan.goal() != null) {
      s.append("Goal: ").append(oneLine(plan.goal())).append('\n');
    }
    s.append("\nTasks (").append(plan.tasks().size()).append("):\n");
    for (Task t : plan.tasks()) {
      s.append("  ").append(t.id()).append("  \"").append(t.title()).append("\"\n");
      List<String> facts = new ArrayList<>();
      facts.add("worker " + t.worker());
      if (t.tier() != null) {
        facts.add("tier " + t.tier());
      }
      if (t.score() != null) {
        Score sc = t.score();
        facts.add("score %d (U%d I%d C%d M%d)".formatted(sc.total(), sc.urgency(), sc.impact(), sc.confidence(), sc.momentum()));
      }
      if (t.estimate() != null) {
        facts.add("estimate " + Estimates.format(t.estimate()));
      }
      facts.add("review " + t.review().value());
      s.append("      ").append(String.join(" | ", facts)).append('\n');
      s.append("      after: ").append(t.dependsOn().isEmpty() ? "-" : String.join(", ", t.dependsOn())).append('\n');
      for (Criterion c : t.acceptance()) {
        s.append("      [").append(c.done() ? 'x' : ' ').append("] ").append(oneLine(c.text())).append('\n');
      }
      if (!t.inputs().isEmpty()) {
        s.append("      inputs: ").append(String.join(", ", t.inputs().keySet())).append('\n');
      }
      s.append("      source: ").append(t.source().file()).append(':').append(t.source().line()).append('\n');
    }
    List<List<String>> waves = waves(plan.tasks());
    s.append("\nOrder (tasks on one line can run in parallel):\n");
    for (int i = 0; i < waves.size(); i++) {
      s.append("  ").append(i + 1).append(". ").append(String.join(", ", waves.get(i))).append('\n');
    }
    if (!plan.gates().isEmpty()) {
      s.append("\nGates (").append(plan.gates().size()).append("):\n");
      for (Gate g : plan.gates()) {
        s.append("  ").append(g.id()).append("  \"").append(g.title()).append("\" after ")
            .append(g.after().isEmpty() ? "-" : String.join(", ", g.after())).append('\n');
        for (Criterion c : g.criteria()) {
          s.append("      [").append(c.done() ? 'x' : ' ').append("] ").append(oneLine(c.text())).append('\n');
        }
      }
    }
    if (!plan.warnings().isEmpty()) {
      s.append("\nWarnings (").append(plan.warnings().size()).append("):\n");
      for (PlanWarning w : plan.warnings()) {
        s.append("  ").append(w.file()).append(':').append(w.line()).append(':').append(w.column())
            .append(": ").append(w.message()).append('\n');
      }
    }
    return s.toString();
  }

  /**
   * Tasks by the length of the longest dependency chain before them (Kahn's algorithm, iterative so
   * that long chains cannot overflow the stack); valid plans have no cycles.
   */
  private static List<List<String>> waves(List<Task> tasks) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      index.putIfAbsent(tasks.get(i).id(), i);
    }
    int[] waiting = new int[tasks.size()];
    List<List<Integer>> dependents = new ArrayList<>();
    tasks.forEach(t -> dependents.add(new ArrayList<>()));
    for (int i = 0; i < tasks.size(); i++) {
      for (String dep : new java.util.LinkedHashSet<>(tasks.get(i).dependsOn())) {
        Integer d = index.get(dep);
        if (d != null && d != i) {
          waiting[i]++;
          dependents.get(d).add(i);
        }
      }
    }
    int[] level = new int[tasks.size()];
    java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
    for (int i = 0; i < tasks.size(); i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    while (!ready.isEmpty()) {
      int i = ready.poll();
      for (int next : dependents.get(i)) {
        level[next] = Math.max(level[next], level[i] + 1);
        if (--waiting[next] == 0) {
          ready.add(next);
        }
      }
    }
    List<List<String>> waves = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      while (waves.size() <= level[i]) {
        waves.add(new ArrayList<>());
      }
      waves.get(level[i]).add(tasks.get(i).id());
    }
    return waves;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
