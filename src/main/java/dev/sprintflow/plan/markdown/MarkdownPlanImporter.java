package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanReader;
import dev.sprintflow.plan.PlanSourceMap;
import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.Score;
import dev.sprintflow.plan.Slugs;
import dev.sprintflow.plan.SourceLocation;
import dev.sprintflow.plan.Task;
import dev.sprintflow.plan.WorkerKeywords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Node;

/**
 * Imports sprint plans written in Markdown: priority tables, work-item sections with their fields,
 * checklists and success criteria (see docs/plans.md for the conventions). Table rows and sections
 * that describe the same work item are merged into one task. Never fails: what it cannot interpret
 * becomes a warning; what is wrong (a reference to a missing item) is left for the validator.
 */
public final class MarkdownPlanImporter implements PlanReader {
  private final WorkerKeywords keywords;
  private final int maxEdges;

  public MarkdownPlanImporter(WorkerKeywords keywords) {
    this(keywords, WorkGraph.DEFAULT_MAX_EDGES);
  }

  MarkdownPlanImporter(WorkerKeywords keywords, int maxEdges) {
    this.keywords = keywords;
    this.maxEdges = maxEdges;
  }

  @Override
  public Outcome read(String fileName, String content) {
    MarkdownSource source = new MarkdownSource(fileName, content);
    List<PlanWarning> warnings = new ArrayList<>();
    List<TableRow> rows = tableRows(source, warnings);
    Set<String> rowTitles = new HashSet<>();
    rows.forEach(r -> rowTitles.add(ReferenceKeys.wordSetKey(r.get(TableRow.Column.TITLE))));
    OutlineReader outline = new OutlineReader(new SectionReader(source), rowTitles, warnings);
    outline.read(Section.outline(source));

    List<TaskDraft> drafts = merge(rows, outline.items);
    assignIds(drafts, warnings);
    WorkGraph graph = new WorkGraph(drafts, outline.items, warnings, maxEdges);
    graph.build();

    PlanSourceMap.Builder sources = PlanSourceMap.builder(fileName);
    TaskFields fields = new TaskFields(keywords, warnings);
    List<Task> tasks = new ArrayList<>();
    for (TaskDraft d : drafts) {
      tasks.add(task(d, "/tasks/" + tasks.size(), fields, sources));
    }
    Set<String> usedIds = new HashSet<>();
    drafts.forEach(d -> usedIds.add(d.id));
    List<Gate> gates = new ArrayList<>();
    for (GateSection g : outline.gates) {
      gates.add(gate(g, "/gates/" + gates.size(), graph, usedIds, sources));
    }
    String stem = Slugs.fileStem(fileName);
    String name = outline.name != null ? outline.name : stem != null ? stem : "Plan";
    String goal = outline.goalField != null ? outline.goalField.text() : outline.goalText;
    List<PlanWarning> distinct = new ArrayList<>(new LinkedHashSet<>(warnings));
    distinct.sort(Comparator.comparingInt(PlanWarning::line).thenComparingInt(PlanWarning::column));
    Plan plan = new Plan(Slugs.of(stem, Slugs.of(name, "plan")), name, goal == null || goal.isBlank() ? null : goal,
        tasks, gates, distinct);
    return new Outcome(plan, sources.build(), List.of());
  }

