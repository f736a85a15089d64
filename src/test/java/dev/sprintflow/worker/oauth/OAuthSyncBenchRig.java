package dev.sprintflow.worker.oauth;


import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sprintflow.test.PostgresTestDatabase;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * What dev.sprintflow.bench.OAuthSyncBenchmark measures: a connected Gmail connection, a fake Gmail
 * mailbox on WireMock (pages of a given size, metadata per message), and the service's sync with
 * its database (H2 in memory, or a scratch schema on the tests' PostgreSQL).
 */
public final class OAuthSyncBenchRig implements AutoCloseable {

  private final MockOAuth2Server authServer = new MockOAuth2Server();
  private final WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort()
      .bindAddress("127.0.0.1").containerThreads(32).disableRequestJournal());
  private OAuthFixture fixture;
  private String schema;
  private final int messages;
  private int pageSize;

  public OAuthSyncBenchRig(String database, int messages, int pageSize) throws Exception {
    this.messages = messages;
    try {
      start(database, pageSize);
    } catch (Exception | Error e) {
      close(); // a failed set-up must not leave servers running (JMH would wait for them)
      throw e;
    }
  }

  private void start(String database, int pageSize) throws Exception {
    this.pageSize = pageSize;
    authServer.start(InetAddress.getLoopbackAddress(), 0);
    authServer.issueToken("gmail", "warm-up", "default"); // signing keys made before any timeout runs
    api.start();
    if (database.equals("postgres")) {
      PostgresTestDatabase.Server server = PostgresTestDatabase.server();
      schema = "bench_oauth_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffff);
      try (Connection c = server.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      fixture = new OAuthFixture(OAuthFixture.pool(server.url(), server.username(), server.password(), schema),
          authServer, api, new SyncProperties(pageSize, messages / pageSize + 10, null, null, null, null, null, null));
    } else {
      schema = null;
      fixture = new OAuthFixture(OAuthFixture.pool("jdbc:h2:mem:bench-" + System.nanoTime()
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", null),
          authServer, api, new SyncProperties(pageSize, messages / pageSize + 10, null, null, null, null, null, null));
    }
    List<List<String>> pages = new ArrayList<>();
    for (int from = 1; from <= messages; from += pageSize) {
      pages.add(FakeGmail.ids("bench", from, Math.min(pageSize, messages - from + 1)));
    }
    new FakeGmail(api).profile("1000").metadata().pages(pages).history("1000", List.of(), "1000");
    fixture.connectionService.create("bench-gmail", "gmail", "bench@example.com");
    URI callback = Browser.consent(fixture.consent.authorizeRedirect("gmail", "bench-gmail"), "bench@example.com");
    fixture.consent.complete("gmail", Browser.query(callback));
  }

  /** Forgets what was synced, so the next sync reads the whole mailbox again into an empty table. */
  public void reset() {
    fixture.jdbc.sql("DELETE FROM communications").update();
    fixture.jdbc.sql("DELETE FROM oauth_sync_cursor").update();
  }

  /**
   * The database side alone: the same 10,000 messages as stored pages (upsert and cursor move per
   * page, one transaction each), without any HTTP.
   */
  public int storeAll() {
    long revision = 0;
    int stored = 0;
    for (int from = 1; from <= messages; from += pageSize) {
      List<Communication> page = new ArrayList<>();
      for (String id : FakeGmail.ids("bench", from, Math.min(pageSize, messages - from + 1))) {
        page.add(new Communication("bench@example.com/" + id, "t-" + id, "Client <client@example.com>", "Subject " + id,
            "Snippet of " + id, "INBOX,UNREAD", java.time.Instant.ofEpochMilli(1_767_225_600_000L)));
      }
      StoreCounts counts = fixture.pages.store("gmail", "bench-gmail", "mailbox", revision,
          new SyncPage(page, "{\"pageToken\":\"" + from + "\"}", false)).orElseThrow();
      revision++;
      stored += counts.inserted();
    }
    if (stored != messages) {
      throw new IllegalStateException("Stored " + stored + " of " + messages);
    }
    return stored;
  }

  /** One full sync; returns how many messages it stored (checked, so a broken run cannot look fast). */
  public int syncAll() {
    SyncOutcome outcome = fixture.sync.sync("bench-gmail", SyncOptions.none());
    if (!outcome.caughtUp() || outcome.inserted() != messages || fixture.communications() != messages) {
      throw new IllegalStateException("Incomplete sync: " + outcome.summary());
    }
    return outcome.inserted();
  }

  @Override
  public void close() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (schema != null) {
      try (Connection c = PostgresTestDatabase.server().connect(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
    api.stop();
    authServer.shutdown();
  }

}
