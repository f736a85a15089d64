package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.SourceLocation;
import dev.sprintflow.plan.markdown.ReferenceKeys.Everything;
import dev.sprintflow.plan.markdown.ReferenceKeys.Key;
import dev.sprintflow.plan.markdown.ReferenceKeys.Ref;
import dev.sprintflow.plan.markdown.TaskDraft.Unresolved;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Works out who waits for whom: resolves the plan's dependency fields, then applies the conventions
 * a reader applies. A reference to a group (a phase) means its last tasks; a group's dependencies
 * hold for its first tasks; "Blocking: X" makes X wait; "Blocking: Everything else" makes every task
 * that waits for nothing wait; a closing task ("Final Verification") that the plan does not place
 * comes after everything.
 */
final class WorkGraph {
  /** Marks "everything else" in a dependency field. */
  private static final Object ALL = new Object();
  private static final Pattern CLOSING = Pattern.compile(
      "(?i)^(?:final|wrap[- ]?up|sign[- ]?off|go[- ]?live|deploy(?:ment)?|release|launch|ship)\\b.*");

  /**
   * Conventions can imply many edges ("after Phase 1" from every task of a large phase); past this
   * many, a pathological plan gets a warning instead of an unbounded graph.
   */
  static final int DEFAULT_MAX_EDGES = 1_000_000;

  /** What a reference resolved to (a task, a group, ALL or an unresolved id) and where it was written. */
  record Target(Object target, SourceLocation at) {}

  private final List<TaskDraft> drafts;
  private final List<WorkItem> groups;
  private final List<PlanWarning> warnings;
  private final References references;
  private final Map<WorkItem, List<TaskDraft>> members = new IdentityHashMap<>();
  // A group's last tasks, cached within one pass; each pass adds edges that may change them.
  private final Map<WorkItem, List<TaskDraft>> sinksCache = new IdentityHashMap<>();
  private final int maxEdges;
  private int edges;
  private boolean edgeLimitReported;

  WorkGraph(List<TaskDraft> drafts, List<WorkItem> items, List<PlanWarning> warnings, int maxEdges) {
    this.drafts = drafts;
    this.maxEdges = maxEdges;
    this.groups = items.stream().filter(WorkItem::isGroup).toList();
    this.warnings = warnings;
    this.references = new References(drafts, groups);
    for (TaskDraft d : drafts) {
      d.groups().forEach(g -> members.computeIfAbsent(g, k -> new ArrayList<>()).add(d));
    }
  }

  void build() {
    Map<TaskDraft, List<Target>> own = new LinkedHashMap<>(); // drafts keep identity equality; order is the plan's
    for (TaskDraft d : drafts) {
      List<Field> fields = new ArrayList<>(d.item == null ? List.of() : d.item.fields(FieldKind.DEPENDS_ON));
      List<Target> targets = resolve(fields, d.title, "depends on");
      if (d.row != null && d.row.get(TableRow.Column.DEPENDS_ON) != null) {
        Field cell = new Field(FieldKind.DEPENDS_ON, "Depends On", d.row.get(TableRow.Column.DEPENDS_ON),
            d.row.at(TableRow.Column.DEPENDS_ON));
        targets.addAll(resolve(List.of(cell), d.title, "depends on"));
      }
      own.put(d, targets);
    }
    // Edges to tasks first: which tasks of a group come last depends on them.
    own.forEach((d, targets) -> targets.stream().filter(t -> !(t.target() instanceof WorkItem)).forEach(t -> addEdge(d, t)));
    sinksCache.clear();
    own.forEach((d, targets) -> targets.stream().filter(t -> t.target() instanceof WorkItem).forEach(t -> addEdge(d, t)));
    List<WorkItem> deepestFirst = new ArrayList<>(groups);
    deepestFirst.sort(Comparator.comparingInt(WorkGraph::depth).reversed());
    for (WorkItem g : deepestFirst) {
      sinksCache.clear();
      List<Target> targets = resolve(g.fields(FieldKind.DEPENDS_ON), g.heading().title(), "depends on");
      for (TaskDraft root : roots(g)) {
        targets.forEach(t -> addEdge(root, t));
      }
    }
    sinksCache.clear();
    List<TaskDraft> closers = placeClosingTasks(own);
    applyBlocking();
    closers.forEach(WorkGraph::dropImpliedEdges);
  }

