package dev.sprintflow.api;

/** The request body is over the configured limit. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(long declared, long limit) {
    super((declared > 0 ? "The body has " + declared + " bytes" : "The body is larger than the limit")
        + "; plans may have at most " + limit + " bytes (sprintflow.api.max-plan-size)");
  }
}
