package dev.sprintflow.progress;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A sprint runs until its process reaches "Sprint completed" or a "Sprint aborted" end event. */
public enum SprintState {
  RUNNING,
  COMPLETED,
  ABORTED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SprintState of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
