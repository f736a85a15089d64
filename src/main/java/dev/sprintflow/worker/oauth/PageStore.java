package dev.sprintflow.worker.oauth;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a page and moves its cursor in one transaction: the cursor never points past a page that
 * is not stored, and a crash before commit leaves both as they were (the retry fetches the page
 * again and the upsert absorbs it). The cursor is claimed first, so a concurrent sync of the same
 * stream fails fast instead of writing the same rows.
 */
@Component
public class PageStore {

  private final CommunicationStore communications;
  private final SyncCursorRepository cursors;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public PageStore(CommunicationStore communications, SyncCursorRepository cursors,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.communications = communications;
    this.cursors = cursors;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** The page's counts, or empty when another sync moved the cursor since {@code revision} (nothing written). */
  public Optional<StoreCounts> store(String provider, String connectionId, String stream, long revision, SyncPage page) {
    return transactions.execute(status -> {
      if (!cursors.advance(connectionId, stream, revision, page.nextPosition(), clock.instant())) {
        status.setRollbackOnly();
        return Optional.<StoreCounts>empty();
      }
      return Optional.of(communications.upsert(provider, connectionId, page.messages(), clock.instant()));
    });
  }
}
