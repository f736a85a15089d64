package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How a task scores, each part meant to be 0-10 (the validator reports values outside that range
 * instead of this record refusing them, so that every error of a plan is reported at once).
 */
@JsonPropertyOrder({"urgency", "impact", "confidence", "momentum", "total"})
public record Score(int urgency, int impact, int confidence, int momentum) {

  public static final int MIN = 0;
  public static final int MAX = 10;

  /** Derived, never stored: the sum of the four parts (0-40). */
  @JsonProperty("total")
  public int total() {
    return urgency + impact + confidence + momentum;
  }
}
