package dev.sprintflow.worker.oauth;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.test.PostgresTestDatabase;
import java.net.InetAddress;
import java.net.URI;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real protocol peers on 127.0.0.1 for a test class (mock-oauth2-server as Gmail's authorization
 * server, WireMock as the Gmail and Slack APIs) and, per test, a fresh PostgreSQL schema with the
 * oauth-sync object graph on it.
 */
@ExtendWith(PostgresTestDatabase.class)
abstract class PeerTestBase {

  static final ScriptedTokenResponses script = new ScriptedTokenResponses();
  static MockOAuth2Server authServer;
  static WireMockServer api;

  OAuthFixture fixture;
  FakeGmail gmail;
  FakeSlack slack;

  @BeforeAll
  static void startPeers() throws Exception {
    authServer = new MockOAuth2Server(script);
    authServer.start(InetAddress.getLoopbackAddress(), 0);
    // The issuer's signing keys are made on first use: not inside a test's 3-second timeout.
    authServer.issueToken("gmail", "warm-up", "default");
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(40));
    api.start();
  }

  @AfterAll
  static void stopPeers() throws Exception {
    authServer.shutdown();
    api.stop();
  }

  @BeforeEach
  void freshFixture(PostgresTestDatabase.Schema schema) {
    fixture = new OAuthFixture(schema, authServer, api, syncProperties());
    api.resetAll();
    script.clear();
    AuthServers.drain(authServer);
    gmail = new FakeGmail(api);
    slack = new FakeSlack(api);
  }

  @AfterEach
  void closeFixture() {
    fixture.close();
  }

  /** Small backoffs and timeouts, so failure paths are quick to test. */
  SyncProperties syncProperties() {
    return new SyncProperties(null, null, null, 4, java.time.Duration.ofSeconds(1), null, null, null);
  }

  /** Creates a Gmail connection and consents to it as a person would, through the authorization server. */
  Connection connectGmail(String id) {
    fixture.connectionService.create(id, "gmail", "lead@example.com");
    URI callback = Browser.consent(fixture.consent.authorizeRedirect("gmail", id), "lead@example.com");
    return fixture.consent.complete("gmail", Browser.query(callback));
  }

  /** Creates a Slack connection and consents through the (WireMock) Slack OAuth endpoints. */
  Connection connectSlack(String id) {
    slack.oauthEndpoints();
    fixture.connectionService.create(id, "slack", "T0AUDIENCE");
    URI callback = Browser.redirect(fixture.consent.authorizeRedirect("slack", id));
    return fixture.consent.complete("slack", Browser.query(callback));
  }

  /** The stored access token, opened (tests compare it with what peers saw). */
  String accessToken(String connectionId) {
    Connection c = fixture.connections.find(connectionId).orElseThrow();
    return fixture.cipher.open(c.accessToken(), "connection:" + connectionId + ":access");
  }

  String refreshToken(String connectionId) {
    Connection c = fixture.connections.find(connectionId).orElseThrow();
    return fixture.cipher.open(c.refreshToken(), "connection:" + connectionId + ":refresh");
  }
}
