package dev.sprintflow.oauth;

import java.time.Instant;

/**
 * Tokens as a token endpoint issued them. Lives only in memory between the endpoint and
 * {@link TokenCipher}; {@link #toString} never prints a token.
 *
 * @param refreshToken null when the provider issued none (or did not rotate it on refresh)
 * @param expiresAt null when the provider gave no lifetime (the token does not expire)
 * @param scope the granted scopes, when the provider says
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, String scope) {

  public TokenGrant {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("A token grant needs an access token");
    }
  }

  @Override
  public String toString() {
    return "TokenGrant[accessToken=(redacted), refreshToken=" + (refreshToken == null ? "none" : "(redacted)")
        + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
  }
}
