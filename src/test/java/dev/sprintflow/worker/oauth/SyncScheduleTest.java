package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bpmn/oauth-sync-schedule.bpmn started and stopped through the API, its timer driven by the engine clock. */
class SyncScheduleTest extends OAuthServiceTestBase {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  final List<String> page = FakeGmail.ids("sched", 1, 4);

  @Test
  void aScheduleSyncsNowAndAfterEveryIntervalUntilStopped() {
    createAndConnect("sched-gmail", "gmail", "lead@example.com");
    gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");

    HttpResponse<String> started = send("POST", "/api/connections/sched-gmail/sync-schedule", "{\"interval\":\"PT15M\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    long instance = json(started).path("processInstanceKey").asLong();
    awaitSyncs(instance, 1);
    assertThat(communications("sched-gmail")).isEqualTo(4);
    JsonNode view = json(get("/api/connections/sched-gmail"));
    assertThat(view.path("syncSchedule").path("interval").asText()).isEqualTo("PT15M");
    assertThat(send("POST", "/api/connections/sched-gmail/sync-schedule", "{}").statusCode()).isEqualTo(409);

    gmail.history("1000", FakeGmail.ids("sched", 5, 2), "1002").history("1002", List.of(), "1002");
    engine.increaseTime(Duration.ofMinutes(14));
    awaitQuiet();
    assertThat(syncsCompleted(instance)).as("not before the interval is over").isEqualTo(1);
    engine.increaseTime(Duration.ofMinutes(1));
    awaitSyncs(instance, 2);
    assertThat(communications("sched-gmail")).isEqualTo(6);
    assertThat(records.variables(instance).get("lastSync")).asString().contains("inserted=2");

    assertThat(send("DELETE", "/api/connections/sched-gmail/sync-schedule", null).statusCode()).isEqualTo(204);
    records.awaitCompleted(instance, TIMEOUT);
    assertThat(records.completedElements(instance)).contains("stop-requested", "schedule-stopped");
    assertThat(json(get("/api/connections/sched-gmail")).path("syncSchedule").isNull()).isTrue();
    assertThat(send("DELETE", "/api/connections/sched-gmail/sync-schedule", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aRevokedGrantPausesTheScheduleUntilTheAccountIsReconnected() {
    createAndConnect("sched-revoked", "gmail", "lead@example.com");
    gmail.profile("1000").metadata().pages(List.of(page)).history("1000", List.of(), "1000");
    long instance = json(send("POST", "/api/connections/sched-revoked/sync-schedule", "{\"interval\":\"PT1H\"}"))
        .path("processInstanceKey").asLong();
    awaitSyncs(instance, 1);

    // The token has expired meanwhile and the grant was revoked at the provider
    jdbc.sql("UPDATE oauth_connection SET access_expires_at = CURRENT_TIMESTAMP WHERE id = 'sched-revoked'").update();
    script.refuse("invalid_grant", "Token has been expired or revoked.");
    engine.increaseTime(Duration.ofHours(1));
    await().atMost(TIMEOUT).until(() -> activated(instance, "account-reconnected"));
    assertThat(json(get("/api/connections/sched-revoked")).path("status").asText()).isEqualTo("reauth_required");
    engine.increaseTime(Duration.ofHours(2));
    awaitQuiet();
    assertThat(syncsCompleted(instance)).as("paused: no timer, no sync").isEqualTo(1);

    assertThat(connect("sched-revoked", "gmail").statusCode()).isEqualTo(200); // reconnecting wakes it up

    awaitSyncs(instance, 2);
    assertThat(records.completedElements(instance)).contains("reauth-required", "account-reconnected");
    send("DELETE", "/api/connections/sched-revoked", null); // deleting the connection stops its schedule
    records.awaitCompleted(instance, TIMEOUT);
  }

  private long syncsCompleted(long instance) {
    return records.completedElements(instance).stream().filter("sync-messages"::equals).count();
  }

  private void awaitSyncs(long instance, int count) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> syncsCompleted(instance) >= count);
  }

  private boolean activated(long instance, String elementId) {
    return records.processInstanceEvents(instance)
        .anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED && r.getValue().getElementId().equals(elementId));
  }

  private void awaitQuiet() {
    engine.waitForIdleState(Duration.ofSeconds(10));
    try {
      Thread.sleep(1_000); // a job the engine handed out would be worked on by now
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int communications(String connectionId) {
    return jdbc.sql("SELECT count(*) FROM communications WHERE connection_id = :c").param("c", connectionId)
        .query(Integer.class).single();
  }
}
