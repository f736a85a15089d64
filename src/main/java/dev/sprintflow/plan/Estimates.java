package dev.sprintflow.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads estimates as people write them ("3 days", "0.5 day", "~2 hours", "1-2 days", "P3D") and
 * writes them back as ISO-8601. A day is 24 hours, as in ISO-8601 durations; a week is 7 days.
 */
public final class Estimates {

  // Bounded digit counts keep the arithmetic safe and the regex linear.
  private static final Pattern HUMAN = Pattern.compile(
      "(\\d{1,6}(?:[.,]\\d{1,4})?)(?:\\s*(?:-|–|to)\\s*(\\d{1,6}(?:[.,]\\d{1,4})?))?\\s*"
          + "(minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|wk|w)\\.?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_WEEKS = Pattern.compile("P(\\d{1,5})W", Pattern.CASE_INSENSITIVE);
  private static final Pattern APPROXIMATELY =
      Pattern.compile("^(?:~|≈|about|approx\\.?|approximately|ca\\.?|circa)\\s*", Pattern.CASE_INSENSITIVE);
  private static final long MAX_SECONDS = Duration.ofDays(100_000).toSeconds();

  private Estimates() {}

  /** The estimate, or empty when the text is not one of the accepted forms. */
  public static Optional<Duration> parse(String text) {
    if (text == null || text.length() > 100) {
      return Optional.empty();
    }
    String s = APPROXIMATELY.matcher(text.strip()).replaceFirst("").strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
      return iso(s);
    }
    Matcher m = HUMAN.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    // A range ("1-2 days") is planned at its upper end.
    BigDecimal amount = number(m.group(2) != null ? m.group(2) : m.group(1));
    BigDecimal seconds = amount.multiply(BigDecimal.valueOf(unitSeconds(m.group(3))));
    if (seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(seconds.setScale(0, RoundingMode.HALF_UP).longValueExact()));
  }

  /** ISO-8601: whole days as "P3D", anything else as Java writes it ("PT12H", "PT1H30M"). */
  public static String format(Duration duration) {
    if (!duration.isNegative() && !duration.isZero() && duration.toSeconds() % 86_400 == 0) {
      return "P" + duration.toDays() + "D";
    }
    return duration.toString();
  }

  private static Optional<Duration> iso(String s) {
    Matcher weeks = ISO_WEEKS.matcher(s);
    if (weeks.matches()) {
      return Optional.of(Duration.ofDays(7L * Integer.parseInt(weeks.group(1))));
    }
    try {
      Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
      return d.isNegative() || d.toSeconds() > MAX_SECONDS ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static BigDecimal number(String digits) {
    return new BigDecimal(digits.replace(',', '.'));
  }

  private static long unitSeconds(String unit) {
    return switch (Character.toLowerCase(unit.charAt(0))) {
      case 'm' -> 60;
      case 'h' -> 3_600;
      case 'd' -> 86_400;
      default -> 7 * 86_400; // weeks
    };
  }
}
