package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.Estimates;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Estimates as Markdown plans write them, e.g. "1 session (~2 hours)": the text, else a parenthesis. */
final class EstimateText {
  private static final Pattern PARENTHESIS = Pattern.compile("\\(([^()]{1,60})\\)");
  private static final Pattern TIME_WORD = Pattern.compile(
      "(?i)^[~≈]?\\s*\\d[\\d.,]*\\s*(?:-\\s*\\d[\\d.,]*\\s*)?(?:sessions?|sprints?|days?|hours?|hrs?|weeks?|minutes?|mins?|months?|h|d|w)\\b.*");

  private EstimateText() {}

  static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<Duration> whole = Estimates.parse(text);
    if (whole.isPresent()) {
      return whole;
    }
    Matcher m = PARENTHESIS.matcher(text);
    while (m.find()) {
      Optional<Duration> inner = Estimates.parse(m.group(1));
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  /** Whether a heading's parenthesis is meant as an estimate, even one that cannot be read. */
  static boolean looksLikeEstimate(String text) {
    return text.length() <= 60 && (parse(text).isPresent() || TIME_WORD.matcher(text.strip()).matches());
  }
}
