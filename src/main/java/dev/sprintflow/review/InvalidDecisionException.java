package dev.sprintflow.review;

/** A decision that the task's form does not allow; {@code field} names the offending part. */
public class InvalidDecisionException extends RuntimeException {
  private final String field;

  public InvalidDecisionException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
