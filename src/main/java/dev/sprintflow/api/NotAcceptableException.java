package dev.sprintflow.api;

import java.util.List;

/** The Accept header names no representation the resource has. */
public class NotAcceptableException extends RuntimeException {
  private final List<String> supported;

  public NotAcceptableException(String accept, List<String> supported) {
    super("Accept '" + accept + "' matches none of " + String.join(", ", supported));
    this.supported = List.copyOf(supported);
  }

  public List<String> supported() {
    return supported;
  }
}