  private static List<TableRow> tableRows(MarkdownSource source, List<PlanWarning> warnings) {
    PriorityTableReader reader = new PriorityTableReader(source);
    List<TableRow> rows = new ArrayList<>();
    for (Node n = source.document().getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableBlock table) {
        rows.addAll(reader.read(table, warnings));
      }
    }
    return rows;
  }

  /** One draft per table row, joined with its section (by worker id or code, else by title); then sections without a row. */
  private static List<TaskDraft> merge(List<TableRow> rows, List<WorkItem> items) {
    Map<String, WorkItem> byKey = new HashMap<>();
    Map<String, WorkItem> byWords = new HashMap<>();
    for (WorkItem item : items) {
      if (!item.isGroup()) {
        item.heading().keys().forEach(k -> byKey.putIfAbsent(k, item));
        byWords.putIfAbsent(ReferenceKeys.wordSetKey(item.heading().title()), item);
      }
    }
    List<TaskDraft> drafts = new ArrayList<>();
    Set<WorkItem> matched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (TableRow row : rows) {
      WorkItem item = References.rowKey(row).map(byKey::get)
          .orElseGet(() -> byWords.get(ReferenceKeys.wordSetKey(row.get(TableRow.Column.TITLE))));
      drafts.add(new TaskDraft(row, item));
      if (item != null) {
        matched.add(item);
      }
    }
    for (WorkItem item : items) {
      if (!item.isGroup() && !matched.contains(item)) {
        drafts.add(new TaskDraft(null, item));
      }
    }
    drafts.sort(Comparator.comparingInt(TaskDraft::firstLine)); // stable: rows keep their order
    return drafts;
  }

  private static void assignIds(List<TaskDraft> drafts, List<PlanWarning> warnings) {
    Map<String, Integer> used = new HashMap<>();
    int n = 0;
    for (TaskDraft d : drafts) {
      n++;
      String explicit = d.item == null ? null : d.item.field(FieldKind.ID).map(Field::value).orElse(null);
      String base = explicit != null ? Slugs.of(explicit, "task-" + n) : Slugs.of(d.title, "task-" + n);
      d.id = unique(base, used);
      if (!d.id.equals(base)) {
        warnings.add(PlanWarning.at(d.location,
            "Another work item already has the id '%s'; this one is '%s'.".formatted(base, d.id)));
      }
    }
  }

  private static String unique(String base, Map<String, Integer> used) {
    Integer count = used.get(base);
    String id = base;
    if (count != null) {
      int k = count;
      do {
        id = base + "-" + ++k;
      } while (used.containsKey(id));
      used.put(base, k);
    }
    used.putIfAbsent(id, 1);
    return id;
  }

  private Task task(TaskDraft d, String at, TaskFields fields, PlanSourceMap.Builder sources) {
    sources.put(at, d.location).put(at + "/id", d.location);
    TaskFields.At<Score> score = fields.score(d);
    if (score != null) {
      for (String part : List.of("urgency", "impact", "confidence", "momentum")) {
        sources.put(at + "/score/" + part, score.location());
      }
    }
    TaskFields.At<Duration> estimate = fields.estimate(d);
    if (estimate != null) {
      sources.put(at + "/estimate", estimate.location());
    }
    List<String> dependsOn = new ArrayList<>();
    List<Map.Entry<TaskDraft, SourceLocation>> edges = new ArrayList<>(d.dependsOn.entrySet());
    edges.sort(Comparator.comparingInt(e -> e.getKey().firstLine()));
    for (Map.Entry<TaskDraft, SourceLocation> e : edges) {
      sources.put(at + "/dependsOn/" + dependsOn.size(), e.getValue());
      dependsOn.add(e.getKey().id);
    }
    for (TaskDraft.Unresolved u : d.unresolved.values()) {
      sources.put(at + "/dependsOn/" + dependsOn.size(), u.location());
      dependsOn.add(u.written());
    }
    String description = d.item == null ? null
        : d.item.field(FieldKind.DESCRIPTION).map(Field::text).orElse(d.item.content.rest);
    String worker = fields.worker(d, description);
    return new Task(d.id, d.title, worker, score == null ? null : score.value(), fields.tier(d),
        estimate == null ? null : estimate.value(), dependsOn, d.item == null ? List.of() : d.item.acceptance(),
        fields.review(d), fields.inputs(d, worker), d.location.ref());
  }

  private static Gate gate(GateSection g, String at, WorkGraph graph, Set<String> usedIds, PlanSourceMap.Builder sources) {
    String base = Slugs.of(g.section().heading.title(), "gate");
    String id = base;
    for (int k = 2; usedIds.contains(id); k++) {
      id = base + "-" + k;
    }
    usedIds.add(id);
    sources.put(at, g.section().location).put(at + "/id", g.section().location);
    Set<String> after = new LinkedHashSet<>();
    List<Field> fields = g.afterFields();
    if (fields.isEmpty()) {
      graph.ends().forEach(d -> after.add(d.id));
    } else {
      for (WorkGraph.Target t : graph.gateTargets(fields, g.section().title)) {
        for (Object o : graph.expand(t)) {
          String ref = o instanceof TaskDraft d ? d.id : ((TaskDraft.Unresolved) o).written();
          if (after.add(ref)) {
            sources.put(at + "/after/" + (after.size() - 1), t.at());
          }
        }
      }
    }
    return new Gate(id, g.section().title, g.criteria(), List.copyOf(after), g.section().location.ref());
  }
}
