package dev.sprintflow.worker.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the element list of a CREATE TABLE statement in place: inserts a column definition after a
 * given column and can replace that column's definition. Everything else (layout, comments,
 * spelling) stays as the author wrote it, so the reviewer's diff shows only what the port changed.
 * What to insert is decided by the caller from the parsed statement; this class only finds where.
 */
final class CreateTableEditor {

  private static final Pattern LEADING_NAME = Pattern.compile("^(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)");
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");

  private CreateTableEditor() {}

  /**
   * @param afterColumn insert after this column; null or not found = after the last column
   * @param replaceAfterColumn new definition for {@code afterColumn}, or null to keep it
   * @return the edited statement, or null if its element list cannot be located
   */
  static String insertColumn(String sql, String afterColumn, String newElement, String replaceAfterColumn) {
    byte[] kind = SqlLexer.classify(sql);
    List<int[]> elements = elements(sql, kind);
    if (elements == null || elements.isEmpty()) {
      return null;
    }
    int anchor = -1;
    int lastColumn = -1;
    for (int i = 0; i < elements.size(); i++) {
      String name = leadingName(sql, elements.get(i));
      if (name == null) {
        continue;
      }
      if (!CONSTRAINT_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
        lastColumn = i;
      }
      if (anchor < 0 && afterColumn != null && TableRef.fold(name).equals(afterColumn)) {
        anchor = i;
      }
    }
    boolean found = anchor >= 0;
    if (!found) {
      anchor = lastColumn;
    }
    if (anchor < 0) {
      return null;
    }
    int[] owner = elements.get(anchor);
    StringBuilder out = new StringBuilder(sql);
    if (anchor + 1 < elements.size()) {
      int[] next = elements.get(anchor + 1);
      int lineStart = sql.lastIndexOf('\n', next[0] - 1) + 1;
      if (lineStart > sql.lastIndexOf(',', next[0]) && sql.substring(lineStart, next[0]).isBlank()) {
        String indent = sql.substring(lineStart, next[0]);
        out.insert(lineStart, indent + newElement + ",\n");
      } else {
        out.insert(next[0], newElement + ", ");
      }
    } else {
      String indent = indentation(sql, owner[0]);
      out.insert(owner[1], indent == null ? ", " + newElement : ",\n" + indent + newElement);
    }
    if (found && replaceAfterColumn != null) {
      out.replace(owner[0], owner[1], replaceAfterColumn); // before the insertion point: offsets still valid
    }
    return out.toString();
  }

  /** Code ranges [start, end) of the elements between the first top-level parentheses, or null. */
  private static List<int[]> elements(String sql, byte[] kind) {
    int open = -1;
    for (int i = 0; i < sql.length(); i++) {
      if (kind[i] == SqlLexer.CODE && sql.charAt(i) == '(') {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return null;
    }
    List<int[]> ranges = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = open + 1; i < sql.length(); i++) {
      if (kind[i] != SqlLexer.CODE) {
        continue;
      }
      char c = sql.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if ((c == ')' || c == ',') && depth == 0) {
        int[] code = trimmed(kind, start, i);
        if (code != null) {
          ranges.add(code);
        }
        if (c == ')') {
          return ranges;
        }
        start = i + 1;
      }
    }
    return null;
  }

  private static int[] trimmed(byte[] kind, int from, int to) {
    int s = from;
    while (s < to && kind[s] == SqlLexer.SPACE) {
      s++;
    }
    int e = to;
    while (e > s && kind[e - 1] == SqlLexer.SPACE) {
      e--;
    }
    return s < e ? new int[] {s, e} : null;
  }

  private static String leadingName(String sql, int[] range) {
    Matcher m = LEADING_NAME.matcher(sql.substring(range[0], range[1]));
    return m.find() ? m.group(1) : null;
  }

  /** The whitespace before a token if it starts its line, else null (single-line statements). */
  private static String indentation(String sql, int tokenStart) {
    int lineStart = sql.lastIndexOf('\n', tokenStart - 1) + 1;
    String before = sql.substring(lineStart, tokenStart);
    return lineStart > 0 && before.isBlank() ? before : null;
  }
}
