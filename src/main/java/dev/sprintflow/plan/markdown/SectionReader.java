package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Reads the blocks of one section into fields, checklist items and free text. Fields are bold
 * labels ("**Depends On:** W1") or known plain labels ("Depends On: W1"), on their own line, in
 * paragraphs or list items; a label with no text takes the list that follows as its value. Lines
 * that Markdown folds into a list item (a "**Handoff:**" right after a checklist) are still fields.
 */
final class SectionReader {
  private static final Pattern PLAIN_LABEL = Pattern.compile("([A-Za-z][A-Za-z /.&'-]{0,40}?)\\s*:\\s*(.*)", Pattern.DOTALL);
  private static final int MAX_LABEL = 60;

  private final MarkdownSource source;

  SectionReader(MarkdownSource source) {
    this.source = source;
  }

  SectionContent read(List<Node> blocks) {
    Reading r = new Reading();
    for (Node block : blocks) {
      r.block(block, 0);
    }
    r.finish();
    return r.content;
  }

  /** Field label and value of one line of inline nodes, or null when the line is not a field. */
  Field field(List<Node> line) {
    int start = 0;
    while (start < line.size() && line.get(start) instanceof Text t && t.getLiteral().isBlank()) {
      start++;
    }
    if (start >= line.size()) {
      return null;
    }
    Node first = line.get(start);
    List<Node> rest = line.subList(start + 1, line.size());
    if (InlineText.isEmphasis(first)) {
      String label = InlineText.clean(InlineText.of(first));
      String value = InlineText.of(rest);
      if (label.endsWith(":")) {
        label = label.substring(0, label.length() - 1).strip();
      } else if (value.startsWith(":")) {
        value = value.substring(1);
      } else {
        return null;
      }
      if (label.isEmpty() || label.length() > MAX_LABEL) {
        return null;
      }
      return new Field(FieldKind.of(label), label, value.strip(), valueLocation(rest, first));
    }
    String text = InlineText.of(line.subList(start, line.size()));
    Matcher m = PLAIN_LABEL.matcher(text);
    if (!m.matches() || FieldKind.of(m.group(1)) == FieldKind.OTHER) {
      return null;
    }
    return new Field(FieldKind.of(m.group(1)), m.group(1).strip(), m.group(2).strip(), source.locate(first));
  }

  private SourceLocation valueLocation(List<Node> rest, Node label) {
    for (Node n : rest) {
      SourceSpan span = n.getSourceSpans().isEmpty() ? null : n.getSourceSpans().get(0);
      if (span != null) {
        String text = n instanceof Text t ? t.getLiteral() : "";
        int skip = text.length() - text.stripLeading().length();
        if (text.startsWith(":")) {
          skip = 1 + text.substring(1).length() - text.substring(1).stripLeading().length();
        }
        return new SourceLocation(source.file(), span.getLineIndex() + 1, span.getColumnIndex() + 1 + skip);
      }
    }
    return source.locate(label);
  }

  /** State of reading one section. */
  private final class Reading {
    final SectionContent content = new SectionContent();
    // Sets of line numbers, not BitSets: a BitSet would be as large as the line number, for every section.
    final NavigableSet<Integer> restLines = new TreeSet<>();
    final NavigableSet<Integer> takenLines = new TreeSet<>();
    Field pending; // a label without text, waiting for its list

    void block(Node block, int depth) {
      if (block instanceof Paragraph p) {
        paragraph(p);
      } else if (block instanceof ListBlock list) {
        list(list);
        pending = null;
      } else if (block instanceof BlockQuote && depth < InlineText.MAX_DEPTH) {
        for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
          block(n, depth + 1);
        }
      } else if (block instanceof ThematicBreak) {
        pending = null; // a separator, not content
      } else if (!(block instanceof TableBlock)) {
        markLines(block, restLines); // code blocks, HTML: kept in the description as written
        pending = null;
      }
    }

