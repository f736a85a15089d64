package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** One checklist item: an acceptance criterion of a task or a criterion of a gate. */
@JsonPropertyOrder({"text", "done"})
public record Criterion(String text, boolean done) {
  public Criterion {
    Objects.requireNonNull(text, "text");
  }

  public static Criterion open(String text) {
    return new Criterion(text, false);
  }
}
