package dev.sprintflow.worker.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * WireMock shaped like Slack: OAuth v2 (authorize redirect, oauth.v2.access with token rotation,
 * answered in Slack's {@code "ok"} envelope) and conversations.history with cursors.
 */
final class FakeSlack {

  static final String FIRST_ACCESS = "xoxe.xoxb-1-first-access";
  static final String FIRST_REFRESH = "xoxe-1-first-refresh";
  static final String SECOND_ACCESS = "xoxe.xoxb-1-second-access";
  static final String SECOND_REFRESH = "xoxe-1-second-refresh";
  static final String HISTORY = "/api/conversations.history";

  private final WireMockServer wm;

  FakeSlack(WireMockServer wm) {
    this.wm = wm;
  }

  /** Slack timestamps, newest first, as conversations.history lists them. */
  static List<String> timestamps(long fromSecond, int count) {
    return IntStream.range(0, count).mapToObj(i -> (fromSecond + count - 1 - i) + ".000" + String.format("%03d", i % 1000))
        .toList();
  }

  /** Cursors with '+', '/' and '=' as Slack's base64 cursors have: they must survive the query string. */
  static String cursor(int page) {
    return "bmV4dF90czo+/page" + page + "=";
  }

  void oauthEndpoints() {
    wm.stubFor(get(urlPathEqualTo("/oauth/v2/authorize")).willReturn(aResponse().withStatus(302)
        .withTransformers("response-template")
        .withHeader("Location", "{{request.query.redirect_uri}}?code=slack-code-1&state={{request.query.state}}")));
    wm.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("grant_type=authorization_code"))
        .withHeader("Authorization", matching("Basic .+"))
        .willReturn(okJson(tokens(FIRST_ACCESS, FIRST_REFRESH))));
    wm.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("grant_type=refresh_token"))
        .withRequestBody(containing("refresh_token=" + FIRST_REFRESH))
        .willReturn(okJson(tokens(SECOND_ACCESS, SECOND_REFRESH))));
  }

  /** Refreshing with the first refresh token answers Slack's error for a revoked one. */
  void refreshRevoked() {
    wm.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).atPriority(1).withRequestBody(containing("grant_type=refresh_token"))
        .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_refresh_token\"}")));
  }

  static String tokens(String access, String refresh) {
    return "{\"ok\":true,\"app_id\":\"A0SPRINT\",\"authed_user\":{\"id\":\"U0LEAD\"},\"scope\":\"channels:history,groups:history\","
        + "\"token_type\":\"bot\",\"access_token\":\"" + access + "\",\"bot_user_id\":\"U0BOT\",\"refresh_token\":\"" + refresh
        + "\",\"expires_in\":43200,\"team\":{\"id\":\"T0AUDIENCE\",\"name\":\"AudienceOS\"},\"is_enterprise_install\":false}";
  }

  /** conversations.history of {@code channel} after {@code oldest} (null: all) in pages; page n from 2 needs cursor(n). */
  FakeSlack history(String channel, String oldest, List<List<String>> pages) {
    for (int i = 0; i < pages.size(); i++) {
      wm.stubFor(historyRequest(channel, oldest, i == 0 ? null : cursor(i + 1))
          .willReturn(okJson(page(pages.get(i), i + 1 < pages.size() ? cursor(i + 2) : null))));
    }
    return this;
  }

  /** Page {@code n} of a sweep answers {@code failure} once, then {@code ids} normally. */
  FakeSlack pageFailsOnce(String channel, String oldest, int n, List<String> ts, String next, ResponseDefinitionBuilder failure) {
    String scenario = "slack-page-" + n;
    wm.stubFor(historyRequest(channel, oldest, n == 1 ? null : cursor(n)).atPriority(1).inScenario(scenario)
        .whenScenarioStateIs("Started").willSetStateTo("failed").willReturn(failure));
    wm.stubFor(historyRequest(channel, oldest, n == 1 ? null : cursor(n)).atPriority(1).inScenario(scenario)
        .whenScenarioStateIs("failed").willReturn(okJson(page(ts, next))));
    return this;
  }

  /** Every conversations.history request with this token answers {@code answer}. */
  FakeSlack historyWithToken(String token, ResponseDefinitionBuilder answer) {
    wm.stubFor(get(urlPathEqualTo(HISTORY)).atPriority(1).withHeader("Authorization", equalTo("Bearer " + token)).willReturn(answer));
    return this;
  }

  int historyRequests(String cursor) {
    var pattern = getRequestedFor(urlPathEqualTo(HISTORY));
    pattern = cursor == null ? pattern.withQueryParam("cursor", absent()) : pattern.withQueryParam("cursor", equalTo(cursor));
    return wm.countRequestsMatching(pattern.build()).getCount();
  }

  int tokenRequests(String grantType) {
    return wm.countRequestsMatching(postRequestedFor(urlPathEqualTo("/api/oauth.v2.access"))
        .withRequestBody(containing("grant_type=" + grantType)).build()).getCount();
  }

  static String page(List<String> ts, String next) {
    String messages = ts.stream().map(t -> "{\"type\":\"message\",\"user\":\"U0CLIENT\",\"text\":\"Message at " + t
        + "\",\"ts\":\"" + t + "\",\"team\":\"T0AUDIENCE\"}").collect(Collectors.joining(","));
    return "{\"ok\":true,\"messages\":[" + messages + "],\"has_more\":" + (next != null) + ",\"pin_count\":0"
        + ",\"response_metadata\":{\"next_cursor\":\"" + (next == null ? "" : next) + "\"}}";
  }

  private static MappingBuilder historyRequest(String channel, String oldest, String cursor) {
    MappingBuilder request = get(urlPathEqualTo(HISTORY)).withHeader("Authorization", matching("Bearer .+"))
        .withQueryParam("channel", equalTo(channel));
    request = oldest == null ? request.withQueryParam("oldest", absent()) : request.withQueryParam("oldest", equalTo(oldest));
    return cursor == null ? request.withQueryParam("cursor", absent()) : request.withQueryParam("cursor", equalTo(cursor));
  }
}
