package dev.sprintflow.plan.markdown;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a heading says about its section: "### Worker 1: Cartridge Backend Port (3 days) - CRITICAL PATH"
 * is worker W1, titled "Cartridge Backend Port", estimated "3 days", labelled "CRITICAL PATH".
 *
 * @param kind which convention the heading follows
 * @param keys how other sections refer to it ("w1", "phase2", "cc1", "2.1"); the first is its own
 * @param aliases weaker keys (a phase's bare number)
 * @param title the title without prefix, estimate and label
 * @param fullTitle the heading as written, whitespace folded
 * @param estimate a parenthesised estimate, if any ("3 days")
 * @param label an all-capitals suffix after a dash, if any
 */
record HeadingInfo(Kind kind, List<String> keys, List<String> aliases, String title, String fullTitle,
    String estimate, String label) {

  enum Kind { WORKER, GROUP, CODE, NUMBERED, PLAIN }

  private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^)]*\\)");
  private static final Pattern LEADING_NOISE = Pattern.compile("^[^A-Za-z0-9]+");
  private static final Pattern WORKER = Pattern.compile(
      "(?i)(?:worker|w)\\s*#?(\\d{1,4})\\s*(?:[:.)–—-]\\s*(.*))?");
  private static final Pattern GROUP = Pattern.compile(
      "(?i)(phase|stage|step|part|milestone|sprint|wave|task|story|ticket|item)\\s*#?(\\d{1,4}(?:\\.\\d{1,4}){0,3})"
          + "\\s*(?:[:.)–—-]\\s*(.*))?");
  private static final Pattern CODE = Pattern.compile("([A-Z][A-Z0-9]{0,5}-?\\d{1,5})\\s*[:.)–—-]\\s*(.+)");
  private static final Pattern NUMBERED = Pattern.compile("(\\d{1,4}(?:\\.\\d{1,4}){0,3})[.)]?\\s+(.+)");
  private static final Pattern LABEL = Pattern.compile("^(.+?)\\s+[-–—]\\s+([^\\p{Ll}]+)$");

  /** Longer headings are prose, not conventions; not parsing them keeps the regexes cheap. */
  private static final int MAX_PARSED = 300;

  static HeadingInfo parse(String heading) {
    String full = InlineText.clean(heading);
    if (full.length() > MAX_PARSED) {
      return new HeadingInfo(Kind.PLAIN, List.of(), List.of(), full, full, null, null);
    }
    String text = LEADING_NOISE.matcher(full).replaceFirst("");
    Matcher m;
    if ((m = WORKER.matcher(text)).matches()) {
      return build(Kind.WORKER, List.of("w" + Integer.parseInt(m.group(1))), List.of(), m.group(2), full);
    }
    if ((m = GROUP.matcher(text)).matches()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      String number = m.group(2);
      return build(Kind.GROUP, List.of(word + number), List.of(number), m.group(3), full);
    }
    if ((m = CODE.matcher(text)).matches()) {
      return build(Kind.CODE, List.of(ReferenceKeys.code(m.group(1))), List.of(), m.group(2), full);
    }
    if ((m = NUMBERED.matcher(text)).matches()) {
      return build(Kind.NUMBERED, List.of(m.group(1)), List.of(), m.group(2), full);
    }
    return build(Kind.PLAIN, List.of(), List.of(), full, full);
  }

  private static HeadingInfo build(Kind kind, List<String> keys, List<String> aliases, String rest, String full) {
    String title = rest == null ? "" : rest.strip();
    String label = null;
    Matcher m = LABEL.matcher(title);
    if (m.matches() && m.group(2).chars().anyMatch(Character::isLetter)) {
      title = m.group(1).strip();
      label = m.group(2).strip();
    }
    String estimate = null;
    // Trailing parentheses: an estimate "(3 days)", or a note "(InfraBuilder)" that is not part of the title.
    for (int round = 0; round < 3 && title.endsWith(")"); round++) {
      int open = title.lastIndexOf('(');
      if (open <= 0) {
        break;
      }
      String inside = title.substring(open + 1, title.length() - 1).strip();
      if (estimate == null && EstimateText.looksLikeEstimate(inside)) {
        estimate = inside;
      }
      title = title.substring(0, open).strip();
    }
    if (title.isEmpty()) {
      title = full;
    }
    return new HeadingInfo(kind, keys, aliases, title, full, estimate, label);
  }

  /** A heading that belongs to the work-item conventions by its form alone. */
  boolean isWorkItemForm() {
    return kind == Kind.WORKER || kind == Kind.GROUP || kind == Kind.CODE;
  }

  /** The title with its convention prefix ("Phase 2: Connect Stores"), for context such as a task's phase. */
  String qualifiedTitle() {
    return kind == Kind.PLAIN ? title : PARENTHESES.matcher(fullTitle).replaceAll("").strip();
  }
}
