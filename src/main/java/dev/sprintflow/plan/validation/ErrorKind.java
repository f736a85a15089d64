package dev.sprintflow.plan.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of problem a {@link PlanError} reports; stable names for clients (e.g. the REST API). */
public enum ErrorKind {
  /** The input is over the size limit and was not parsed. */
  TOO_LARGE,
  /** The file is not well-formed YAML or JSON. */
  SYNTAX,
  /** The file's format cannot be told from its name. */
  UNKNOWN_FORMAT,
  /** A field has the wrong type (a list where a text belongs, ...). */
  WRONG_TYPE,
  /** A required field is missing. */
  MISSING_FIELD,
  /** A field the plan format does not have (often a typo). */
  UNKNOWN_FIELD,
  /** The same key twice in one mapping. */
  DUPLICATE_KEY,
  /** An id is not a slug. */
  INVALID_ID,
  /** Two tasks or gates share an id. */
  DUPLICATE_ID,
  /** A dependency names no task of the plan. */
  UNKNOWN_REFERENCE,
  /** Tasks depend on each other in a circle. */
  CYCLE,
  /** A score part outside 0-10. */
  SCORE_RANGE,
  /** An estimate that is not a duration. */
  INVALID_ESTIMATE,
  /** A value outside the allowed set (review, ...). */
  INVALID_VALUE,
  /** The plan has no tasks. */
  NO_TASKS;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
