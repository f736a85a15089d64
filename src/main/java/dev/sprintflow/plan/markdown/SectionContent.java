package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a section's own blocks (up to its first sub-heading) hold, sorted by meaning. */
final class SectionContent {
  /** A checklist item and where it is. */
  record Check(Criterion criterion, SourceLocation location) {}

  /** A plain list item that belongs to no field, and where it is. */
  record Item(String text, SourceLocation location) {}

  final List<Field> fields = new ArrayList<>();
  final List<Check> checklist = new ArrayList<>();
  final List<Item> items = new ArrayList<>();
  /** Paragraph text that is not a field, in order. */
  final List<String> paragraphs = new ArrayList<>();
  /** The Markdown of everything not taken as a field or checklist (a work item's description). */
  String rest = "";

  boolean hasWorkFields() {
    return fields.stream().anyMatch(f -> f.kind.marksWorkItem);
  }

  Optional<Field> first(FieldKind kind) {
    for (Field f : fields) {
      if (f.kind == kind) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  List<Field> all(FieldKind kind) {
    List<Field> out = new ArrayList<>(2);
    addAll(kind, out);
    return out;
  }

  void addAll(FieldKind kind, List<Field> out) {
    for (Field f : fields) {
      if (f.kind == kind) {
        out.add(f);
      }
    }
  }
}
