package dev.sprintflow.plan;

import dev.sprintflow.plan.validation.PlanError;
import java.util.List;

/** Reads one plan format into the plan model. Implementations never throw on bad input. */
public interface PlanReader {

  /**
   * @param fileName the name errors and sources refer to
   * @param content the whole file, already checked against the size limit
   */
  Outcome read(String fileName, String content);

  /**
   * @param plan the plan as far as it could be read, or null when nothing usable was found
   * @param sources where each part of the plan came from
   * @param errors what made the input unreadable (syntax, types, ...); the validator adds the rest
   */
  record Outcome(Plan plan, PlanSourceMap sources, List<PlanError> errors) {
    public Outcome {
      errors = List.copyOf(errors);
    }
  }
}
