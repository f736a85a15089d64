package dev.sprintflow.oauth;

import java.time.Instant;

/**
 * An opened access token for one provider call. {@code revision} is the connection's token revision
 * it came from, which a caller hands back when the provider rejects it.
 */
public record BearerToken(String value, long revision, Instant expiresAt) {

  /** The Authorization header value. */
  public String header() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "BearerToken[(redacted), revision=" + revision + ", expiresAt=" + expiresAt + "]";
  }
}
