package dev.sprintflow.plan.markdown;

import java.util.Locale;
import java.util.Map;

/** What a labelled field of a work item means ("**Depends On:** W1", "- Duration: 2 days", "### Files"). */
enum FieldKind {
  DESCRIPTION(true),
  DEPENDS_ON(true),
  BLOCKING(true),
  ACCEPTANCE(true),
  HANDOFF(true),
  ESTIMATE(true),
  WORKER_KIND(true),
  FILES(false),
  STEPS(false),
  REVIEW(false),
  SCORE(false),
  SCORE_PARTS(false),
  TIER(false),
  ID(false),
  GOAL(false),
  OTHER(false);

  private static final Map<String, FieldKind> LABELS = Map.ofEntries(
      Map.entry("task", DESCRIPTION), Map.entry("description", DESCRIPTION), Map.entry("summary", DESCRIPTION),
      Map.entry("scope", DESCRIPTION), Map.entry("what", DESCRIPTION),
      Map.entry("dependson", DEPENDS_ON), Map.entry("dependencies", DEPENDS_ON), Map.entry("dependency", DEPENDS_ON),
      Map.entry("depends", DEPENDS_ON), Map.entry("startsafter", DEPENDS_ON), Map.entry("startafter", DEPENDS_ON),
      Map.entry("after", DEPENDS_ON), Map.entry("requires", DEPENDS_ON), Map.entry("blockedby", DEPENDS_ON),
      Map.entry("blockers", DEPENDS_ON), Map.entry("prerequisites", DEPENDS_ON), Map.entry("prereqs", DEPENDS_ON),
      Map.entry("waitsfor", DEPENDS_ON), Map.entry("needs", DEPENDS_ON),
      Map.entry("blocking", BLOCKING), Map.entry("blocks", BLOCKING), Map.entry("unblocks", BLOCKING),
      Map.entry("acceptancecriteria", ACCEPTANCE), Map.entry("acceptance", ACCEPTANCE),
      Map.entry("donewhen", ACCEPTANCE), Map.entry("definitionofdone", ACCEPTANCE),
      Map.entry("successcriteria", ACCEPTANCE), Map.entry("exitcriteria", ACCEPTANCE),
      Map.entry("handoff", HANDOFF), Map.entry("deliverable", HANDOFF), Map.entry("deliverables", HANDOFF),
      Map.entry("output", HANDOFF), Map.entry("outputs", HANDOFF),
      Map.entry("duration", ESTIMATE), Map.entry("estimate", ESTIMATE), Map.entry("est", ESTIMATE),
      Map.entry("esttime", ESTIMATE), Map.entry("estimatedtime", ESTIMATE), Map.entry("effort", ESTIMATE),
      Map.entry("timebox", ESTIMATE), Map.entry("time", ESTIMATE),
      Map.entry("workerkind", WORKER_KIND), Map.entry("kind", WORKER_KIND), Map.entry("workertype", WORKER_KIND),
      Map.entry("jobtype", WORKER_KIND),
      Map.entry("review", REVIEW),
      Map.entry("score", SCORE), Map.entry("total", SCORE),
      Map.entry("uicm", SCORE_PARTS), Map.entry("scores", SCORE_PARTS),
      Map.entry("tier", TIER), Map.entry("priority", TIER),
      Map.entry("tasks", STEPS), Map.entry("steps", STEPS), Map.entry("subtasks", STEPS),
      Map.entry("id", ID),
      Map.entry("goal", GOAL), Map.entry("goals", GOAL), Map.entry("objective", GOAL));

  /** Whether a field of this kind marks a section as a work item even when its heading does not. */
  final boolean marksWorkItem;

  FieldKind(boolean marksWorkItem) {
    this.marksWorkItem = marksWorkItem;
  }

  /** The kind of a label as written ("Depends On", "Est. Time", "Files to Port"); OTHER when unknown. */
  static FieldKind of(String label) {
    String key = normalise(label);
    FieldKind kind = LABELS.get(key);
    if (kind != null) {
      return kind;
    }
    if (key.startsWith("files") || key.endsWith("files")) {
      return FILES;
    }
    return OTHER;
  }

  /** Letters and digits only, lower case: "Est. Time" -> "esttime", "U/I/C/M" -> "uicm". */
  static String normalise(String label) {
    StringBuilder out = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
