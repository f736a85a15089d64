package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConnectionStatus;
import dev.sprintflow.oauth.ConsentException;
import dev.sprintflow.oauth.SealedSecret;
import dev.sprintflow.test.PostgresTestDatabase;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consent against a real OAuth 2.0 authorization server (mock-oauth2-server, which checks PKCE),
 * tokens stored in PostgreSQL.
 */
@ExtendWith(PostgresTestDatabase.class)
class ConsentFlowTest {

  static final ScriptedTokenResponses script = new ScriptedTokenResponses();
  static MockOAuth2Server authServer;
  static WireMockServer api;
  OAuthFixture fixture;

  @BeforeAll
  static void startPeers() throws Exception {
    authServer = new MockOAuth2Server(script);
    authServer.start(InetAddress.getLoopbackAddress(), 0);
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
  }

  @AfterAll
  static void stopPeers() {
    authServer.shutdown();
    api.stop();
  }

  @BeforeEach
  void fixture(PostgresTestDatabase.Schema schema) {
    fixture = new OAuthFixture(schema, authServer, api, SyncProperties.defaults());
    AuthServers.drain(authServer);
    script.clear();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theAuthorizeRedirectCarriesStateAndAnS256Challenge() {
    fixture.connectionService.create("gmail-lead", "gmail", "lead@example.com");

    URI authorize = fixture.consent.authorizeRedirect("gmail", "gmail-lead");

    assertThat(authorize.toString()).startsWith(authServer.authorizationEndpointUrl("gmail").toString());
    assertThat(Browser.param(authorize, "response_type")).isEqualTo("code");
    assertThat(Browser.param(authorize, "client_id")).isEqualTo(OAuthFixture.CLIENT_ID);
    assertThat(Browser.param(authorize, "redirect_uri")).isEqualTo("http://127.0.0.1:8080/oauth/gmail/callback");
    assertThat(Browser.param(authorize, "state")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(Browser.param(authorize, "code_challenge_method")).isEqualTo("S256");
    assertThat(Browser.param(authorize, "code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(Browser.param(authorize, "access_type")).isEqualTo("offline");
    assertThat(Browser.param(authorize, "scope")).isEqualTo("openid https://www.googleapis.com/auth/gmail.readonly");
    assertThat(authorize.toString()).doesNotContain(OAuthFixture.CLIENT_SECRET);
    URI second = fixture.consent.authorizeRedirect("gmail", "gmail-lead");
    assertThat(Browser.param(second, "state")).isNotEqualTo(Browser.param(authorize, "state"));
  }

  @Test
  void fullConsentStoresTokensThatAreNotReadableInTheTable() throws Exception {
    fixture.connectionService.create("gmail-lead", "gmail", "lead@example.com");
    URI authorize = fixture.consent.authorizeRedirect("gmail", "gmail-lead");

    URI callback = Browser.consent(authorize, "lead@example.com"); // the person consents, the server sends the browser back
    assertThat(callback.getPath()).isEqualTo("/oauth/gmail/callback");
    Connection connected = fixture.consent.complete("gmail", Browser.query(callback));

    assertThat(connected.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(connected.accessExpiresAt()).isAfter(fixture.clock.instant());
    assertThat(fixture.authorized).extracting(a -> a.connectionId()).containsExactly("gmail-lead");
    RecordedRequest tokenRequest = takeTokenRequest();
    String form = tokenRequest.getBody().readUtf8();
    assertThat(form).contains("grant_type=authorization_code", "code_verifier=");
    // PKCE: the verifier sent now hashes to the challenge sent with the redirect
    String verifier = Browser.query(URI.create("http://x/?" + form)).get("code_verifier").get(0);
    assertThat(s256(verifier)).isEqualTo(Browser.param(authorize, "code_challenge"));

    Map<String, Object> row = fixture.jdbc.sql(
        "SELECT access_token, refresh_token, token_key_id FROM oauth_connection WHERE id = 'gmail-lead'").query().singleRow();
    byte[] access = (byte[]) row.get("access_token");
    byte[] refresh = (byte[]) row.get("refresh_token");
    String accessToken = fixture.cipher.open(new SealedSecret(access, "k1"), "connection:gmail-lead:access");
    String refreshToken = fixture.cipher.open(new SealedSecret(refresh, "k1"), "connection:gmail-lead:refresh");
    assertThat(accessToken).startsWith("eyJ"); // the authorization server's JWT
    assertThat(refreshToken).isNotBlank();
    assertThat(row.get("token_key_id")).isEqualTo("k1");
    for (byte[] stored : List.of(access, refresh)) {
      String asText = new String(stored, StandardCharsets.ISO_8859_1);
      assertThat(asText).doesNotContain(accessToken).doesNotContain(refreshToken).doesNotContain("eyJ");
      assertThat(Base64.getEncoder().encodeToString(stored)).doesNotContain(accessToken.substring(0, 20));
    }
    String dump = fixture.jdbc.sql("SELECT CAST(oauth_connection AS text) FROM oauth_connection").query(String.class).single();
    assertThat(dump).doesNotContain(accessToken).doesNotContain(refreshToken);
    assertThat(fixture.jdbc.sql("SELECT count(*) FROM oauth_consent_state").query(Integer.class).single()).isZero();
  }

  @Test
  void aStateWorksOnceAndOnlyForItsProvider() {
    fixture.connectionService.create("gmail-lead", "gmail", "lead@example.com");
    URI callback = Browser.consent(fixture.consent.authorizeRedirect("gmail", "gmail-lead"), "lead@example.com");
    fixture.consent.complete("gmail", Browser.query(callback));

    assertThatThrownBy(() -> fixture.consent.complete("gmail", Browser.query(callback)))
        .isInstanceOf(ConsentException.class)
        .hasMessageContaining("already used")
        .extracting(e -> ((ConsentException) e).field()).isEqualTo("state");
    assertThatThrownBy(() -> fixture.consent.complete("gmail", Map.of("code", List.of("x"), "state", List.of("forged"))))
        .isInstanceOf(ConsentException.class).extracting(e -> ((ConsentException) e).field()).isEqualTo("state");
    URI another = Browser.consent(fixture.consent.authorizeRedirect("gmail", "gmail-lead"), "lead@example.com");
    assertThatThrownBy(() -> fixture.consent.complete("slack", Browser.query(another)))
        .isInstanceOf(ConsentException.class).hasMessageContaining("issued for gmail");
  }

  @Test
  void aRefusedConsentAndAnExpiredOneSayWhatToDo() {
    fixture.connectionService.create("gmail-lead", "gmail", "lead@example.com");
    String state = Browser.param(fixture.consent.authorizeRedirect("gmail", "gmail-lead"), "state");
    assertThatThrownBy(() -> fixture.consent.complete("gmail",
        Map.of("error", List.of("access_denied"), "state", List.of(state))))
        .isInstanceOf(ConsentException.class)
        .hasMessageContaining("access_denied")
        .hasMessageContaining("/oauth/gmail/authorize?connection=gmail-lead")
        .extracting(e -> ((ConsentException) e).field()).isEqualTo("error");

    URI late = Browser.consent(fixture.consent.authorizeRedirect("gmail", "gmail-lead"), "lead@example.com");
    fixture.clock.advance(java.time.Duration.ofMinutes(11));
    assertThatThrownBy(() -> fixture.consent.complete("gmail", Browser.query(late)))
        .isInstanceOf(ConsentException.class).hasMessageContaining("longer than PT10M");
    assertThat(fixture.connections.find("gmail-lead").orElseThrow().status()).isEqualTo(ConnectionStatus.PENDING);
  }

  @Test
  void aCodeTheServerRefusesLeavesTheConnectionPending() {
    fixture.connectionService.create("gmail-lead", "gmail", "lead@example.com");
    URI callback = Browser.consent(fixture.consent.authorizeRedirect("gmail", "gmail-lead"), "lead@example.com");
    // Google's answer to a code that was already used or has expired
    script.refuse("invalid_grant", "Malformed auth code.");

    assertThatThrownBy(() -> fixture.consent.complete("gmail", Browser.query(callback)))
        .isInstanceOf(ConsentException.class)
        .hasMessageContaining("invalid_grant")
        .extracting(e -> ((ConsentException) e).field()).isEqualTo("code");
    assertThat(fixture.connections.find("gmail-lead").orElseThrow().accessToken()).isNull();
  }

  private static String s256(String verifier) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  private static RecordedRequest takeTokenRequest() {
    List<RecordedRequest> tokens = AuthServers.tokenRequests(authServer);
    assertThat(tokens).as("token requests at the authorization server").hasSize(1);
    return tokens.get(0);
  }
}
