package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sprintflow.lifecycle.LifecycleErrors;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConnectionStatus;
import dev.sprintflow.oauth.ReauthRequiredException;
import dev.sprintflow.oauth.TokenEndpointException;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Token refresh against the authorization server: single flight, rotation, revocation, outages. */
class TokenRefreshTest extends PeerTestBase {

  final List<String> page = FakeGmail.ids("m", 1, 4);

  @Test
  void anExpiringTokenIsRefreshedExactlyOnceUnderTenConcurrentSyncs() throws Exception {
    script.issue("ya29.expiring-access", "rt-first", 60); // inside the 5-minute buffer
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");
    AuthServers.drain(authServer);

    List<SyncOutcome> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<SyncOutcome>> runs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          return fixture.sync.sync("gmail-lead", SyncOptions.none());
        }));
      }
      start.countDown();
      for (Future<SyncOutcome> run : runs) {
        outcomes.add(run.get());
      }
    } finally {
      pool.shutdownNow();
    }

    List<RecordedRequest> tokenRequests = AuthServers.tokenRequests(authServer);
    assertThat(tokenRequests).hasSize(1);
    assertThat(tokenRequests.get(0).getBody().readUtf8()).contains("grant_type=refresh_token", "refresh_token=rt-first");
    String refreshed = accessToken("gmail-lead");
    assertThat(refreshed).isNotEqualTo("ya29.expiring-access");
    assertThat(gmail.bearerTokens()).isNotEmpty().containsOnly(refreshed);
    assertThat(fixture.connections.find("gmail-lead").orElseThrow().tokenRevision()).isEqualTo(2);
    assertThat(outcomes.stream().mapToInt(SyncOutcome::inserted).sum()).isEqualTo(4);
    assertThat(fixture.communications()).isEqualTo(4);
  }

  @Test
  void aRotatedRefreshTokenIsStoredAndUsedForTheNextRefresh() {
    script.issue("at-one", "rt-one", 60);
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");
    script.issue("at-two", "rt-two", 60); // the refresh rotates the refresh token
    AuthServers.drain(authServer);

    fixture.sync.sync("gmail-lead", SyncOptions.none());
    assertThat(refreshToken("gmail-lead")).isEqualTo("rt-two");
    assertThat(accessToken("gmail-lead")).isEqualTo("at-two");
    fixture.sync.sync("gmail-lead", SyncOptions.none()); // at-two expires within the buffer too

    List<RecordedRequest> refreshes = AuthServers.tokenRequests(authServer);
    assertThat(refreshes).hasSize(2);
    assertThat(refreshes.get(0).getBody().readUtf8()).contains("refresh_token=rt-one");
    assertThat(refreshes.get(1).getBody().readUtf8()).contains("refresh_token=rt-two");
    assertThat(refreshToken("gmail-lead")).isEqualTo("rt-two"); // not rotated this time: kept
  }

  @Test
  void aRevokedGrantAsksForReconnectingAndStopsCallingTheServer() {
    script.issue("at-one", "rt-one", 60);
    connectGmail("gmail-lead");
    gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");
    script.refuse("invalid_grant", "Token has been expired or revoked.");

    assertThatThrownBy(() -> fixture.sync.sync("gmail-lead", SyncOptions.none()))
        .isInstanceOf(ReauthRequiredException.class).hasMessageContaining("invalid_grant");
    Connection revoked = fixture.connections.find("gmail-lead").orElseThrow();
    assertThat(revoked.status()).isEqualTo(ConnectionStatus.REAUTH_REQUIRED);
    assertThat(revoked.accessToken()).isNull();
    assertThat(revoked.refreshToken()).isNull();
    assertThat(revoked.statusReason()).contains("revoked or has expired");

    AuthServers.drain(authServer);
    ReauthRequiredException again = org.junit.jupiter.api.Assertions.assertThrows(ReauthRequiredException.class,
        () -> fixture.sync.sync("gmail-lead", SyncOptions.none()));
    assertThat(AuthServers.tokenRequests(authServer)).isEmpty();
    assertThat(api.getAllServeEvents()).isEmpty();

    RuntimeException outcome = fixture.failures.toJobOutcome(again, 3);
    assertThat(outcome).isInstanceOf(BpmnError.class);
    BpmnError error = (BpmnError) outcome;
    assertThat(error.getErrorCode()).isEqualTo(LifecycleErrors.OAUTH_REAUTH_REQUIRED);
    String link = "http://127.0.0.1:8080/oauth/gmail/authorize?connection=gmail-lead";
    assertThat(error.getErrorMessage()).startsWith("Reconnect account:").contains(link, "lead@example.com");
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) error.getVariables();
    assertThat(variables).containsEntry("errorCode", LifecycleErrors.OAUTH_REAUTH_REQUIRED)
        .containsEntry("reconnectUrl", link).containsEntry("connectionId", "gmail-lead");

    URI callback = Browser.consent(fixture.consent.authorizeRedirect("gmail", "gmail-lead"), "lead@example.com");
    fixture.consent.complete("gmail", Browser.query(callback));
    assertThat(fixture.sync.sync("gmail-lead", SyncOptions.none()).inserted()).isEqualTo(4);
  }

  @Test
  void aTokenEndpointOutageChangesNothingAndIsRetried() {
    script.issue("at-one", "rt-one", 60);
    connectGmail("gmail-lead");
    Connection before = fixture.connections.find("gmail-lead").orElseThrow();
    script.fail(503);

    TokenEndpointException e = org.junit.jupiter.api.Assertions.assertThrows(TokenEndpointException.class,
        () -> fixture.sync.sync("gmail-lead", SyncOptions.none()));

    assertThat(e.kind()).isEqualTo(TokenEndpointException.Kind.UNAVAILABLE);
    assertThat(fixture.connections.find("gmail-lead").orElseThrow()).isEqualTo(before);
    RuntimeException outcome = fixture.failures.toJobOutcome(e, 3);
    assertThat(outcome).isInstanceOfSatisfying(JobError.class, j -> {
      assertThat(j.getRetries()).isEqualTo(2);
      assertThat(j.getRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
      assertThat(j.getErrorMessage()).contains("token endpoint", "HTTP 503");
    });
  }

  @Test
  void tokensAppearInNoLogLineAndNoErrorMessage() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("dev.sprintflow");
    Level before = ours.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    ours.setLevel(Level.DEBUG);
    List<String> messages = new ArrayList<>();
    try {
      script.issue("SECRET-ACCESS-one", "SECRET-REFRESH-one", 60);
      connectGmail("gmail-lead");
      gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");
      script.issue("SECRET-ACCESS-two", "SECRET-REFRESH-two", 3600);
      fixture.sync.sync("gmail-lead", SyncOptions.none());
      fixture.connections.find("gmail-lead").map(Object::toString).ifPresent(messages::add);
      script.refuse("invalid_grant", "revoked");
      fixture.jdbc.sql("UPDATE oauth_connection SET access_expires_at = now()").update();
      try {
        fixture.sync.sync("gmail-lead", SyncOptions.none());
      } catch (RuntimeException e) {
        messages.add(e.getMessage());
        messages.add(fixture.failures.toJobOutcome(e, 3).getMessage());
      }
    } finally {
      root.detachAppender(logs);
      ours.setLevel(before);
    }
    logs.list.forEach(event -> {
      messages.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        messages.add(event.getThrowableProxy().getMessage());
      }
    });
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).contains("Refreshed the access token"))
        .anySatisfy(m -> assertThat(m).contains("needs reconnecting"));
    assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("SECRET-"));
  }
}
