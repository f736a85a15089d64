package dev.sprintflow.worker.oauth;

import java.time.Duration;

/** The provider answered 429: come back after {@link #retryAfter()} (from Retry-After, or the default). */
public class RateLimitedException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
