package dev.sprintflow.worker.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConnectionStatus;
import dev.sprintflow.oauth.ReauthRequiredException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack: OAuth v2 with token rotation and conversations.history with cursors, against a fake Slack over HTTP. */
class SlackSyncTest extends PeerTestBase {

  static final SyncOptions CHANNEL = new SyncOptions(null, null, null, "C0CLIENTS");
  final List<String> page1 = FakeSlack.timestamps(1_767_225_600L + 8, 4);
  final List<String> page2 = FakeSlack.timestamps(1_767_225_600L + 4, 4);
  final List<String> page3 = FakeSlack.timestamps(1_767_225_600L, 4);

  @Test
  void consentSpeaksSlacksTokenFormatAndSealsTheTokens() {
    Connection connected = connectSlack("slack-audienceos");

    assertThat(connected.status()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(connected.grantedScopes()).isEqualTo("channels:history,groups:history");
    assertThat(connected.accessExpiresAt()).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
    assertThat(accessToken("slack-audienceos")).isEqualTo(FakeSlack.FIRST_ACCESS);
    assertThat(refreshToken("slack-audienceos")).isEqualTo(FakeSlack.FIRST_REFRESH);
    byte[] stored = fixture.jdbc.sql("SELECT access_token FROM oauth_connection WHERE id = 'slack-audienceos'").query(byte[].class).single();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("xoxe");
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        (OAuthFixture.CLIENT_ID + ":" + OAuthFixture.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    api.verify(postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")).withHeader("Authorization", WireMock.equalTo(basic))
        .withRequestBody(WireMock.containing("code_verifier=")));
    var authorize = api.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/oauth/v2/authorize"))
        .findFirst().orElseThrow().getRequest();
    assertThat(authorize.queryParameter("scope").firstValue()).isEqualTo("channels:history,groups:history");
  }

  // The job dies between pages: page 3's answer breaks off after pages 1 and 2 are stored.
  @Test
  void threePagesThenARetryAfterACrashThenOnlyWhatIsNew() {
    connectSlack("slack-audienceos");
    slack.history("C0CLIENTS", null, List.of(page1, page2, page3))
        .pageFailsOnce("C0CLIENTS", null, 3, page3, null, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    assertThatThrownBy(() -> fixture.sync.sync("slack-audienceos", CHANNEL)).isInstanceOf(ProviderUnavailableException.class);
    assertThat(fixture.communications()).isEqualTo(8);
    SyncCursorRepository.Cursor crashed = fixture.cursor("slack-audienceos", "channel:C0CLIENTS");
    assertThat(crashed.position()).contains("\"cursor\":\"" + FakeSlack.cursor(3) + "\"", "\"newest\":\"" + page1.get(0) + "\"");

    SyncOutcome retry = fixture.sync.sync("slack-audienceos", CHANNEL);
    assertThat(retry.inserted()).isEqualTo(4);
    assertThat(retry.caughtUp()).isTrue();
    assertThat(fixture.communications()).isEqualTo(12);
    assertThat(fixture.externalIds()).doesNotHaveDuplicates()
        .contains("T0AUDIENCE/C0CLIENTS/" + page1.get(0), "T0AUDIENCE/C0CLIENTS/" + page3.get(3));
    assertThat(slack.historyRequests(null)).isEqualTo(1);
    assertThat(slack.historyRequests(FakeSlack.cursor(2))).isEqualTo(1);
    assertThat(slack.historyRequests(FakeSlack.cursor(3))).isEqualTo(2);

    // The next sweep asks only for messages newer than the newest one stored
    List<String> fresh = FakeSlack.timestamps(1_767_225_700L, 2);
    slack.history("C0CLIENTS", page1.get(0), List.of(fresh));
    SyncOutcome later = fixture.sync.sync("slack-audienceos", CHANNEL);
    assertThat(later.inserted()).isEqualTo(2);
    assertThat(later.fetched()).isEqualTo(2);
    assertThat(later.cursor()).contains("\"oldest\":\"" + fresh.get(0) + "\"");
    assertThat(fixture.communications()).isEqualTo(14);
  }

  @Test
  void anExpiredTokenInSlacksBodyIsRefreshedWithRotationAndTheRequestRepeated() {
    connectSlack("slack-audienceos");
    slack.history("C0CLIENTS", null, List.of(page1))
        .historyWithToken(FakeSlack.FIRST_ACCESS, okJson("{\"ok\":false,\"error\":\"token_expired\"}"));

    SyncOutcome outcome = fixture.sync.sync("slack-audienceos", CHANNEL);

    assertThat(outcome.inserted()).isEqualTo(4);
    assertThat(slack.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(accessToken("slack-audienceos")).isEqualTo(FakeSlack.SECOND_ACCESS);
    assertThat(refreshToken("slack-audienceos")).isEqualTo(FakeSlack.SECOND_REFRESH);
  }

  @Test
  void revokedTokensUnknownChannelsAndRateLimitsAreToldApart() {
    connectSlack("slack-audienceos");
    slack.historyWithToken(FakeSlack.FIRST_ACCESS, okJson("{\"ok\":false,\"error\":\"token_revoked\"}"));
    assertThatThrownBy(() -> fixture.sync.sync("slack-audienceos", CHANNEL))
        .isInstanceOf(ReauthRequiredException.class).hasMessageContaining("token_revoked");

    slack.historyWithToken(FakeSlack.FIRST_ACCESS, okJson("{\"ok\":false,\"error\":\"channel_not_found\"}"));
    assertThatThrownBy(() -> fixture.sync.sync("slack-audienceos", CHANNEL))
        .isInstanceOfSatisfying(InvalidSyncOptionsException.class, e -> {
          assertThat(e.field()).isEqualTo("syncOptions.channel");
          assertThat(e.getMessage()).contains("C0CLIENTS", "channel_not_found");
        });

    slack.historyWithToken(FakeSlack.FIRST_ACCESS, aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
    assertThatThrownBy(() -> fixture.sync.sync("slack-audienceos", CHANNEL))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));

    assertThatThrownBy(() -> fixture.sync.sync("slack-audienceos", SyncOptions.none()))
        .isInstanceOf(InvalidSyncOptionsException.class).hasMessageContaining("needs syncOptions.channel");
    assertThat(fixture.communications()).isZero();
  }

  @Test
  void aRevokedRefreshTokenNeedsReconnecting() {
    connectSlack("slack-audienceos");
    slack.refreshRevoked();
    slack.historyWithToken(FakeSlack.FIRST_ACCESS, okJson("{\"ok\":false,\"error\":\"invalid_auth\"}"));

    assertThatThrownBy(() -> fixture.sync.sync("slack-audienceos", CHANNEL))
        .isInstanceOf(ReauthRequiredException.class).hasMessageContaining("invalid_refresh_token");
    assertThat(fixture.connections.find("slack-audienceos").orElseThrow().status()).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    assertThat(slack.tokenRequests("refresh_token")).isEqualTo(1);
  }
}
