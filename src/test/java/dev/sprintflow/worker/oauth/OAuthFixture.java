package dev.sprintflow.worker.oauth;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sprintflow.oauth.AuthorizeLinks;
import dev.sprintflow.oauth.ConnectionAuthorized;
import dev.sprintflow.oauth.ConnectionRepository;
import dev.sprintflow.oauth.ConnectionService;
import dev.sprintflow.oauth.ConsentService;
import dev.sprintflow.oauth.ConsentStateRepository;
import dev.sprintflow.oauth.OAuthProperties;
import dev.sprintflow.oauth.OAuthProviders;
import dev.sprintflow.oauth.ProviderSettings;
import dev.sprintflow.oauth.TokenCipher;
import dev.sprintflow.oauth.TokenEncryptionProperties;
import dev.sprintflow.oauth.TokenEndpointClient;
import dev.sprintflow.oauth.TokenRefresher;
import dev.sprintflow.test.PostgresTestDatabase;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The oauth-sync object graph as Spring wires it, over a fresh PostgreSQL schema (migrated by
 * Flyway with the service's own migrations) and real protocol peers: mock-oauth2-server as Gmail's
 * authorization server, WireMock as the Gmail and Slack APIs and Slack's token endpoint.
 */
final class OAuthFixture implements AutoCloseable {

  static final String CLIENT_ID = "sprintflow-test";
  static final String CLIENT_SECRET = "client-secret-not-a-token";

  final HikariDataSource dataSource;
  final JdbcTransactionManager transactions;
  final String key;
  final JdbcClient jdbc;
  final TestClock clock = new TestClock();
  final TokenCipher cipher;
  final OAuthProperties properties;
  final ConnectionRepository connections;
  final ConnectionService connectionService;
  final TokenRefresher refresher;
  final ConsentService consent;
  final SyncService sync;
  final SyncCursorRepository cursors;
  final PageStore pages;
  final SyncFailures failures;
  final List<ConnectionAuthorized> authorized = new CopyOnWriteArrayList<>();

  OAuthFixture(PostgresTestDatabase.Schema schema, MockOAuth2Server authServer, WireMockServer api, SyncProperties sync) {
    this(pool(schema.url(), schema.username(), schema.password(), schema.name()), authServer, api, sync);
  }

  /** Over any database Flyway can migrate (the benchmark also runs on H2). */
  OAuthFixture(HikariDataSource dataSource, MockOAuth2Server authServer, WireMockServer api, SyncProperties sync) {
    this.dataSource = dataSource;
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/service")
        .table("sprintflow_schema_history").load().migrate();
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new JdbcTransactionManager(dataSource);

    this.properties = new OAuthProperties(Duration.ofMinutes(5), URI.create("http://127.0.0.1:8080"), Duration.ofMinutes(10),
        Duration.ofSeconds(3), Duration.ofSeconds(3), Map.of(
            "gmail", gmail(authServer, api),
            "slack", slack(api)));
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.key = Base64.getEncoder().encodeToString(bytes);
    this.cipher = new TokenCipher(new TokenEncryptionProperties(Map.of("k1", key), "k1"));
    OAuthProviders providers = new OAuthProviders(properties);
    this.connections = new ConnectionRepository(jdbc);
    this.connectionService = new ConnectionService(connections, providers, clock);
    TokenEndpointClient endpoint = new TokenEndpointClient(providers, properties, clock);
    this.refresher = new TokenRefresher(connections, cipher, endpoint, properties, clock, transactions);
    AuthorizeLinks links = new AuthorizeLinks(properties);
    this.consent = new ConsentService(providers, properties, connections, new ConsentStateRepository(jdbc), cipher, endpoint,
        links, event -> authorized.add((ConnectionAuthorized) event), clock);
    this.cursors = new SyncCursorRepository(jdbc);
    this.pages = new PageStore(new CommunicationStore(new JdbcTemplate(dataSource)), cursors, transactions, clock);
    this.sync = new SyncService(connections, List.of(new GmailSync(providers, sync), new SlackSync(providers)),
        new ProviderApiFactory(refresher, properties, sync, clock), cursors, pages, sync, clock);
    this.failures = new SyncFailures(links, sync);
  }

  static HikariDataSource pool(String url, String user, String password, String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    if (schema != null) {
      config.setSchema(schema);
    }
    config.setMaximumPoolSize(12);
    return new HikariDataSource(config);
  }

  static ProviderSettings gmail(MockOAuth2Server authServer, WireMockServer api) {
    return new ProviderSettings(CLIENT_ID, CLIENT_SECRET,
        authServer.authorizationEndpointUrl("gmail").uri(), authServer.tokenEndpointUrl("gmail").uri(),
        URI.create(api.baseUrl()),
        // mock-oauth2-server speaks OpenID Connect, which needs the openid scope
        List.of("openid", "https://www.googleapis.com/auth/gmail.readonly"), " ",
        Map.of("access_type", "offline", "prompt", "consent"),
        ProviderSettings.ClientAuthentication.CLIENT_SECRET_POST, ProviderSettings.TokenResponseFormat.STANDARD);
  }

  static ProviderSettings slack(WireMockServer api) {
    return new ProviderSettings(CLIENT_ID, CLIENT_SECRET,
        URI.create(api.baseUrl() + "/oauth/v2/authorize"), URI.create(api.baseUrl() + "/api/oauth.v2.access"),
        URI.create(api.baseUrl() + "/api"),
        List.of("channels:history", "groups:history"), ",", Map.of(),
        ProviderSettings.ClientAuthentication.CLIENT_SECRET_BASIC, ProviderSettings.TokenResponseFormat.SLACK);
  }

  int communications() {
    return jdbc.sql("SELECT count(*) FROM communications").query(Integer.class).single();
  }

  List<String> externalIds() {
    return jdbc.sql("SELECT external_id FROM communications ORDER BY external_id").query(String.class).list();
  }

  SyncCursorRepository.Cursor cursor(String connectionId, String stream) {
    return cursors.read(connectionId, stream);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
