package dev.sprintflow.worker.oauth;

/** A 5xx, a timeout or no answer at all: transient, retried with backoff. */
public class ProviderUnavailableException extends RuntimeException {
  public ProviderUnavailableException(String message) {
    super(message);
  }
}
