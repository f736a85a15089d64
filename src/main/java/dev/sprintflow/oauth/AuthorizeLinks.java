package dev.sprintflow.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Links a browser follows: the consent start (shown to people, e.g. in triage) and the callback
 * registered with the provider. Built on {@code sprintflow.oauth.public-base-url}; they carry the
 * connection id only, never a secret.
 */
@Component
public class AuthorizeLinks {

  private final String base;

  public AuthorizeLinks(OAuthProperties properties) {
    String url = properties.publicBaseUrl().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public URI authorize(String provider, String connectionId) {
    return URI.create(base + "/oauth/" + encode(provider) + "/authorize?connection=" + encode(connectionId));
  }

  public URI callback(String provider) {
    return URI.create(base + "/oauth/" + encode(provider) + "/callback");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
