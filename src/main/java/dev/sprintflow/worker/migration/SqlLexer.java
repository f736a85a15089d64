package dev.sprintflow.worker.migration;

/**
 * Classifies every character of PostgreSQL text as whitespace/comment, structural code, or the
 * inside of a literal (string, quoted identifier, dollar-quoted body). Enough lexing to cut
 * scripts into statements and tables into elements; the SQL itself is parsed by JSqlParser.
 */
final class SqlLexer {

  static final byte SPACE = 0;
  static final byte CODE = 1;
  static final byte LITERAL = 2;

  private SqlLexer() {}

  /** @throws SqlSyntaxException for an unterminated comment, string, quoted identifier or dollar quote */
  static byte[] classify(String s) {
    byte[] kind = new byte[s.length()];
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        kind[i++] = SPACE;
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
        while (i < n && s.charAt(i) != '\n') {
          kind[i++] = SPACE;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int from = i;
        int depth = 0; // PostgreSQL block comments nest
        do {
          if (i + 1 < n && s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
            depth++;
            kind[i++] = SPACE;
          } else if (i + 1 < n && s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
            depth--;
            kind[i++] = SPACE;
          }
          kind[i++] = SPACE;
        } while (depth > 0 && i < n);
        if (depth > 0) {
          throw unterminated(s, from, "block comment");
        }
      } else if (c == '\'') {
        boolean escapes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
            && (i < 2 || !isIdentifierChar(s.charAt(i - 2)));
        i = quoted(s, kind, i, '\'', escapes, "string");
      } else if (c == '"') {
        i = quoted(s, kind, i, '"', false, "quoted identifier");
      } else if (c == '$' && (i == 0 || !isIdentifierChar(s.charAt(i - 1)))) {
        int tagEnd = dollarTagEnd(s, i);
        if (tagEnd < 0) {
          kind[i++] = CODE; // a positional parameter such as $1
        } else {
          String tag = s.substring(i, tagEnd + 1);
          int close = s.indexOf(tag, tagEnd + 1);
          if (close < 0) {
            throw unterminated(s, i, "dollar-quoted string " + tag);
          }
          for (int k = i; k < close + tag.length(); k++) {
            kind[k] = LITERAL;
          }
          kind[i] = CODE; // the opening $ marks where the literal starts
          i = close + tag.length();
        }
      } else {
        kind[i++] = CODE;
      }
    }
    return kind;
  }

  private static int quoted(String s, byte[] kind, int from, char quote, boolean backslashEscapes, String what) {
    int i = from;
    kind[i++] = CODE;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\' && i + 1 < s.length()) {
        kind[i++] = LITERAL;
        kind[i++] = LITERAL;
        continue;
      }
      if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          kind[i++] = LITERAL;
          kind[i++] = LITERAL;
          continue;
        }
        kind[i++] = CODE;
        return i;
      }
      kind[i++] = LITERAL;
    }
    throw unterminated(s, from, what);
  }

  /** Index of the closing $ of a dollar-quote tag starting at {@code i}, or -1 if there is none. */
  private static int dollarTagEnd(String s, int i) {
    int k = i + 1;
    if (k < s.length() && s.charAt(k) == '$') {
      return k;
    }
    if (k >= s.length() || !(Character.isLetter(s.charAt(k)) || s.charAt(k) == '_')) {
      return -1;
    }
    while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
      k++;
    }
    return k < s.length() && s.charAt(k) == '$' ? k : -1;
  }

  static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static SqlSyntaxException unterminated(String s, int from, String what) {
    return new SqlSyntaxException(lineOf(s, from), "unterminated " + what);
  }

  static int lineOf(String s, int index) {
    int line = 1;
    for (int k = 0; k < index && k < s.length(); k++) {
      if (s.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