  private void link(TaskDraft from, TaskDraft to, SourceLocation at) {
    if (from.dependsOn.containsKey(to)) {
      return;
    }
    if (edges >= maxEdges) {
      if (!edgeLimitReported) {
        edgeLimitReported = true;
        warnings.add(PlanWarning.at(at, ("The plan implies more than %d dependencies; the rest, from here on,"
            + " are ignored.").formatted(maxEdges)));
      }
      return;
    }
    from.dependsOn.put(to, at);
    edges++;
  }

  /**
   * A closing task waits for what the others end with; once "Blocking:" edges exist, some of those
   * ends may already be waited for through another one. Such redundant edges are dropped.
   */
  private static void dropImpliedEdges(TaskDraft closer) {
    List<TaskDraft> direct = new ArrayList<>(closer.dependsOn.keySet());
    Set<TaskDraft> implied = new HashSet<>(); // reachable from a direct dependency in one step or more
    ArrayDeque<TaskDraft> todo = new ArrayDeque<>();
    direct.forEach(d -> todo.addAll(d.dependsOn.keySet()));
    while (!todo.isEmpty()) {
      TaskDraft next = todo.pop();
      if (next != closer && implied.add(next)) {
        todo.addAll(next.dependsOn.keySet());
      }
    }
    direct.stream().filter(implied::contains).forEach(closer.dependsOn::remove);
  }

  private void addEdge(TaskDraft from, Target t) {
    if (t.target() instanceof TaskDraft to) {
      link(from, to, t.at());
    } else if (t.target() instanceof WorkItem group) {
      sinksCache.computeIfAbsent(group, this::sinks).forEach(s -> link(from, s, t.at()));
    } else if (t.target() instanceof Unresolved u) {
      from.unresolved.putIfAbsent(u.written(), u);
    }
  }

  /** Tasks nobody else waits for, that wait for nothing, and "Depends On: everything" tasks go last. */
  private List<TaskDraft> placeClosingTasks(Map<TaskDraft, List<Target>> own) {
    Set<TaskDraft> dependedOn = dependedOn();
    List<TaskDraft> closers = new ArrayList<>();
    for (TaskDraft d : drafts) {
      boolean asksForAll = own.get(d).stream().anyMatch(t -> t.target() == ALL);
      boolean closingTitle = CLOSING.matcher(d.title).matches() && d.waitsForNothing() && !dependedOn.contains(d);
      if (asksForAll || closingTitle) {
        closers.add(d);
      }
    }
    if (closers.isEmpty()) {
      return closers;
    }
    Set<TaskDraft> closing = new HashSet<>(closers);
    Set<TaskDraft> waitedFor = new HashSet<>();
    drafts.stream().filter(d -> !closing.contains(d)).forEach(d -> waitedFor.addAll(d.dependsOn.keySet()));
    List<TaskDraft> ends = drafts.stream().filter(d -> !closing.contains(d) && !waitedFor.contains(d)).toList();
    for (TaskDraft closer : closers) {
      SourceLocation at = own.get(closer).stream().filter(t -> t.target() == ALL).map(Target::at)
          .findFirst().orElse(closer.location);
      ends.forEach(e -> link(closer, e, at));
    }
    return closers;
  }

  private void applyBlocking() {
    // Tasks that wait for nothing, kept up to date: "Blocking: Everything else" applies to them.
    Set<TaskDraft> roots = new LinkedHashSet<>();
    drafts.stream().filter(TaskDraft::waitsForNothing).forEach(roots::add);
    List<Object> blockers = new ArrayList<>(drafts);
    blockers.addAll(groups);
    for (Object blocker : blockers) {
      WorkItem item = blocker instanceof TaskDraft d ? d.item : (WorkItem) blocker;
      if (item == null) {
        continue;
      }
      String name = blocker instanceof TaskDraft d ? d.title : item.heading().title();
      List<TaskDraft> blocking = blocker instanceof TaskDraft d ? List.of(d) : sinks(item);
      for (Target t : resolve(item.fields(FieldKind.BLOCKING), name, "blocks")) {
        List<TaskDraft> waiting = new ArrayList<>();
        if (t.target() instanceof TaskDraft d) {
          waiting.add(d);
        } else if (t.target() instanceof WorkItem g) {
          waiting.addAll(roots(g));
        } else if (t.target() == ALL) {
          Set<TaskDraft> blockingSet = new HashSet<>(blocking);
          roots.stream()
              .filter(d -> !blockingSet.contains(d) && !(blocker instanceof WorkItem g && d.isIn(g)))
              .forEach(waiting::add);
        } else if (t.target() instanceof Unresolved u) {
          warnings.add(PlanWarning.at(u.location(),
              "'%s' blocks '%s', which names no work item in this plan; it is ignored.".formatted(name, u.written())));
        }
        for (TaskDraft w : waiting) {
          blocking.stream().filter(b -> b != w).forEach(b -> link(w, b, t.at()));
          if (!w.waitsForNothing()) {
            roots.remove(w);
          }
        }
      }
    }
  }

