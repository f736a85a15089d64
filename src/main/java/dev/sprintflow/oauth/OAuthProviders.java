package dev.sprintflow.oauth;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The configured providers, looked up by name ({@code gmail}, {@code slack}, ...). */
@Component
public class OAuthProviders {

  private final OAuthProperties properties;

  public OAuthProviders(OAuthProperties properties) {
    this.properties = properties;
  }

  public Set<String> names() {
    return new TreeSet<>(properties.providers().keySet());
  }

  public boolean exists(String provider) {
    return provider != null && properties.providers().containsKey(provider);
  }

  /** The provider's settings; throws {@link UnknownProviderException} for an unconfigured name. */
  public ProviderSettings settings(String provider) {
    ProviderSettings settings = provider == null ? null : properties.providers().get(provider);
    if (settings == null) {
      throw new UnknownProviderException(provider, names());
    }
    return settings;
  }

  /** As {@link #settings}, and the client id and secret must be set: needed for consent and refresh. */
  public ProviderSettings withClient(String provider) {
    ProviderSettings settings = settings(provider);
    if (!settings.hasClient() || settings.authorizeUri() == null || settings.tokenUri() == null) {
      throw new ProviderNotConfiguredException(provider);
    }
    return settings;
  }
}
