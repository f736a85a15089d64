package dev.sprintflow.api;

/** A named resource does not exist; {@code resource} says what kind. */
public class NotFoundException extends RuntimeException {
  private final String resource;

  public NotFoundException(String resource, String message) {
    super(message);
    this.resource = resource;
  }

  public String resource() {
    return resource;
  }
}
