package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.markdown.TableRow.Column;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * Reads priority tables: tables whose header has a task column ("Task", "Title", ...) and at least
 * one planning column (Score, U/I/C/M, Tier, Worker, Est. Time, Depends On, ...), in any order.
 * Other tables (status overviews, risk lists) are left alone.
 */
final class PriorityTableReader {
  private static final Map<String, Column> HEADERS = new HashMap<>();

  static {
    for (String h : List.of("task", "tasks", "title", "name", "workitem", "item", "story", "deliverable")) {
      HEADERS.put(h, Column.TITLE);
    }
    for (String h : List.of("id", "code", "key", "ref", "no", "nr")) {
      HEADERS.put(h, Column.CODE);
    }
    HEADERS.put("score", Column.SCORE);
    HEADERS.put("total", Column.SCORE);
    HEADERS.put("uicm", Column.SCORE_PARTS);
    HEADERS.put("scores", Column.SCORE_PARTS);
    HEADERS.put("urgency", Column.URGENCY);
    HEADERS.put("impact", Column.IMPACT);
    HEADERS.put("confidence", Column.CONFIDENCE);
    HEADERS.put("momentum", Column.MOMENTUM);
    HEADERS.put("tier", Column.TIER);
    HEADERS.put("priority", Column.TIER);
    for (String h : List.of("worker", "owner", "assignee", "who", "agent")) {
      HEADERS.put(h, Column.WORKER);
    }
    for (String h : List.of("workerkind", "kind", "jobtype", "workertype")) {
      HEADERS.put(h, Column.KIND);
    }
    for (String h : List.of("esttime", "estimate", "est", "duration", "time", "effort", "estimatedtime")) {
      HEADERS.put(h, Column.ESTIMATE);
    }
    for (String h : List.of("dependson", "dependencies", "depends", "after", "blockedby", "deps")) {
      HEADERS.put(h, Column.DEPENDS_ON);
    }
    HEADERS.put("review", Column.REVIEW);
  }

  private final MarkdownSource source;

  PriorityTableReader(MarkdownSource source) {
    this.source = source;
  }

  /** The rows of the table, or none when it is not a priority table. */
  List<TableRow> read(TableBlock table, List<PlanWarning> warnings) {
    List<Column> columns = header(table);
    Set<Column> present = EnumSet.noneOf(Column.class);
    columns.forEach(c -> {
      if (c != null) {
        present.add(c);
      }
    });
    if (!present.contains(Column.TITLE) || present.size() < 2) {
      return List.of();
    }
    List<TableRow> rows = new ArrayList<>();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (!(part instanceof TableBody)) {
        continue;
      }
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        TableRow r = new TableRow(source.locate(row));
        int i = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), i++) {
          Column column = i < columns.size() ? columns.get(i) : null;
          if (column != null && !r.cells.containsKey(column)) {
            r.cells.put(column, InlineText.clean(InlineText.of(cell)));
            r.cellLocations.put(column, source.locate(cell.getFirstChild() != null ? cell.getFirstChild() : cell));
          }
        }
        if (r.get(Column.TITLE) == null) {
          if (r.cells.values().stream().anyMatch(v -> !v.isBlank())) {
            warnings.add(PlanWarning.at(r.location, "This table row has no task title; it is ignored."));
          }
          continue;
        }
        rows.add(r);
      }
    }
    return rows;
  }

  private static List<Column> header(TableBlock table) {
    List<Column> columns = new ArrayList<>();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      if (part instanceof TableHead) {
        Node row = part.getFirstChild();
        for (Node cell = row == null ? null : row.getFirstChild(); cell != null; cell = cell.getNext()) {
          columns.add(HEADERS.get(FieldKind.normalise(InlineText.of(cell))));
        }
      }
    }
    return columns;
  }
}
