package dev.sprintflow.worker.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * WireMock shaped like the Gmail API v1 (users.getProfile, messages.list with page tokens,
 * messages.get?format=metadata, history.list), answering only requests with a bearer token.
 */
final class FakeGmail {

  static final String USERS = "/gmail/v1/users/me";

  private final WireMockServer wm;

  FakeGmail(WireMockServer wm) {
    this.wm = wm;
  }

  static List<String> ids(String prefix, int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> "%s%05d".formatted(prefix, i)).toList();
  }

  FakeGmail profile(String historyId) {
    wm.stubFor(authorized(get(urlPathEqualTo(USERS + "/profile")))
        .willReturn(okJson("{\"emailAddress\":\"lead@example.com\",\"messagesTotal\":0,\"historyId\":\"" + historyId + "\"}")));
    return this;
  }

  /** The mailbox lists these pages; page n (from 2) is reached with the page token {@code page-n}. */
  FakeGmail pages(List<List<String>> pages) {
    for (int i = 0; i < pages.size(); i++) {
      wm.stubFor(listRequest(i == 0 ? null : token(i + 1)).willReturn(okJson(listPage(pages.get(i), i + 1 < pages.size() ? token(i + 2) : null))));
    }
    return this;
  }

  /** Replaces page {@code n}'s answer (1-based) for its next request only, then answers normally. */
  FakeGmail pageFailsOnce(int n, List<String> ids, String nextToken, ResponseDefinitionBuilder failure) {
    String scenario = "page-" + n + "-fails-once";
    wm.stubFor(listRequest(n == 1 ? null : token(n)).inScenario(scenario).whenScenarioStateIs("Started")
        .willSetStateTo("failed").willReturn(failure));
    wm.stubFor(listRequest(n == 1 ? null : token(n)).inScenario(scenario).whenScenarioStateIs("failed")
        .willReturn(okJson(listPage(ids, nextToken))));
    return this;
  }

  /** Page {@code n} always answers this. */
  FakeGmail pageAnswers(int n, ResponseDefinitionBuilder answer) {
    wm.stubFor(listRequest(n == 1 ? null : token(n)).atPriority(1).willReturn(answer));
    return this;
  }

  /** Metadata of any message, derived from its id (a response template). */
  FakeGmail metadata() {
    wm.stubFor(authorized(get(urlPathMatching(USERS + "/messages/[^/]+"))).atPriority(5)
        .withQueryParam("format", equalTo("metadata"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withTransformers("response-template")
            .withBody("{\"id\":\"{{request.pathSegments.[5]}}\",\"threadId\":\"t-{{request.pathSegments.[5]}}\","
                + "\"labelIds\":[\"INBOX\",\"UNREAD\"],\"snippet\":\"Snippet of {{request.pathSegments.[5]}}\","
                + "\"historyId\":\"1\",\"internalDate\":\"1767225600000\",\"sizeEstimate\":2048,"
                + "\"payload\":{\"mimeType\":\"text/plain\",\"headers\":["
                + "{\"name\":\"From\",\"value\":\"Client <client@example.com>\"},"
                + "{\"name\":\"Subject\",\"value\":\"Subject {{request.pathSegments.[5]}}\"}]}}")));
    return this;
  }

  /** One message's metadata answers this (e.g. a 500) for its next request only. */
  FakeGmail metadataFailsOnce(String id, ResponseDefinitionBuilder failure) {
    String scenario = "metadata-" + id;
    wm.stubFor(authorized(get(urlPathEqualTo(USERS + "/messages/" + id))).atPriority(1)
        .inScenario(scenario).whenScenarioStateIs("Started").willSetStateTo("failed").willReturn(failure));
    return this;
  }

  /** history.list from {@code start}: one page of added messages, then the mailbox's {@code latest} id. */
  FakeGmail history(String start, List<String> added, String latest) {
    String entries = added.stream()
        .map(id -> "{\"id\":\"" + latest + "\",\"messagesAdded\":[{\"message\":{\"id\":\"" + id + "\",\"threadId\":\"t-" + id
            + "\",\"labelIds\":[\"INBOX\"]}}]}")
        .collect(Collectors.joining(","));
    wm.stubFor(authorized(get(urlPathEqualTo(USERS + "/history"))).withQueryParam("startHistoryId", equalTo(start))
        .willReturn(okJson("{" + (added.isEmpty() ? "" : "\"history\":[" + entries + "],") + "\"historyId\":\"" + latest + "\"}")));
    return this;
  }

  /** history.list from {@code start} is too old for Gmail: 404. */
  FakeGmail historyGone(String start) {
    wm.stubFor(authorized(get(urlPathEqualTo(USERS + "/history"))).withQueryParam("startHistoryId", equalTo(start))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\"}}")));
    return this;
  }

  int listRequests(String pageToken) {
    RequestPatternBuilder pattern = getRequestedFor(urlPathEqualTo(USERS + "/messages"));
    pattern = pageToken == null ? pattern.withQueryParam("pageToken", absent()) : pattern.withQueryParam("pageToken", equalTo(pageToken));
    return wm.countRequestsMatching(pattern.build()).getCount();
  }

  int metadataRequests() {
    return wm.countRequestsMatching(getRequestedFor(urlPathMatching(USERS + "/messages/[^/]+")).build()).getCount();
  }

  /** The bearer tokens the API saw, in request order. */
  List<String> bearerTokens() {
    List<String> tokens = new ArrayList<>();
    wm.getAllServeEvents().forEach(e -> {
      String header = e.getRequest().getHeader("Authorization");
      if (header != null) {
        tokens.add(header.substring("Bearer ".length()));
      }
    });
    return tokens.reversed(); // WireMock lists the newest first
  }

  static String token(int page) {
    return "page-" + page;
  }

  private MappingBuilder listRequest(String pageToken) {
    MappingBuilder list = authorized(get(urlPathEqualTo(USERS + "/messages")));
    return pageToken == null ? list.withQueryParam("pageToken", absent()) : list.withQueryParam("pageToken", equalTo(pageToken));
  }

  static String listPage(List<String> ids, String nextToken) {
    String messages = ids.stream().map(id -> "{\"id\":\"" + id + "\",\"threadId\":\"t-" + id + "\"}").collect(Collectors.joining(","));
    return "{\"messages\":[" + messages + "]" + (nextToken == null ? "" : ",\"nextPageToken\":\"" + nextToken + "\"")
        + ",\"resultSizeEstimate\":" + ids.size() + "}";
  }

  private static MappingBuilder authorized(MappingBuilder request) {
    return request.withHeader("Authorization", matching("Bearer .+"));
  }
}
