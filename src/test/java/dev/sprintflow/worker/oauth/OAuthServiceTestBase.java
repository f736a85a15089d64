package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConnectionRepository;
import dev.sprintflow.oauth.TokenCipher;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service (embedded engine, bpmn/ deployed, REST API, default H2 database) with its
 * OAuth providers pointed at real protocol peers on 127.0.0.1: mock-oauth2-server for Gmail's
 * consent and tokens, WireMock for the Gmail and Slack APIs and Slack's OAuth endpoints. The port
 * is fixed before start-up so consent callbacks and reconnect links point at this service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class OAuthServiceTestBase {

  static final ScriptedTokenResponses script = new ScriptedTokenResponses();
  static final MockOAuth2Server authServer = new MockOAuth2Server(script);
  static final WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
  static final int PORT = freePort();
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static {
    authServer.start(InetAddress.getLoopbackAddress(), 0);
    api.start();
    // Shared by every context of this JVM that uses them; stopped with it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.stop();
      try {
        authServer.shutdown();
      } catch (Exception ignored) {
        // the JVM is going away
      }
    }));
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    String gmail = "sprintflow.oauth.providers.gmail.";
    String slack = "sprintflow.oauth.providers.slack.";
    registry.add("server.port", () -> PORT);
    registry.add("sprintflow.oauth.public-base-url", () -> "http://127.0.0.1:" + PORT);
    registry.add(gmail + "client-id", () -> OAuthFixture.CLIENT_ID);
    registry.add(gmail + "client-secret", () -> OAuthFixture.CLIENT_SECRET);
    registry.add(gmail + "authorize-uri", () -> authServer.authorizationEndpointUrl("gmail").toString());
    registry.add(gmail + "token-uri", () -> authServer.tokenEndpointUrl("gmail").toString());
    registry.add(gmail + "api-base-uri", api::baseUrl);
    registry.add(gmail + "scopes[0]", () -> "openid"); // mock-oauth2-server speaks OpenID Connect
    registry.add(gmail + "scopes[1]", () -> "https://www.googleapis.com/auth/gmail.readonly");
    registry.add(slack + "client-id", () -> OAuthFixture.CLIENT_ID);
    registry.add(slack + "client-secret", () -> OAuthFixture.CLIENT_SECRET);
    registry.add(slack + "authorize-uri", () -> api.baseUrl() + "/oauth/v2/authorize");
    registry.add(slack + "token-uri", () -> api.baseUrl() + "/api/oauth.v2.access");
    registry.add(slack + "api-base-uri", () -> api.baseUrl() + "/api");
    registry.add("sprintflow.oauth.encryption.keys.test", OAuthServiceTestBase::randomKey);
    registry.add("sprintflow.oauth.encryption.active-key-id", () -> "test");
    registry.add("sprintflow.oauth.sync.retry-backoff", () -> "1s");
  }

  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired TokenCipher cipher;
  @Autowired ConnectionRepository connections;
  @Autowired JdbcClient jdbc;

  EngineRecords records;
  FakeGmail gmail;
  FakeSlack slack;

  @BeforeEach
  void resetPeers() {
    api.resetAll();
    script.clear();
    AuthServers.drain(authServer);
    records = new EngineRecords(engine);
    gmail = new FakeGmail(api);
    slack = new FakeSlack(api);
  }

  static URI url(String path) {
    return URI.create("http://127.0.0.1:" + PORT + path);
  }

  static HttpResponse<String> get(String path) {
    return Browser.get(url(path));
  }

  static HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a connection over the API and consents to it in a "browser", through this service's endpoints. */
  void createAndConnect(String id, String provider, String account) {
    send("POST", "/api/connections", "{\"id\":\"" + id + "\",\"provider\":\"" + provider + "\",\"account\":\"" + account + "\"}");
    HttpResponse<String> connected = connect(id, provider);
    org.assertj.core.api.Assertions.assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
  }

  /** Consent (or reconnect) for an existing connection, starting at its authorize link. */
  HttpResponse<String> connect(String id, String provider) {
    if (provider.equals("slack")) {
      slack.oauthEndpoints();
    }
    URI toProvider = Browser.redirect(url("/oauth/" + provider + "/authorize?connection=" + id));
    URI callback = Browser.consent(toProvider, "lead@example.com");
    return Browser.get(callback);
  }

  String accessToken(String id) {
    Connection c = connections.find(id).orElseThrow();
    return cipher.open(c.accessToken(), "connection:" + id + ":access");
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
