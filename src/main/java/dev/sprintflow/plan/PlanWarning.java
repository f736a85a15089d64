package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Something in the plan that was not understood and was left out; the plan is still usable. */
@JsonPropertyOrder({"file", "line", "column", "message"})
public record PlanWarning(String file, int line, int column, String message) {

  public static PlanWarning at(SourceLocation location, String message) {
    return new PlanWarning(location.file(), location.line(), location.column(), message);
  }

  @Override
  public String toString() {
    return "%s:%d:%d: warning: %s".formatted(file, line, column, message);
  }
}
