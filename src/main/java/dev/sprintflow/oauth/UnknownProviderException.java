package dev.sprintflow.oauth;

import java.util.Set;

/** A provider name that is not configured under {@code sprintflow.oauth.providers}. */
public class UnknownProviderException extends RuntimeException {

  private final String provider;

  public UnknownProviderException(String provider, Set<String> known) {
    super("Unknown OAuth provider '%s'; configured: %s".formatted(provider, String.join(", ", known)));
    this.provider = provider;
  }

  public String provider() {
    return provider;
  }
}
