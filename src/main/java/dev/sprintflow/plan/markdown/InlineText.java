package dev.sprintflow.plan.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Plain text of inline Markdown: emphasis dropped, code spans kept in backticks (they carry meaning
 * such as file names), line breaks as newlines. Walks are depth-limited so that pathological nesting
 * cannot overflow the stack.
 */
final class InlineText {
  static final int MAX_DEPTH = 48;
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private InlineText() {}

  static String of(Node node) {
    StringBuilder out = new StringBuilder();
    append(node, out, 0);
    return out.toString();
  }

  static String of(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    for (Node n : nodes) {
      append(n, out, 0);
    }
    return out.toString();
  }

  /** Children of a node with inline content, split into lines at soft and hard line breaks. */
  static List<List<Node>> lines(Node block) {
    List<List<Node>> lines = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        lines.add(current);
        current = new ArrayList<>();
      } else {
        current.add(n);
      }
    }
    lines.add(current);
    return lines;
  }

  /** One line's text with runs of whitespace folded, so that cell and title comparisons are stable. */
  static String clean(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  static boolean isEmphasis(Node n) {
    return n instanceof StrongEmphasis || n instanceof Emphasis;
  }

  private static void append(Node node, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node instanceof Text t) {
      out.append(t.getLiteral());
    } else if (node instanceof Code c) {
      out.append('`').append(c.getLiteral()).append('`');
    } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      out.append('\n');
    } else if (node instanceof HtmlInline || node instanceof TaskListItemMarker) {
      // markup, not text
    } else if (node instanceof Image image) {
      for (Node c = image.getFirstChild(); c != null; c = c.getNext()) {
        append(c, out, depth + 1);
      }
    } else {
      for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
        append(c, out, depth + 1);
      }
    }
  }
}
