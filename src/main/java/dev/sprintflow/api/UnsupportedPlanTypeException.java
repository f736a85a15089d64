package dev.sprintflow.api;

/** The request's Content-Type is not a plan format. */
public class UnsupportedPlanTypeException extends RuntimeException {
  public UnsupportedPlanTypeException(String message) {
    super(message);
  }
}
