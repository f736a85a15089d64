package dev.sprintflow.plan.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How plans refer to work items: by worker id ("W1", "Worker 1"), phase or step ("Phase 1 complete",
 * "Phases 2 + 3"), code ("CC4"), section number ("2.1"), or title. Turns a field such as
 * "2.1 (Contracts), 2.2" into pieces and each piece into a lookup key.
 */
final class ReferenceKeys {
  static final int MAX_PIECE = 200;
  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]{0,200}\\)");
  private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;+&/]|\\band\\b|\\bthen\\b)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern WORKER = Pattern.compile("(?i)^(?:workers?\\s*#?|w)(\\d{1,4})\\b.*");
  private static final Pattern GROUP = Pattern.compile(
      "(?i)^(phase|stage|step|part|milestone|sprint|wave|task|story|ticket|item)s?\\s*#?(\\d{1,4}(?:\\.\\d{1,4}){0,3})\\b.*");
  private static final Pattern CODE = Pattern.compile("^([A-Za-z]{1,6}-?\\d{1,5})\\b.*");
  private static final Pattern NUMBER = Pattern.compile(
      "^(\\d{1,4}(?:\\.\\d{1,4}){0,3})\\b(?!\\s*(?:%|x\\b|days?\\b|hours?\\b|weeks?\\b|h\\b|d\\b)).*", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NONE = Set.of("none", "n/a", "na", "-", "–", "—", "nothing", "no dependencies", "no");
  private static final Pattern ALL = Pattern.compile(
      "(?i)^(?:everything(?: else)?|all(?: other| the other| previous| prior)?(?: tasks| work items| items| workers| phases| work)?"
          + "|all of the above|anything else|the rest)$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.:!]+$");
  private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "of", "for", "to", "&");

  private ReferenceKeys() {}

  /** A reference piece reduced to what it names. */
  sealed interface Ref permits Key, Everything, Title {}

  /**
   * An id-like reference: worker, phase, code or number; {@code written} is how the plan wrote it.
   * A strong key that names nothing is an error in the plan; a weak one ("3", "OAuth2") may be prose.
   */
  record Key(String key, String written, boolean strong) implements Ref {}

  /** "Everything else", "all tasks". */
  record Everything() implements Ref {}

  /** Anything else: maybe a title, maybe prose. */
  record Title(String text) implements Ref {}

  /** The pieces of a reference text; parenthesised notes dropped, "None" yields nothing. */
  static List<String> pieces(String text) {
    String withoutNotes = PARENTHESES.matcher(text).replaceAll(" ");
    List<String> pieces = new ArrayList<>();
    for (String piece : SEPARATORS.split(withoutNotes)) {
      String p = TRAILING_PUNCTUATION.matcher(piece.strip()).replaceAll("").strip();
      if (!p.isEmpty() && !NONE.contains(p.toLowerCase(Locale.ROOT))) {
        pieces.add(p);
      }
    }
    return pieces;
  }

  /** Whether the whole text says "no dependencies". */
  static boolean isNone(String text) {
    return text.length() < 40
        && NONE.contains(TRAILING_PUNCTUATION.matcher(text.strip()).replaceAll("").toLowerCase(Locale.ROOT));
  }

  static Ref classify(String piece) {
    if (piece.length() > MAX_PIECE) {
      return new Title(piece);
    }
    Matcher m;
    if ((m = WORKER.matcher(piece)).matches()) {
      return new Key("w" + Integer.parseInt(m.group(1)), piece.substring(0, m.end(1)), true);
    }
    if ((m = GROUP.matcher(piece)).matches()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      return new Key(word + m.group(2), piece.substring(0, m.end(2)), true);
    }
    if ((m = CODE.matcher(piece)).matches() && m.group(1).chars().anyMatch(Character::isUpperCase)) {
      boolean upper = m.group(1).chars().noneMatch(Character::isLowerCase);
      return new Key(code(m.group(1)), m.group(1), upper);
    }
    if ((m = NUMBER.matcher(piece)).matches()) {
      return new Key(m.group(1), m.group(1), m.group(1).contains("."));
    }
    if (ALL.matcher(piece).matches()) {
      return new Everything();
    }
    return new Title(piece);
  }

  /** Code keys compare without case or hyphen: "CC-1" and "cc1" are the same item. */
  static String code(String code) {
    return code.toLowerCase(Locale.ROOT).replace("-", "");
  }

  /** A title reduced for comparison: lower-case words without stop words, in order. */
  static String titleKey(String title) {
    return String.join(" ", words(title));
  }

  /** The same words in any order: "Port Cartridge Backend" equals "Cartridge Backend Port". */
  static String wordSetKey(String title) {
    return String.join(" ", words(title).stream().sorted().distinct().toList());
  }

  /** Lower-case words (letters and digits) without stop words; a plain loop, as this runs for every title. */
  private static List<String> words(String title) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= title.length(); i++) {
      char c = i < title.length() ? title.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
      } else if (!word.isEmpty()) {
        String w = word.toString();
        if (!STOP_WORDS.contains(w)) {
          words.add(w);
        }
        word.setLength(0);
      }
    }
    return words;
  }
}
