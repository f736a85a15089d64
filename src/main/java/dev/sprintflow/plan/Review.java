package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How a task's result is reviewed. */
public enum Review {
  /** Checked automatically (tests, gates); the default. */
  AUTO,
  /** A person must approve the result. */
  REQUIRED,
  /** Nothing to review. */
  NONE;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Review> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "auto", "automatic" -> Optional.of(AUTO);
      case "required", "human", "manual" -> Optional.of(REQUIRED);
      case "none", "no" -> Optional.of(NONE);
      default -> Optional.empty();
    };
  }
}
