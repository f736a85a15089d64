package dev.sprintflow.oauth;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pending consents ({@code oauth_consent_state}): kept in the database rather than an HTTP session
 * so the callback may land on any instance, and a state is usable once.
 */
@Repository
public class ConsentStateRepository {

  /** What the authorize redirect remembered for its callback. */
  public record PendingConsent(String state, String connectionId, String provider, URI redirectUri,
      SealedSecret codeVerifier, Instant expiresAt) {}

  private final JdbcClient jdbc;

  public ConsentStateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(PendingConsent consent) {
    jdbc.sql("INSERT INTO oauth_consent_state (state, connection_id, provider, redirect_uri, code_verifier,"
            + " verifier_key_id, expires_at) VALUES (:state, :connection, :provider, :redirect, :verifier, :key, :expires)")
        .param("state", consent.state())
        .param("connection", consent.connectionId())
        .param("provider", consent.provider())
        .param("redirect", consent.redirectUri().toString())
        .param("verifier", consent.codeVerifier().ciphertext())
        .param("key", consent.codeVerifier().keyId())
        .param("expires", ConnectionRepository.ts(consent.expiresAt()))
        .update();
  }

  /**
   * Removes and returns the consent for a state. Of two callbacks with the same state only the one
   * whose delete removed the row gets it.
   */
  public Optional<PendingConsent> take(String state) {
    Optional<PendingConsent> found = jdbc.sql("SELECT state, connection_id, provider, redirect_uri, code_verifier,"
            + " verifier_key_id, expires_at FROM oauth_consent_state WHERE state = :state")
        .param("state", state)
        .query((rs, row) -> new PendingConsent(
            rs.getString("state"),
            rs.getString("connection_id"),
            rs.getString("provider"),
            URI.create(rs.getString("redirect_uri")),
            new SealedSecret(rs.getBytes("code_verifier"), rs.getString("verifier_key_id")),
            ConnectionRepository.instant(rs, "expires_at")))
        .optional();
    if (found.isEmpty()) {
      return found;
    }
    int deleted = jdbc.sql("DELETE FROM oauth_consent_state WHERE state = :state").param("state", state).update();
    return deleted == 1 ? found : Optional.empty();
  }

  public int deleteExpired(Instant now) {
    return jdbc.sql("DELETE FROM oauth_consent_state WHERE expires_at < :now")
        .param("now", ConnectionRepository.ts(now)).update();
  }
}
