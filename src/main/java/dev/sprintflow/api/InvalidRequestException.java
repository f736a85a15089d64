package dev.sprintflow.api;

/** A request that fails validation; {@code field} names what was wrong (a path variable, "body", a JSON pointer). */
public class InvalidRequestException extends RuntimeException {
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
