package dev.sprintflow.plan.validation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sprintflow.plan.SourceLocation;
import java.util.Comparator;
import java.util.Objects;

/**
 * A reason a plan cannot be used, with where it is: file, 1-based line and column, and a plain
 * sentence. {@link #toString()} gives the command-line form {@code FILE:LINE:COL: message}.
 */
@JsonPropertyOrder({"file", "line", "column", "kind", "message"})
public record PlanError(String file, int line, int column, ErrorKind kind, String message) {

  /** Errors in reading order: by line, then column. */
  public static final Comparator<PlanError> BY_POSITION =
      Comparator.comparingInt(PlanError::line).thenComparingInt(PlanError::column);

  public PlanError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  public static PlanError at(SourceLocation location, ErrorKind kind, String message) {
    return new PlanError(location.file(), location.line(), location.column(), kind, message);
  }

  @Override
  public String toString() {
    return "%s:%d:%d: %s".formatted(file, line, column, message);
  }
}
