package dev.sprintflow.plan;

import dev.sprintflow.plan.validation.PlanError;
import java.util.List;
import java.util.Optional;

/**
 * What loading a plan gave: the plan (when the input could be read at all), its warnings, and every
 * error, sorted by position. A plan is fit to run only when {@link #valid()}.
 */
public record PlanLoadResult(Plan plan, List<PlanWarning> warnings, List<PlanError> errors) {

  public PlanLoadResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static PlanLoadResult failed(PlanError error) {
    return new PlanLoadResult(null, List.of(), List.of(error));
  }

  public boolean valid() {
    return plan != null && errors.isEmpty();
  }

  /** The plan if it is valid. */
  public Optional<Plan> validPlan() {
    return valid() ? Optional.of(plan) : Optional.empty();
  }
}
