package dev.sprintflow.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.oauth.*}: how Sprintflow talks to OAuth providers (workers/oauth-sync.md).
 *
 * @param refreshBuffer refresh an access token that expires within this time (default 5 min)
 * @param publicBaseUrl where browsers reach this service; the callback and authorize links are
 *     built on it and must match what is registered with the provider (default http://localhost:8080)
 * @param consentTimeout how long an authorize redirect may take to come back (default 10 min)
 * @param connectTimeout connection timeout towards providers (default 5 s)
 * @param readTimeout response timeout towards providers (default 30 s)
 * @param providers provider name (gmail, slack, ...) to its endpoints and client registration
 */
@ConfigurationProperties("sprintflow.oauth")
public record OAuthProperties(
    Duration refreshBuffer,
    URI publicBaseUrl,
    Duration consentTimeout,
    Duration connectTimeout,
    Duration readTimeout,
    Map<String, ProviderSettings> providers) {

  public OAuthProperties {
    refreshBuffer = refreshBuffer == null ? Duration.ofMinutes(5) : refreshBuffer;
    publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
    consentTimeout = consentTimeout == null ? Duration.ofMinutes(10) : consentTimeout;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    providers = providers == null ? Map.of() : Map.copyOf(new TreeMap<>(providers));
    if (refreshBuffer.isNegative()) {
      throw new IllegalArgumentException("sprintflow.oauth.refresh-buffer must not be negative");
    }
  }
}
