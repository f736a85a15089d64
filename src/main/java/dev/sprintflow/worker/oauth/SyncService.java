package dev.sprintflow.worker.oauth;

import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConnectionRepository;
import dev.sprintflow.oauth.UnknownConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Incremental sync of one connection: page by page from the stored cursor, each page stored
 * together with its cursor, until the provider has nothing more or the run's budget is spent.
 * Safe to run twice at once and to retry after any crash: the cursor moves by compare-and-set and
 * messages are upserted.
 */
@Service
public class SyncService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

  private final ConnectionRepository connections;
  private final Map<String, ProviderSync> syncs;
  private final ProviderApiFactory apis;
  private final SyncCursorRepository cursors;
  private final PageStore pages;
  private final SyncProperties properties;
  private final Clock clock;

  public SyncService(ConnectionRepository connections, List<ProviderSync> syncs, ProviderApiFactory apis,
      SyncCursorRepository cursors, PageStore pages, SyncProperties properties, Clock clock) {
    this.connections = connections;
    this.syncs = syncs.stream().collect(Collectors.toUnmodifiableMap(ProviderSync::provider, Function.identity()));
    this.apis = apis;
    this.cursors = cursors;
    this.pages = pages;
    this.properties = properties;
    this.clock = clock;
  }

  /** Checks that the connection exists and its provider can sync with these options; returns the stream key. */
  public String validate(String connectionId, SyncOptions options) {
    Connection connection = connections.find(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
    return providerOf(connection).streamKey(options);
  }

  public SyncOutcome sync(String connectionId, SyncOptions options) {
    Connection connection = connections.find(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
    ProviderSync provider = providerOf(connection);
    String stream = provider.streamKey(options);
    int pageSize = options.pageSize() != null ? options.pageSize() : properties.pageSize();
    int maxPages = options.maxPages() != null ? options.maxPages() : properties.maxPages();
    Instant deadline = clock.instant().plus(properties.maxDuration());
    ProviderApi api = apis.open(connection);

    int stored = 0;
    int attempts = 0;
    int fetched = 0;
    StoreCounts counts = StoreCounts.NONE;
    boolean caughtUp = false;
    SyncCursorRepository.Cursor cursor = cursors.read(connectionId, stream);
    // Conflicts count against the budget too, so two syncs racing cannot loop forever.
    while (attempts < maxPages * 2 && stored < maxPages) {
      attempts++;
      SyncPage page = provider.fetchPage(api, new SyncRequest(connection, options, cursor.position(), pageSize));
      Optional<StoreCounts> result = pages.store(connection.provider(), connectionId, stream, cursor.revision(), page);
      if (result.isEmpty()) {
        LOG.debug("Connection '{}' stream {}: another sync moved the cursor; continuing from there", connectionId, stream);
        cursor = cursors.read(connectionId, stream);
        continue;
      }
      stored++;
      fetched += page.messages().size();
      counts = counts.plus(result.get());
      cursor = new SyncCursorRepository.Cursor(page.nextPosition(), cursor.revision() + 1);
      if (page.caughtUp()) {
        caughtUp = true;
        break;
      }
      if (clock.instant().isAfter(deadline)) {
        break;
      }
    }
    SyncOutcome outcome = new SyncOutcome(connectionId, connection.provider(), stream, stored, fetched,
        counts.inserted(), counts.updated(), counts.unchanged(), cursor.position(), caughtUp);
    LOG.info("Synced {}", outcome.summary());
    return outcome;
  }

  private ProviderSync providerOf(Connection connection) {
    ProviderSync provider = syncs.get(connection.provider());
    if (provider == null) {
      throw new InvalidSyncOptionsException("connectionId", "No sync is implemented for provider '"
          + connection.provider() + "' (implemented: " + syncs.keySet() + ")");
    }
    return provider;
  }
}
