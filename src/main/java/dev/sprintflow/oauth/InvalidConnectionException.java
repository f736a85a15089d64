package dev.sprintflow.oauth;

/** A connection request that fails validation; {@code field} names the offending field. */
public class InvalidConnectionException extends RuntimeException {

  private final String field;

  public InvalidConnectionException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
