package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One future task: a priority-table row, a work-item section, or both merged. Dependencies are
 * collected here while the graph is worked out.
 */
final class TaskDraft {
  /** A dependency that names nothing in the plan, kept as written so that validation reports it. */
  record Unresolved(String written, SourceLocation location) {}

  final TableRow row;
  final WorkItem item;
  final String title;
  final SourceLocation location;
  String id;
  final Map<TaskDraft, SourceLocation> dependsOn = new LinkedHashMap<>();
  /** By how they are written, so that one name mentioned twice is reported once. */
  final Map<String, Unresolved> unresolved = new LinkedHashMap<>();

  TaskDraft(TableRow row, WorkItem item) {
    this.row = row;
    this.item = item;
    this.title = row != null ? row.get(TableRow.Column.TITLE) : item.heading().title();
    this.location = row != null ? row.location : item.section.location;
  }

  /** The line where the plan first mentions this task, for the order of tasks. */
  int firstLine() {
    int line = location.line();
    return item == null ? line : Math.min(line, item.section.location.line());
  }

  /** Whether the task waits for nothing, not even for something the plan does not define. */
  boolean waitsForNothing() {
    return dependsOn.isEmpty() && unresolved.isEmpty();
  }

  /** Enclosing groups, nearest first. */
  List<WorkItem> groups() {
    List<WorkItem> groups = new ArrayList<>();
    for (WorkItem g = item == null ? null : item.parent; g != null; g = g.parent) {
      groups.add(g);
    }
    return groups;
  }

  /** A field of the item, else of the nearest group that has one. */
  Optional<Field> inheritedField(FieldKind kind) {
    if (item != null) {
      Optional<Field> own = item.field(kind);
      if (own.isPresent()) {
        return own;
      }
    }
    for (WorkItem g : groups()) {
      Optional<Field> f = g.field(kind);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  boolean isIn(WorkItem group) {
    for (WorkItem g = item; g != null; g = g.parent) {
      if (g == group) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return id != null ? id : title;
  }
}