  private List<Target> resolve(List<Field> fields, String owner, String verb) {
    List<Target> targets = new ArrayList<>();
    for (Field f : fields) {
      if (ReferenceKeys.isNone(f.text())) {
        continue;
      }
      for (Field.Located part : f.parts()) {
        for (String piece : ReferenceKeys.pieces(part.text())) {
          resolvePiece(piece, part.location(), owner, verb, targets);
        }
      }
    }
    return targets;
  }

  private void resolvePiece(String piece, SourceLocation at, String owner, String verb, List<Target> out) {
    Ref ref = ReferenceKeys.classify(piece);
    if (ref instanceof Everything) {
      out.add(new Target(ALL, at));
      return;
    }
    List<Object> found = references.find(piece, ref);
    if (!found.isEmpty()) {
      found.forEach(f -> out.add(new Target(f, at)));
    } else if (ref instanceof Key key && key.strong()) {
      out.add(new Target(new Unresolved(key.written(), at), at));
    } else {
      warnings.add(PlanWarning.at(at, "'%s' %s '%s', which names no work item in this plan; it is ignored."
          .formatted(owner, verb, piece)));
    }
  }

  /** The group's tasks that no other task of the group waits for: what "after Phase 2" waits for. */
  private List<TaskDraft> sinks(WorkItem group) {
    List<TaskDraft> all = members.getOrDefault(group, List.of());
    Set<TaskDraft> inside = new HashSet<>(all);
    Set<TaskDraft> waitedFor = new HashSet<>();
    for (TaskDraft d : all) {
      d.dependsOn.keySet().stream().filter(x -> x != d && inside.contains(x)).forEach(waitedFor::add);
    }
    List<TaskDraft> sinks = all.stream().filter(d -> !waitedFor.contains(d)).toList();
    return sinks.isEmpty() ? all : sinks;
  }

  /** The group's tasks that wait for no other task of the group: where the group's own dependencies apply. */
  private List<TaskDraft> roots(WorkItem group) {
    List<TaskDraft> all = members.getOrDefault(group, List.of());
    Set<TaskDraft> inside = new HashSet<>(all);
    List<TaskDraft> roots = all.stream()
        .filter(d -> d.dependsOn.keySet().stream().noneMatch(x -> x != d && inside.contains(x)))
        .toList();
    return roots.isEmpty() ? all : roots;
  }

  private Set<TaskDraft> dependedOn() {
    Set<TaskDraft> out = new HashSet<>();
    drafts.forEach(d -> out.addAll(d.dependsOn.keySet()));
    return out;
  }

  private static int depth(WorkItem item) {
    int depth = 0;
    for (WorkItem p = item.parent; p != null; p = p.parent) {
      depth++;
    }
    return depth;
  }

  /** Final sinks of the whole plan: what a gate without explicit "After:" waits for. */
  List<TaskDraft> ends() {
    Set<TaskDraft> waited = dependedOn();
    return drafts.stream().filter(d -> !waited.contains(d)).toList();
  }

  /** Resolves a gate's "After:" fields to tasks (groups to their last tasks). */
  List<Target> gateTargets(List<Field> fields, String gateTitle) {
    return resolve(fields, gateTitle, "comes after");
  }

  /** The tasks a resolved gate target stands for; unresolved ones become the written text. */
  List<Object> expand(Target t) {
    if (t.target() instanceof TaskDraft d) {
      return List.of(d);
    }
    if (t.target() instanceof WorkItem g) {
      return List.copyOf(sinks(g));
    }
    if (t.target() == ALL) {
      return List.copyOf(ends());
    }
    return List.of(t.target());
  }
}
