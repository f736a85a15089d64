package dev.sprintflow.oauth;

import java.util.Locale;

/** A provider without client id, secret or endpoints: an operator must configure it. */
public class ProviderNotConfiguredException extends RuntimeException {

  private final String provider;

  public ProviderNotConfiguredException(String provider) {
    super(("OAuth provider '%1$s' has no client registration: set sprintflow.oauth.providers.%1$s.client-id and "
        + ".client-secret (e.g. SPRINTFLOW_OAUTH_%2$s_CLIENT_ID and SPRINTFLOW_OAUTH_%2$s_CLIENT_SECRET)")
        .formatted(provider, provider.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    this.provider = provider;
  }

  public String provider() {
    return provider;
  }
}
