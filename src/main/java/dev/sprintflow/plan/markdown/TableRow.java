package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.SourceLocation;
import java.util.EnumMap;
import java.util.Map;

/** One row of a priority table: cell texts by column meaning, with where each cell is. */
final class TableRow {
  enum Column { TITLE, CODE, SCORE, SCORE_PARTS, URGENCY, IMPACT, CONFIDENCE, MOMENTUM, TIER, WORKER, KIND,
    ESTIMATE, DEPENDS_ON, REVIEW }

  final SourceLocation location;
  final Map<Column, String> cells = new EnumMap<>(Column.class);
  final Map<Column, SourceLocation> cellLocations = new EnumMap<>(Column.class);

  TableRow(SourceLocation location) {
    this.location = location;
  }

  String get(Column column) {
    String text = cells.get(column);
    return text == null || text.isBlank() ? null : text;
  }

  SourceLocation at(Column column) {
    return cellLocations.getOrDefault(column, location);
  }
}
