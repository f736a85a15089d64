package dev.sprintflow.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code oauth_connection} table. Token columns hold only {@link SealedSecret} bytes. */
@Repository
public class ConnectionRepository {

  private static final String COLUMNS = "id, provider, account, status, access_token, refresh_token, token_key_id,"
      + " access_expires_at, granted_scopes, token_revision, status_reason, created_at, updated_at, last_refreshed_at";

  private final JdbcClient jdbc;

  public ConnectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a pending connection; a duplicate id raises Spring's DuplicateKeyException. */
  public void insert(String id, String provider, String account, Instant now) {
    jdbc.sql("INSERT INTO oauth_connection (id, provider, account, status, created_at, updated_at)"
            + " VALUES (:id, :provider, :account, :status, :now, :now)")
        .param("id", id).param("provider", provider).param("account", account)
        .param("status", ConnectionStatus.PENDING.name()).param("now", ts(now))
        .update();
  }

  public Optional<Connection> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_connection WHERE id = :id")
        .param("id", id).query(ConnectionRepository::map).optional();
  }

  /**
   * Reads and row-locks the connection until the surrounding transaction ends: on PostgreSQL this
   * serialises token refreshes across service instances.
   */
  public Optional<Connection> findForUpdate(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_connection WHERE id = :id FOR UPDATE")
        .param("id", id).query(ConnectionRepository::map).optional();
  }

  public List<Connection> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_connection ORDER BY created_at, id")
        .query(ConnectionRepository::map).list();
  }

  /** Connections whose tokens are sealed with another key than the given one. */
  public List<String> idsSealedWithOtherKey(String keyId) {
    return jdbc.sql("SELECT id FROM oauth_connection WHERE token_key_id IS NOT NULL AND token_key_id <> :key ORDER BY id")
        .param("key", keyId).query(String.class).list();
  }

  public boolean delete(String id) {
    return jdbc.sql("DELETE FROM oauth_connection WHERE id = :id").param("id", id).update() == 1;
  }

  /** New tokens from consent or refresh: the connection is CONNECTED again; returns the new revision. */
  public long storeTokens(String id, StoredTokens tokens, Instant now, boolean refreshed) {
    int rows = jdbc.sql("UPDATE oauth_connection SET status = :status, access_token = :access, refresh_token = :refresh,"
            + " token_key_id = :key, access_expires_at = :expires, granted_scopes = :scopes,"
            + " token_revision = token_revision + 1, status_reason = NULL, updated_at = :now"
            + (refreshed ? ", last_refreshed_at = :now" : "")
            + " WHERE id = :id")
        .param("status", ConnectionStatus.CONNECTED.name())
        .param("access", tokens.access().ciphertext())
        .param("refresh", tokens.refresh() == null ? null : tokens.refresh().ciphertext())
        .param("key", tokens.access().keyId())
        .param("expires", ts(tokens.accessExpiresAt()))
        .param("scopes", tokens.grantedScopes())
        .param("now", ts(now))
        .param("id", id)
        .update();
    if (rows != 1) {
      throw new UnknownConnectionException(id);
    }
    return jdbc.sql("SELECT token_revision FROM oauth_connection WHERE id = :id").param("id", id).query(Long.class).single();
  }

  /** The grant is gone: forget the useless tokens and say why (the reason never holds a token). */
  public void requireReauth(String id, String reason, Instant now) {
    jdbc.sql("UPDATE oauth_connection SET status = :status, access_token = NULL, refresh_token = NULL,"
            + " token_key_id = NULL, access_expires_at = NULL, token_revision = token_revision + 1,"
            + " status_reason = :reason, updated_at = :now WHERE id = :id")
        .param("status", ConnectionStatus.REAUTH_REQUIRED.name())
        .param("reason", truncate(reason, 1000))
        .param("now", ts(now))
        .param("id", id)
        .update();
  }

  /** Key rotation: replaces the ciphertexts only if no refresh changed the tokens meanwhile. */
  public boolean reseal(String id, long revision, SealedSecret access, SealedSecret refresh) {
    return jdbc.sql("UPDATE oauth_connection SET access_token = :access, refresh_token = :refresh, token_key_id = :key"
            + " WHERE id = :id AND token_revision = :revision")
        .param("access", access.ciphertext())
        .param("refresh", refresh == null ? null : refresh.ciphertext())
        .param("key", access.keyId())
        .param("id", id)
        .param("revision", revision)
        .update() == 1;
  }

  private static Connection map(ResultSet rs, int row) throws SQLException {
    String keyId = rs.getString("token_key_id");
    return new Connection(
        rs.getString("id"),
        rs.getString("provider"),
        rs.getString("account"),
        ConnectionStatus.valueOf(rs.getString("status")),
        sealed(rs.getBytes("access_token"), keyId),
        sealed(rs.getBytes("refresh_token"), keyId),
        instant(rs, "access_expires_at"),
        rs.getString("granted_scopes"),
        rs.getLong("token_revision"),
        rs.getString("status_reason"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "last_refreshed_at"));
  }

  private static SealedSecret sealed(byte[] bytes, String keyId) {
    return bytes == null || keyId == null ? null : new SealedSecret(bytes, keyId);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
