package dev.sprintflow.oauth;

import java.time.Instant;

/**
 * A provider account Sprintflow may read, as stored. Tokens stay sealed here; only
 * {@link TokenRefresher} opens them, for the moment of a provider call.
 *
 * @param tokenRevision bumped on every token change, so a sync whose token was rejected refreshes
 *     only if nobody else refreshed since it read the token
 */
public record Connection(
    String id,
    String provider,
    String account,
    ConnectionStatus status,
    SealedSecret accessToken,
    SealedSecret refreshToken,
    Instant accessExpiresAt,
    String grantedScopes,
    long tokenRevision,
    String statusReason,
    Instant createdAt,
    Instant updatedAt,
    Instant lastRefreshedAt) {

  /** Associated data binding a sealed access token to this connection's access column. */
  static String accessContext(String connectionId) {
    return "connection:" + connectionId + ":access";
  }

  static String refreshContext(String connectionId) {
    return "connection:" + connectionId + ":refresh";
  }
}
