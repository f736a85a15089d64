package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/** A heading with the blocks under it (up to the next heading) and its sub-sections: the plan's outline. */
final class Section {
  final int level;
  final String title;
  final HeadingInfo heading;
  final SourceLocation location;
  final Section parent;
  final List<Node> blocks = new ArrayList<>();
  final List<Section> children = new ArrayList<>();

  private Section(int level, String title, SourceLocation location, Section parent) {
    this.level = level;
    this.title = title;
    this.heading = HeadingInfo.parse(title);
    this.location = location;
    this.parent = parent;
  }

  /** The outline of a document; the root (level 0) holds what comes before the first heading. */
  static Section outline(MarkdownSource source) {
    Section root = new Section(0, "", source.start(), null);
    Deque<Section> open = new ArrayDeque<>();
    open.push(root);
    for (Node n = source.document().getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        while (open.peek().level >= h.getLevel()) {
          open.pop();
        }
        Section s = new Section(h.getLevel(), InlineText.clean(InlineText.of(h)), source.locate(h), open.peek());
        open.peek().children.add(s);
        open.push(s);
      } else {
        open.peek().blocks.add(n);
      }
    }
    return root;
  }

  /** Sections that only hold tasks of their own ("Worker Assignments", "Tasks", "Work Items"). */
  boolean isContainer() {
    String t = FieldKind.normalise(heading.title());
    return t.equals("tasks") || t.equals("workitems") || t.equals("workstreams") || t.endsWith("assignments")
        || t.equals("backlog") || t.equals("stories") || t.equals("workbreakdown") || t.equals("epics")
        || t.equals("workpackages");
  }

  /** Success-criteria sections, which become gates: "Success Criteria", "Acceptance", "Tier 1 (Non-negotiable)". */
  boolean isSuccessCriteria() {
    String title = heading.title();
    int paren = title.indexOf('(');
    String t = FieldKind.normalise(paren < 0 ? title : title.substring(0, paren));
    return t.startsWith("successcriteria") || t.equals("acceptance") || t.startsWith("acceptancecriteria")
        || t.startsWith("definitionofdone") || t.startsWith("exitcriteria") || t.startsWith("qualitygate")
        || t.startsWith("verificationgate") || t.startsWith("releasecriteria") || t.endsWith("checklist") || (t.startsWith("tier") && t.length() > 4 && Character.isDigit(t.charAt(4)));
  }

  /** Sections whose first paragraph states the plan's goal when no "Goal:" field does. */
  boolean isGoalSection() {
    String t = FieldKind.normalise(heading.title());
    return t.equals("goal") || t.equals("goals") || t.equals("objective") || t.equals("objectives")
        || t.equals("executivesummary") || t.equals("summary") || t.equals("purpose") || t.equals("overview");
  }
}
