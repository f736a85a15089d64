package dev.sprintflow.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out usable access tokens and refreshes them, once per connection however many syncs ask at
 * the same moment.
 *
 * <p>Single flight: a refresh runs under a per-connection lock (striped, in this JVM) and inside a
 * transaction that row-locks the connection ({@code SELECT ... FOR UPDATE}). Whoever gets the lock
 * second re-reads the row and, finding a token another caller stored meanwhile, uses it instead of
 * refreshing again. The row lock extends this to several service instances on one PostgreSQL
 * database (the JVM lock only keeps threads of one instance from queueing on database connections).
 * A rotated refresh token is stored in the same transaction as the access token it came with.
 */
@Component
public class TokenRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
  private static final int STRIPES = 64;

  private final ConnectionRepository connections;
  private final TokenCipher cipher;
  private final TokenEndpointClient endpoint;
  private final OAuthProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public TokenRefresher(ConnectionRepository connections, TokenCipher cipher, TokenEndpointClient endpoint,
      OAuthProperties properties, Clock clock, PlatformTransactionManager transactionManager) {
    this.connections = connections;
    this.cipher = cipher;
    this.endpoint = endpoint;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** A token valid for at least the refresh buffer; refreshes first when the stored one is not. */
  public BearerToken accessToken(String connectionId) {
    Connection connection = connections.find(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
    if (connection.status() == ConnectionStatus.REAUTH_REQUIRED) {
      throw reauth(connection, String.valueOf(connection.statusReason())); // at once: no lock, no provider call
    }
    if (connection.status() == ConnectionStatus.CONNECTED && fresh(connection)) {
      BearerToken token = openAccess(connection);
      if (token != null) {
        return token;
      }
    }
    return refresh(connectionId, connection.tokenRevision(), false);
  }

  /**
   * The provider refused {@code rejected} (HTTP 401 or its equivalent): refresh, unless another
   * caller already replaced that token, in which case theirs is returned.
   */
  public BearerToken replaceRejected(String connectionId, BearerToken rejected) {
    return refresh(connectionId, rejected.revision(), true);
  }

  /** Whether a connection's stored access token is good for at least the refresh buffer. */
  public boolean fresh(Connection connection) {
    Instant expires = connection.accessExpiresAt();
    return connection.accessToken() != null
        && (expires == null || expires.isAfter(clock.instant().plus(properties.refreshBuffer())));
  }

  private BearerToken refresh(String connectionId, long seenRevision, boolean rejected) {
    ReentrantLock lock = locks[Math.floorMod(connectionId.hashCode(), STRIPES)];
    lock.lock();
    try {
      Outcome outcome = transactions.execute(status -> refreshLocked(connectionId, seenRevision, rejected));
      if (outcome.token() == null) {
        throw outcome.problem();
      }
      return outcome.token();
    } finally {
      lock.unlock();
    }
  }

  /** Runs in the transaction holding the row lock. Reauth outcomes are returned so their status change commits. */
  private Outcome refreshLocked(String connectionId, long seenRevision, boolean rejected) {
    Connection c = connections.findForUpdate(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
    if (c.status() != ConnectionStatus.CONNECTED) {
      return Outcome.of(reauth(c, c.status() == ConnectionStatus.PENDING
          ? "it has not been authorised yet" : String.valueOf(c.statusReason())));
    }
    boolean replacedMeanwhile = c.tokenRevision() != seenRevision;
    if ((replacedMeanwhile || !rejected) && fresh(c)) {
      BearerToken current = openAccess(c);
      if (current != null) {
        return Outcome.of(current); // another caller refreshed while we waited: single flight
      }
    }
    String refreshToken = openRefresh(c);
    if (refreshToken == null) {
      return Outcome.of(requireReauth(c, "the access token "
          + (rejected ? "was rejected" : "expired") + " and there is no usable refresh token"));
    }
    TokenGrant grant;
    try {
      grant = endpoint.refresh(c.provider(), refreshToken);
    } catch (TokenEndpointException e) {
      if (e.kind() == TokenEndpointException.Kind.INVALID_GRANT) {
        return Outcome.of(requireReauth(c, "the provider refused the refresh token (" + e.errorCode()
            + "): the grant was revoked or has expired"));
      }
      throw e;
    }
    boolean rotated = grant.refreshToken() != null && !grant.refreshToken().equals(refreshToken);
    String nextRefresh = grant.refreshToken() != null ? grant.refreshToken() : refreshToken;
    StoredTokens stored = new StoredTokens(
        cipher.seal(grant.accessToken(), Connection.accessContext(connectionId)),
        cipher.seal(nextRefresh, Connection.refreshContext(connectionId)),
        grant.expiresAt(),
        grant.scope() != null ? grant.scope() : c.grantedScopes());
    long revision = connections.storeTokens(connectionId, stored, clock.instant(), true);
    LOG.info("Refreshed the access token of {} connection '{}' (valid until {}{})", c.provider(), connectionId,
        grant.expiresAt() == null ? "no expiry given" : grant.expiresAt(), rotated ? "; refresh token rotated" : "");
    return Outcome.of(new BearerToken(grant.accessToken(), revision, grant.expiresAt()));
  }

  private BearerToken openAccess(Connection c) {
    if (c.accessToken() == null) {
      return null;
    }
    try {
      return new BearerToken(cipher.open(c.accessToken(), Connection.accessContext(c.id())), c.tokenRevision(), c.accessExpiresAt());
    } catch (TokenDecryptionException e) {
      LOG.warn("Connection '{}': {}; a refresh will replace it", c.id(), e.getMessage());
      return null;
    }
  }

  private String openRefresh(Connection c) {
    if (c.refreshToken() == null) {
      return null;
    }
    try {
      return cipher.open(c.refreshToken(), Connection.refreshContext(c.id()));
    } catch (TokenDecryptionException e) {
      LOG.warn("Connection '{}': refresh token unusable: {}", c.id(), e.getMessage());
      return null;
    }
  }

  private ReauthRequiredException requireReauth(Connection c, String reason) {
    connections.requireReauth(c.id(), reason, clock.instant());
    LOG.warn("The {} connection '{}' needs reconnecting: {}", c.provider(), c.id(), reason);
    return reauth(c, reason);
  }

  private static ReauthRequiredException reauth(Connection c, String reason) {
    return new ReauthRequiredException(c.id(), c.provider(), c.account(), reason);
  }

  private record Outcome(BearerToken token, ReauthRequiredException problem) {
    static Outcome of(BearerToken token) {
      return new Outcome(token, null);
    }

    static Outcome of(ReauthRequiredException problem) {
      return new Outcome(null, problem);
    }
  }
}
