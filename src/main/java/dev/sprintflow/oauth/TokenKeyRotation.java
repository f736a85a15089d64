package dev.sprintflow.oauth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation: on start-up, tokens sealed with an older key are re-sealed with the active one.
 * Rotate by adding a new key, making it active and restarting; once the log says nothing is left
 * under the old id, remove that key.
 */
@Component
public class TokenKeyRotation implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TokenKeyRotation.class);

  private final ConnectionRepository connections;
  private final TokenCipher cipher;
  private final TransactionTemplate transactions;

  public TokenKeyRotation(ConnectionRepository connections, TokenCipher cipher, PlatformTransactionManager transactionManager) {
    this.connections = connections;
    this.cipher = cipher;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void run(ApplicationArguments args) {
    int resealed = resealAll();
    if (resealed > 0) {
      LOG.info("Re-sealed the tokens of {} connection(s) with the active key '{}'", resealed, cipher.activeKeyId());
    }
  }

  /** Re-seals every connection not yet under the active key; returns how many it re-sealed. */
  public int resealAll() {
    int count = 0;
    for (String id : connections.idsSealedWithOtherKey(cipher.activeKeyId())) {
      Boolean done = transactions.execute(status -> connections.findForUpdate(id).map(this::reseal).orElse(false));
      count += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return count;
  }

  private boolean reseal(Connection c) {
    if (c.accessToken() == null || c.accessToken().keyId().equals(cipher.activeKeyId())) {
      return false;
    }
    try {
      String access = cipher.open(c.accessToken(), Connection.accessContext(c.id()));
      String refresh = c.refreshToken() == null ? null : cipher.open(c.refreshToken(), Connection.refreshContext(c.id()));
      return connections.reseal(c.id(), c.tokenRevision(),
          cipher.seal(access, Connection.accessContext(c.id())),
          refresh == null ? null : cipher.seal(refresh, Connection.refreshContext(c.id())));
    } catch (TokenDecryptionException e) {
      LOG.warn("Connection '{}' cannot be re-sealed ({}); it will ask for reconnecting when next used", c.id(), e.getMessage());
      return false;
    }
  }
}
