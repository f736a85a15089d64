package dev.sprintflow.worker.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Incremental Gmail sync against a fake Gmail API over HTTP, stored in PostgreSQL. */
class GmailSyncTest extends PeerTestBase {

  static final String STREAM = "mailbox";
  final List<String> page1 = FakeGmail.ids("m", 1, 4);
  final List<String> page2 = FakeGmail.ids("m", 5, 4);
  final List<String> page3 = FakeGmail.ids("m", 9, 4);

  // The job dies between pages: page 3's answer breaks off mid-stream after pages 1 and 2 are stored.
  @Test
  void threePagesThenARetryAfterACrashBetweenPagesStoresEveryMessageOnce() {
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1, page2, page3)).history("1000", List.of(), "1000")
        .pageFailsOnce(3, page3, null, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("messages.list");
    assertThat(fixture.externalIds()).containsExactlyElementsOf(external(page1, page2));
    SyncCursorRepository.Cursor afterCrash = fixture.cursor("gmail-lead", STREAM);
    assertThat(afterCrash.revision()).isEqualTo(2);
    assertThat(afterCrash.position()).contains("\"phase\":\"full\"", "\"pageToken\":\"page-3\"", "\"historyId\":\"1000\"");

    SyncOutcome retry = fixture.sync.sync("gmail-lead", SyncOptions.none()); // the job's retry

    assertThat(retry.fetched()).isEqualTo(4);
    assertThat(retry.inserted()).isEqualTo(4);
    assertThat(retry.updated()).isZero();
    assertThat(retry.caughtUp()).isTrue();
    assertThat(retry.cursor()).contains("\"phase\":\"history\"", "\"historyId\":\"1000\"");
    assertThat(fixture.externalIds()).containsExactlyElementsOf(external(page1, page2, page3));
    assertThat(gmail.listRequests(null)).isEqualTo(1);
    assertThat(gmail.listRequests("page-2")).isEqualTo(1);
    assertThat(gmail.listRequests("page-3")).isEqualTo(2);

    // Later: only what history reports as added since is fetched
    List<String> fresh = FakeGmail.ids("m", 13, 2);
    gmail.history("1000", fresh, "1005").history("1005", List.of(), "1005");
    int metadataBefore = gmail.metadataRequests();
    SyncOutcome later = fixture.sync.sync("gmail-lead", SyncOptions.none());
    assertThat(later.inserted()).isEqualTo(2);
    assertThat(later.cursor()).contains("\"historyId\":\"1005\"");
    assertThat(gmail.metadataRequests() - metadataBefore).isEqualTo(2);
    assertThat(gmail.listRequests(null)).isEqualTo(1);
    assertThat(fixture.communications()).isEqualTo(14);
  }

  @Test
  void storedMessagesCarryTheMetadataAndARepeatIsUnchanged() {
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1)).history("1000", List.of(), "1000");

    fixture.sync.sync("gmail-lead", SyncOptions.none());

    var row = fixture.jdbc.sql("SELECT * FROM communications WHERE external_id = 'lead@example.com/m00001'").query().singleRow();
    assertThat(row).containsEntry("provider", "gmail").containsEntry("connection_id", "gmail-lead")
        .containsEntry("conversation", "t-m00001").containsEntry("sender", "Client <client@example.com>")
        .containsEntry("subject", "Subject m00001").containsEntry("labels", "INBOX,UNREAD");
    // a cursor reset (e.g. history gone) re-reads everything: nothing is duplicated or counted as new
    fixture.jdbc.sql("DELETE FROM oauth_sync_cursor").update();
    SyncOutcome again = fixture.sync.sync("gmail-lead", SyncOptions.none());
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(fixture.communications()).isEqualTo(4);
  }

  @Test
  void aPageIsStoredWholeOrNotAtAll() {
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1, page2)).history("1000", List.of(), "1000")
        .metadataFailsOnce(page2.get(2), aResponse().withStatus(500));

    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 500 to messages.get");
    assertThat(fixture.externalIds()).containsExactlyElementsOf(external(page1));
    assertThat(fixture.cursor("gmail-lead", STREAM).revision()).isEqualTo(1);

    fixture.sync.sync("gmail-lead", SyncOptions.none());
    assertThat(fixture.externalIds()).containsExactlyElementsOf(external(page1, page2));
  }

  @Test
  void garbageJsonIsAClearFailureAndTheCursorStays() {
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1, page2))
        .pageAnswers(2, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("<html>Service Unavailable"));

    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("gmail answered messages.list with malformed JSON")
        .hasMessageContaining("it begins: \"<html>Service Unavailable\"");
    SyncCursorRepository.Cursor cursor = fixture.cursor("gmail-lead", STREAM);
    assertThat(cursor.revision()).isEqualTo(1);
    assertThat(cursor.position()).contains("\"pageToken\":\"page-2\"");
    assertThat(fixture.communications()).isEqualTo(4);

    gmail.pageAnswers(2, okJson("{\"messages\":[{\"id\":\"m00005\"},{\"threadId\":\"no-id\"}],\"nextPageToken\":\"page-3\"}"));
    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("Gmail messages.list messages[]: field 'id' is missing or not a string");
    gmail.pageAnswers(2, okJson("{\"messages\":[]} trailing"));
    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none())).isInstanceOf(MalformedResponseException.class);
    assertThat(fixture.cursor("gmail-lead", STREAM)).isEqualTo(cursor);
    assertThat(fixture.communications()).isEqualTo(4);

    RuntimeException job = fixture.failures.toJobOutcome(new MalformedResponseException("x"), 3);
    assertThat(job).isInstanceOf(JobError.class);
    assertThat(((JobError) job).getErrorMessage()).contains("the cursor did not move");
  }

  @Test
  void aHistoryIdGmailNoLongerKnowsStartsAFullSyncAgain() {
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1)).history("1000", List.of(), "1000");
    fixture.sync.sync("gmail-lead", SyncOptions.none());
    gmail.historyGone("1000").profile("2000").history("2000", List.of(), "2000");

    SyncOutcome outcome = fixture.sync.sync("gmail-lead", SyncOptions.none());

    assertThat(outcome.cursor()).contains("\"historyId\":\"2000\"");
    assertThat(outcome.unchanged()).isEqualTo(4);
    assertThat(gmail.listRequests(null)).isEqualTo(2);
    assertThat(fixture.communications()).isEqualTo(4);
  }

  @Test
  void rateLimitsAndOutagesFailTheRunWithTheirBackoff() {
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1))
        .pageAnswers(1, aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"error\":{\"code\":429}}"));

    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));

    gmail.pageAnswers(1, aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
        "{\"error\":{\"code\":403,\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"userRateLimitExceeded\"}]}}"));
    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
    gmail.pageAnswers(1, aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
        "{\"error\":{\"code\":403,\"message\":\"Insufficient Permission\",\"errors\":[{\"reason\":\"insufficientPermissions\"}]}}"));
    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(dev.sprintflow.oauth.ReauthRequiredException.class).hasMessageContaining("insufficientPermissions");

    gmail.pageAnswers(1, aResponse().withStatus(503));
    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(ProviderUnavailableException.class).hasMessage("gmail answered HTTP 503 to messages.list");
    gmail.pageAnswers(1, okJson(FakeGmail.listPage(page1, null)).withFixedDelay(4_000));
    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(ProviderUnavailableException.class).hasMessage("gmail did not answer messages.list within PT3S");
    assertThat(fixture.communications()).isZero();
    assertThat(fixture.cursor("gmail-lead", STREAM).revision()).isZero();
  }

  @Test
  void aRejectedTokenIsRefreshedOnceAndTheRequestRepeated() {
    connectGmail("gmail-lead");
    String first = accessToken("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page1)).history("1000", List.of(), "1000");
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
        .atPriority(1).withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + first))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}")));
    AuthServers.drain(authServer);

    SyncOutcome outcome = fixture.sync.sync("gmail-lead", SyncOptions.none());

    assertThat(outcome.inserted()).isEqualTo(4);
    assertThat(AuthServers.tokenRequests(authServer)).singleElement()
        .satisfies(r -> assertThat(r.getBody().readUtf8()).contains("grant_type=refresh_token"));
    assertThat(accessToken("gmail-lead")).isNotEqualTo(first);
    assertThat(gmail.bearerTokens()).first().isEqualTo(first);
    assertThat(gmail.bearerTokens().subList(1, gmail.bearerTokens().size())).containsOnly(accessToken("gmail-lead"));
  }

  @SafeVarargs
  private static List<String> external(List<String>... pages) {
    List<String> all = new ArrayList<>();
    Stream.of(pages).forEach(p -> p.forEach(id -> all.add("lead@example.com/" + id)));
    return all.stream().sorted().toList();
  }
}
