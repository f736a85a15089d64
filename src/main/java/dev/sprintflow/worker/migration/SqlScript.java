package dev.sprintflow.worker.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into statements with the text between them (comments, blank lines) kept
 * verbatim, so that a script can be rebuilt byte for byte and only the statements that change are
 * re-rendered.
 *
 * @param statements in order
 * @param trailer text after the last statement
 */
record SqlScript(List<Chunk> statements, String trailer) {

  /**
   * @param leading whitespace and comments before the statement
   * @param sql the statement from its first to its last token, without the semicolon
   * @param terminator what follows up to and including the semicolon ("" for a last statement without one)
   * @param line 1-based line of the statement's first token
   */
  record Chunk(String leading, String sql, String terminator, int line) {
    Chunk withSql(String newSql) {
      return new Chunk(leading, newSql, terminator, line);
    }

    Chunk withTerminator(String newTerminator) {
      return new Chunk(leading, sql, newTerminator, line);
    }

    String render() {
      return leading + sql + terminator;
    }
  }

  String render() {
    StringBuilder out = new StringBuilder();
    statements.forEach(c -> out.append(c.render()));
    return out.append(trailer).toString();
  }

  /** Splits a PostgreSQL script (comments, quotes, quoted identifiers and dollar quoting aware). */
  static SqlScript parse(String text) {
    byte[] kind = SqlLexer.classify(text);
    List<Chunk> chunks = new ArrayList<>();
    int segmentStart = 0;
    int start = -1;
    int lastCodeEnd = -1;
    int line = 1;
    int startLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (kind[i] != SqlLexer.SPACE) {
        if (kind[i] == SqlLexer.CODE && c == ';') {
          if (start >= 0) {
            chunks.add(new Chunk(text.substring(segmentStart, start), text.substring(start, lastCodeEnd),
                text.substring(lastCodeEnd, i + 1), startLine));
            segmentStart = i + 1;
          }
          // an empty statement (";;") stays part of the next statement's leading text
          start = -1;
        } else {
          if (start < 0) {
            start = i;
            startLine = line;
          }
          lastCodeEnd = i + 1;
        }
      }
      if (c == '\n') {
        line++;
      }
    }
    if (start >= 0) {
      chunks.add(new Chunk(text.substring(segmentStart, start), text.substring(start, lastCodeEnd), "", startLine));
      return new SqlScript(chunks, text.substring(lastCodeEnd));
    }
    return new SqlScript(chunks, text.substring(segmentStart));
  }

  /** Number of line breaks in a text, for keeping line numbers stable. */
  static int lineBreaks(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
