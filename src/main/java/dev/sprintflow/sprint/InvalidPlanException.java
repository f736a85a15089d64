package dev.sprintflow.sprint;

import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.validation.PlanError;
import java.util.List;

/** The plan did not validate; carries every located error. */
public class InvalidPlanException extends RuntimeException {
  private final List<PlanError> errors;
  private final List<PlanWarning> warnings;

  public InvalidPlanException(List<PlanError> errors, List<PlanWarning> warnings) {
    super(errors.size() + " error(s) in the plan");
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
  }

  public List<PlanError> errors() {
    return errors;
  }

  public List<PlanWarning> warnings() {
    return warnings;
  }
}
