package dev.sprintflow.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creating, listing and removing connections (the consent and token sides live elsewhere). */
@Service
public class ConnectionService {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConnectionRepository connections;
  private final OAuthProviders providers;
  private final Clock clock;

  public ConnectionService(ConnectionRepository connections, OAuthProviders providers, Clock clock) {
    this.connections = connections;
    this.providers = providers;
    this.clock = clock;
  }

  /**
   * A new, pending connection.
   *
   * @param id wanted id (lower-case letters, digits, '.', '_', '-'; at most 64), or null for a generated one
   * @param account the provider account (a mailbox, a Slack workspace); part of every message's external id
   */
  public Connection create(String id, String provider, String account) {
    if (provider == null || provider.isBlank()) {
      throw new InvalidConnectionException("provider", "provider is required; configured: " + String.join(", ", providers.names()));
    }
    if (!providers.exists(provider)) {
      throw new InvalidConnectionException("provider", new UnknownProviderException(provider, providers.names()).getMessage());
    }
    if (account == null || account.isBlank() || account.length() > 320 || account.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidConnectionException("account",
          "account is required: the mailbox or workspace this connection reads (at most 320 characters)");
    }
    String connectionId = id == null || id.isBlank() ? provider + "-" + HexFormat.of().formatHex(randomBytes()) : id.strip();
    if (!ID.matcher(connectionId).matches()) {
      throw new InvalidConnectionException("id", "id '" + connectionId
          + "' must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    try {
      connections.insert(connectionId, provider, account.strip(), clock.instant());
    } catch (DuplicateKeyException e) {
      throw new InvalidConnectionException("id", "A connection '" + connectionId + "' exists already");
    }
    return connections.find(connectionId).orElseThrow();
  }

  public Connection get(String id) {
    return connections.find(id).orElseThrow(() -> new UnknownConnectionException(id));
  }

  public List<Connection> list() {
    return connections.list();
  }

  /** Deletes the connection with its tokens and cursors (the synced messages stay). */
  public void delete(String id) {
    if (!connections.delete(id)) {
      throw new UnknownConnectionException(id);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
