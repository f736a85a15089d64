package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.SourceLocation;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** A parsed Markdown plan: the CommonMark tree, its file name, its lines, and node locations. */
final class MarkdownSource {
  // The parser is immutable and thread-safe; building it once saves work on every plan.
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create(), TaskListItemsExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();

  private final String file;
  private final List<String> lines;
  private final Node document;

  MarkdownSource(String file, String content) {
    this.file = file;
    this.lines = content.lines().toList();
    this.document = PARSER.parse(content);
  }

  String file() {
    return file;
  }

  Node document() {
    return document;
  }

  /** The 0-based line, as the source spans count, or an empty string past the end. */
  String line(int index) {
    return index >= 0 && index < lines.size() ? lines.get(index) : "";
  }

  /** Where a node starts; nodes without a span (line breaks, markers) use their nearest located relative. */
  SourceLocation locate(Node node) {
    SourceSpan span = span(node);
    return span == null ? SourceLocation.start(file)
        : new SourceLocation(file, span.getLineIndex() + 1, span.getColumnIndex() + 1);
  }

  static SourceSpan span(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.getSourceSpans().isEmpty()) {
        return n.getSourceSpans().get(0);
      }
      for (Node next = n.getNext(); next != null; next = next.getNext()) {
        if (!next.getSourceSpans().isEmpty()) {
          return next.getSourceSpans().get(0);
        }
      }
    }
    return null;
  }

  SourceLocation start() {
    return SourceLocation.start(file);
  }
}
