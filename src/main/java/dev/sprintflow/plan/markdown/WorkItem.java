package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A section that describes work: a task, or a group (a phase whose sub-sections are the tasks).
 * Holds its own content and that of sub-sections that only label parts of it ("### Tasks",
 * "### Critical Files"), which count as fields named by their heading.
 */
final class WorkItem {
  final Section section;
  final WorkItem parent;
  final SectionContent content;
  final List<Field> headingFields = new ArrayList<>();
  final List<SectionContent> subContents = new ArrayList<>();
  final List<WorkItem> children = new ArrayList<>();

  WorkItem(Section section, WorkItem parent, SectionContent content) {
    this.section = section;
    this.parent = parent;
    this.content = content;
  }

  boolean isGroup() {
    return !children.isEmpty();
  }

  HeadingInfo heading() {
    return section.heading;
  }

  /** Fields of this item: its own, those of label sub-sections, and the sub-sections as fields. */
  List<Field> fields(FieldKind kind) {
    List<Field> out = new ArrayList<>(2);
    content.addAll(kind, out);
    for (SectionContent c : subContents) {
      c.addAll(kind, out);
    }
    for (Field f : headingFields) {
      if (f.kind == kind) {
        out.add(f);
      }
    }
    return out;
  }

  Optional<Field> field(FieldKind kind) {
    List<Field> all = fields(kind);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  List<Field> allFields() {
    List<Field> out = new ArrayList<>(content.fields);
    subContents.forEach(c -> out.addAll(c.fields));
    out.addAll(headingFields);
    return out;
  }

  /** Checklist items anywhere in the item, and the items listed under an acceptance label. */
  List<Criterion> acceptance() {
    List<Criterion> out = new ArrayList<>();
    content.checklist.forEach(c -> out.add(c.criterion()));
    subContents.forEach(c -> c.checklist.forEach(ch -> out.add(ch.criterion())));
    for (Field f : fields(FieldKind.ACCEPTANCE)) {
      if (!f.value().isEmpty() && f.items.isEmpty()) {
        out.add(Criterion.open(f.value()));
      }
      f.items.forEach(i -> out.add(Criterion.open(i)));
    }
    return out;
  }
}
