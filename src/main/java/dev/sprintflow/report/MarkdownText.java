package dev.sprintflow.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Plan text made safe for Markdown, and times and durations as people read them. */
final class MarkdownText {

  /**
   * What can start Markdown or HTML inside a line. Characters that matter only at the start of a
   * line ("-", "+", "1.") need nothing: plan text never starts one here.
   */
  private static final String PUNCTUATION = "\\`*_[]<>|~&#";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private MarkdownText() {}

  /**
   * Text from plans and people, shown literally: every character that could start inline Markdown
   * or HTML is backslash-escaped, lines joined.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.replaceAll("\\s+", " ").strip().toCharArray()) {
      if (PUNCTUATION.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A code span: backslash escapes do not work inside one, so backticks are replaced instead; a pipe
   * is escaped all the same, which GFM tables require even inside code.
   */
  static String code(String text) {
    return text == null || text.isBlank() ? ""
        : "`" + text.replaceAll("\\s+", " ").strip().replace('`', '\'').replace("|", "\\|") + "`";
  }

  /** "2026-01-12 08:00 UTC". */
  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** "5d 12h", "2h 30m", "45m"; minutes are the smallest unit shown. */
  static String duration(Duration d) {
    if (d == null) {
      return "";
    }
    boolean negative = d.isNegative();
    long minutes = Math.abs(d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder s = new StringBuilder(negative ? "-" : "");
    if (days > 0) {
      s.append(days).append("d");
    }
    if (hours > 0) {
      s.append(s.length() > (negative ? 1 : 0) ? " " : "").append(hours).append("h");
    }
    if (mins > 0 || s.length() == (negative ? 1 : 0)) {
      s.append(s.length() > (negative ? 1 : 0) ? " " : "").append(mins).append("m");
    }
    return s.toString();
  }
}
