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
import java.util.Objects;

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

  /** Tasks by the length of the longest dependency chain before them; valid plans have no cycles. */
  private static List<List<String>> waves(List<Task> tasks) {
    Map<String, Task> byId = new HashMap<>();
    tasks.forEach(t -> byId.putIfAbsent(t.id(), t));
    Map<String, Integer> level = new HashMap<>();
    List<List<String>> waves = new ArrayList<>();
    for (Task t : tasks) {
      int l = level(t, byId, level, 0);
      while (waves.size() <= l) {
        waves.add(new ArrayList<>());
      }
      waves.get(l).add(t.id());
    }
    return waves;
  }

  private static int level(Task t, Map<String, Task> byId, Map<String, Integer> memo, int depth) {
    Integer known = memo.get(t.id());
    if (known != null) {
      return known;
    }
    int l = 0;
    if (depth < tasksLimit(byId)) {
      for (String dep : t.dependsOn()) {
        Task d = byId.get(dep);
        if (d != null && !Objects.equals(d.id(), t.id())) {
          l = Math.max(l, level(d, byId, memo, depth + 1) + 1);
        }
      }
    }
    memo.put(t.id(), l);
    return l;
  }

  private static int tasksLimit(Map<String, Task> byId) {
    return byId.size() + 1;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
