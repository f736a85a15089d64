package dev.sprintflow.progress;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A verification gate: not reached yet, open for the leads, or decided. */
public enum GateState {
  PENDING,
  OPEN,
  PASSED,
  FAILED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static GateState of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
