package dev.sprintflow.api;

/** A named resource does not exist; {@code resource} says what kind, {@code field} which request part named it. */
public class NotFoundException extends RuntimeException {
  private final String resource;
  private final String field;

  public NotFoundException(String resource, String message) {
    this(resource, null, message);
  }

  public NotFoundException(String resource, String field, String message) {
    super(message);
    this.resource = resource;
    this.field = field;
  }

  public String resource() {
    return resource;
  }

  /** The path variable or parameter that named the missing resource, or null. */
  public String field() {
    return field;
  }
}
