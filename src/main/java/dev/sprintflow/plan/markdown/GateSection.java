package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.Criterion;
import java.util.ArrayList;
import java.util.List;

/** A success-criteria section that becomes a gate: its criteria, and which work it waits for. */
record GateSection(Section section, SectionContent content) {

  List<Criterion> criteria() {
    List<Criterion> out = new ArrayList<>();
    content.checklist.forEach(c -> out.add(c.criterion()));
    content.items.forEach(i -> out.add(Criterion.open(i.text())));
    return out;
  }

  /** Explicit "After:"/"Depends On:" fields; without them the gate waits for the end of the plan. */
  List<Field> afterFields() {
    return content.all(FieldKind.DEPENDS_ON);
  }
}