    private void paragraph(Paragraph p) {
      Field last = null;
      boolean lastLineWasField = false;
      StringBuilder text = new StringBuilder();
      for (List<Node> line : InlineText.lines(p)) {
        Field f = field(line);
        int lineIndex = lineOf(line, p);
        if (f != null) {
          content.fields.add(f);
          last = f;
          lastLineWasField = true;
          takenLines.add(lineIndex);
        } else if (last != null && lastLineWasField && !last.value().isEmpty()) {
          last.continueWith(InlineText.of(line)); // a field's text wrapped onto the next line
          takenLines.add(lineIndex);
        } else {
          lastLineWasField = false;
          last = null;
          text.append(InlineText.of(line)).append('\n');
          restLines.add(lineIndex);
        }
      }
      if (!text.isEmpty()) {
        content.paragraphs.add(InlineText.clean(text.toString()));
      }
      pending = lastLineWasField && last != null && last.value().isEmpty() ? last : null;
    }

    private void list(ListBlock list) {
      for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof ListItem item) {
          item(item);
        }
      }
    }

    private void item(ListItem item) {
      Node first = item.getFirstChild();
      boolean checkbox = first instanceof TaskListItemMarker;
      boolean checked = checkbox && ((TaskListItemMarker) first).isChecked();
      Paragraph para = null;
      for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Paragraph p) {
          para = p;
          break;
        }
      }
      SourceLocation at = source.locate(para != null ? para : item);
      StringBuilder text = new StringBuilder();
      Field itemField = null;
      if (para != null) {
        List<List<Node>> lines = InlineText.lines(para);
        for (int i = 0; i < lines.size(); i++) {
          Field f = checkbox && i == 0 ? null : field(lines.get(i));
          if (f != null) {
            content.fields.add(f); // "- Depends On: W1", or a field folded into the item
            takenLines.add(lineOf(lines.get(i), para));
            if (i == 0) {
              itemField = f;
            }
          } else if (itemField == null || i > 0) {
            text.append(text.isEmpty() ? "" : " ").append(InlineText.of(lines.get(i)).strip());
          }
        }
      }
      List<String> nested = nestedItems(item);
      if (itemField != null) {
        for (String s : nested) {
          itemField.addItem(s, at);
        }
        markLines(item, takenLines);
        return;
      }
      String itemText = InlineText.clean(text.toString());
      if (!nested.isEmpty()) {
        itemText = itemText.isEmpty() ? String.join("; ", nested) : itemText + ": " + String.join("; ", nested);
      }
      if (itemText.isEmpty()) {
        return;
      }
      if (checkbox) {
        content.checklist.add(new SectionContent.Check(new Criterion(itemText, checked), at));
        markLines(item, takenLines);
      } else if (pending != null) {
        pending.addItem(itemText, at);
        markLines(item, takenLines);
      } else {
        content.items.add(new SectionContent.Item(itemText, at));
        markLines(item, restLines);
      }
    }

    /** Texts of the lists inside a list item, flattened ("Run 6 SQL migration files", ...). */
    private List<String> nestedItems(ListItem item) {
      List<String> out = new ArrayList<>();
      for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof ListBlock list) {
          for (Node li = list.getFirstChild(); li != null; li = li.getNext()) {
            String t = InlineText.clean(InlineText.of(li));
            if (!t.isEmpty()) {
              out.add(t);
            }
          }
        }
      }
      return out;
    }

    private int lineOf(List<Node> line, Node fallback) {
      for (Node n : line) {
        if (!n.getSourceSpans().isEmpty()) {
          return n.getSourceSpans().get(0).getLineIndex();
        }
      }
      SourceSpan span = MarkdownSource.span(fallback);
      return span == null ? 0 : span.getLineIndex();
    }

    private void markLines(Node node, NavigableSet<Integer> lines) {
      for (SourceSpan span : node.getSourceSpans()) {
        lines.add(span.getLineIndex());
      }
    }

    /** The description: the source lines nobody took, blank lines kept between separate runs. */
    void finish() {
      restLines.removeAll(takenLines);
      StringBuilder rest = new StringBuilder();
      int previous = -2;
      for (int i : restLines) {
        if (previous >= 0 && i > previous + 1) {
          rest.append('\n');
        }
        rest.append(source.line(i).stripTrailing()).append('\n');
        previous = i;
      }
      content.rest = rest.toString().strip();
    }
  }
}
