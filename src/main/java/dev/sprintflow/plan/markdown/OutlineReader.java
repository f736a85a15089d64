package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks the outline and decides what each section is: plan header, work item (task or group),
 * a labelled part of a work item, a success-criteria gate, or narrative to skip.
 */
final class OutlineReader {
  private final SectionReader reader;
  private final Set<String> tableTitles;
  final List<WorkItem> items = new ArrayList<>();
  final List<GateSection> gates = new ArrayList<>();
  final List<PlanWarning> warnings;
  String name;
  Field goalField;
  String goalText;
  private Section planHeading;

  /**
   * @param tableTitles word-set keys of the priority tables' titles: a heading with such a title is the
   *     section of that row, whatever its form
   */
  OutlineReader(SectionReader reader, Set<String> tableTitles, List<PlanWarning> warnings) {
    this.reader = reader;
    this.tableTitles = tableTitles;
    this.warnings = warnings;
  }

  void read(Section root) {
    planHeading = root.children.stream().filter(s -> s.level == 1).findFirst().orElse(null);
    if (planHeading != null) {
      name = planHeading.title;
    }
    visit(root, null, false, false);
  }

  private void visit(Section s, WorkItem parentItem, boolean underGate, boolean underContainer) {
    SectionContent content = reader.read(s.blocks);
    if (s.level == 0 || s == planHeading) {
      content.first(FieldKind.GOAL).ifPresent(g -> goalField = goalField == null ? g : goalField);
      warnStrayChecklist(s, content);
      s.children.forEach(c -> visit(c, null, false, false));
      return;
    }
    if (parentItem == null && (underGate || s.isSuccessCriteria())) {
      GateSection gate = new GateSection(s, content);
      if (!gate.criteria().isEmpty()) {
        gates.add(gate);
      }
      s.children.forEach(c -> visit(c, null, true, false));
      return;
    }
    if (isWorkItem(s, content, parentItem != null, underContainer)) {
      WorkItem item = new WorkItem(s, parentItem, content);
      items.add(item);
      if (parentItem != null) {
        parentItem.children.add(item);
      }
      s.children.forEach(c -> visit(c, item, false, s.isContainer()));
      return;
    }
    if (parentItem != null) {
      parentItem.subContents.add(content);
      parentItem.headingFields.add(headingField(s, content));
      s.children.forEach(c -> visit(c, parentItem, false, s.isContainer()));
      return;
    }
    if (goalText == null && s.isGoalSection() && !content.paragraphs.isEmpty()) {
      goalText = content.paragraphs.get(0);
    }
    warnStrayChecklist(s, content);
    s.children.forEach(c -> visit(c, null, false, s.isContainer()));
  }

  private boolean isWorkItem(Section s, SectionContent content, boolean inWorkItem, boolean underContainer) {
    HeadingInfo h = s.heading;
    if (h.isWorkItemForm() || content.hasWorkFields()) {
      return true;
    }
    if (!tableTitles.isEmpty() && tableTitles.contains(ReferenceKeys.wordSetKey(h.title()))) {
      return true;
    }
    if (h.kind() == HeadingInfo.Kind.NUMBERED) {
      return inWorkItem || underContainer || h.keys().get(0).contains(".") || !content.checklist.isEmpty();
    }
    return underContainer;
  }

  /** A sub-heading inside a work item names a field: "### Critical Files" lists files. */
  private static Field headingField(Section s, SectionContent content) {
    String label = s.heading.title();
    String value = content.items.isEmpty() ? content.rest : String.join("\n", content.paragraphs);
    Field f = new Field(FieldKind.of(label), label, value, s.location);
    content.items.forEach(i -> f.addItem(i.text(), i.location()));
    return f;
  }

  private void warnStrayChecklist(Section s, SectionContent content) {
    if (!content.checklist.isEmpty()) {
      SourceLocation at = content.checklist.get(0).location();
      warnings.add(PlanWarning.at(at, ("%d checklist item(s) under '%s' belong to no task or success-criteria"
          + " section; they are ignored.").formatted(content.checklist.size(), s.level == 0 ? "the plan" : s.title)));
    }
  }
}
