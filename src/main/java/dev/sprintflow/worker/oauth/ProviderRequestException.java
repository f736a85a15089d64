package dev.sprintflow.worker.oauth;

/** Any other refusal by the provider (a 4xx that is not about the token, an unexpected API error). */
public class ProviderRequestException extends RuntimeException {
  public ProviderRequestException(String message) {
    super(message);
  }
}
