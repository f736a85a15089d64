package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in through a real (in-process) OAuth2 authorization server. */
class RoleAuthenticatorTest {

  static MockOAuth2Server oauth;

  @BeforeAll
  static void start() {
    oauth = RbacFixtures.startAuthorizationServer();
  }

  @AfterAll
  static void stop() {
    oauth.shutdown();
  }

  static RbacTargets.Target target() {
    return RbacFixtures.bind(RbacFixtures.targetProperties("t", URI.create("http://127.0.0.1:1"), oauth)).require("t");
  }

  @Test
  void clientCredentialsAndPasswordGrantsGetTokensTheTokenEndpointIssued() {
    drain();
    RoleAuthenticator authenticator = new RoleAuthenticator(Clock.systemUTC());
    Map<String, RoleCredentials> signedIn = authenticator.signIn("t", target(), List.of("manager", "member", "owner"));

    assertThat(signedIn.get("manager").authorization()).startsWith("Bearer ey");
    assertThat(signedIn.get("member").authorization()).startsWith("Bearer ey");
    assertThat(signedIn.get("owner").authorization()).isEqualTo("Basic b3duZXI6b3duZXItcHc=");
    RecordedRequest manager = poll(5_000);
    assertThat(manager.getBody().readUtf8()).contains("grant_type=client_credentials").contains("scope=clients");
    assertThat(manager.getHeader("Authorization")).startsWith("Basic "); // client secret, not in the form
    RecordedRequest member = poll(5_000);
    assertThat(member.getBody().readUtf8()).contains("grant_type=password").contains("username=member");
    // the obtained tokens are secrets to redact
    String token = signedIn.get("manager").authorization().substring("Bearer ".length());
    assertThat(signedIn.get("manager").secrets()).contains(token, RbacFixtures.MANAGER_CLIENT_SECRET);
  }

  @Test
  void tokensAreReusedUntilShortlyBeforeTheyExpire() {
    drain();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:00:00Z"));
    RoleAuthenticator authenticator = new RoleAuthenticator(clock);
    String first = authenticator.signIn("t", target(), List.of("manager")).get("manager").authorization();
    String again = authenticator.signIn("t", target(), List.of("manager")).get("manager").authorization();
    assertThat(again).isEqualTo(first);
    assertThat(poll(5_000)).isNotNull();
    assertThat(poll(200)).as("one token request for two sign-ins").isNull();

    clock.now = clock.now.plus(Duration.ofHours(1)); // the mock server's tokens live an hour
    authenticator.signIn("t", target(), List.of("manager"));
    assertThat(poll(5_000)).as("expired: fetched again").isNotNull();
  }

  @Test
  void aRefusedGrantIsAFailureOfThatRoleOnly() throws Exception {
    // a token endpoint that refuses the client, as a real one does with a wrong secret
    HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    refusing.createContext("/token", exchange -> {
      byte[] body = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    refusing.start();
    try {
      Map<String, String> props = RbacFixtures.targetProperties("t", URI.create("http://127.0.0.1:1"), oauth);
      props.put(RbacTargets.PREFIX + ".t.roles.member.auth.token-url",
          "http://127.0.0.1:" + refusing.getAddress().getPort() + "/token");
      Map<String, RoleCredentials> signedIn = new RoleAuthenticator(Clock.systemUTC())
          .signIn("t", RbacFixtures.bind(props).require("t"), List.of("member", "owner"));

      assertThat(signedIn.get("member").ok()).isFalse();
      assertThat(signedIn.get("member").unreachable()).isFalse();
      assertThat(signedIn.get("member").failure())
          .isEqualTo("password grant refused by the token endpoint: HTTP 401 invalid_client (Client authentication failed)");
      assertThat(signedIn.get("owner").ok()).isTrue();
    } finally {
      refusing.stop(0);
    }
  }

  @Test
  void anUnreachableTokenEndpointIsMarkedUnreachable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Map<String, String> props = RbacFixtures.targetProperties("t", URI.create("http://127.0.0.1:1"), oauth);
    props.put(RbacTargets.PREFIX + ".t.roles.manager.auth.token-url", "http://127.0.0.1:" + closed + "/token");
    RoleCredentials manager = new RoleAuthenticator(Clock.systemUTC())
        .signIn("t", RbacFixtures.bind(props).require("t"), List.of("manager")).get("manager");

    assertThat(manager.ok()).isFalse();
    assertThat(manager.unreachable()).isTrue();
    assertThat(manager.failure()).startsWith("token endpoint unreachable for the client-credentials grant");
  }

  /** The next request the authorization server received, or null (its own method throws instead). */
  private static RecordedRequest poll(long millis) {
    try {
      return oauth.takeRequest(millis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).startsWith("no request found")) {
        return null;
      }
      throw e;
    }
  }

  private static void drain() {
    while (poll(50) != null) {
      // requests of earlier tests
    }
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
