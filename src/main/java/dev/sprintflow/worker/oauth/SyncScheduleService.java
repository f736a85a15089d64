package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sprintflow.engine.EngineFailure;
import dev.sprintflow.oauth.ConnectionAuthorized;
import dev.sprintflow.process.EngineUnavailableException;
import dev.sprintflow.process.ProcessStarter;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Starts and stops bpmn/oauth-sync-schedule.bpmn per connection, and wakes a schedule paused on a
 * revoked grant when the connection is authorised again.
 */
@Service
public class SyncScheduleService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduleService.class);
  public static final String PROCESS_ID = "oauth-sync-schedule";
  public static final String STOP_MESSAGE = "oauth-sync-stop";
  public static final String RECONNECTED_MESSAGE = "oauth-connection-reconnected";

  private final SyncScheduleRepository schedules;
  private final SyncService sync;
  private final ProcessStarter starter;
  private final CamundaClient client;
  private final Duration defaultInterval;
  private final Duration minInterval;
  private final Clock clock;

  public SyncScheduleService(SyncScheduleRepository schedules, SyncService sync, ProcessStarter starter, CamundaClient client,
      @Value("${sprintflow.oauth.schedule.default-interval:PT15M}") Duration defaultInterval,
      @Value("${sprintflow.oauth.schedule.min-interval:PT1M}") Duration minInterval, Clock clock) {
    this.schedules = schedules;
    this.sync = sync;
    this.starter = starter;
    this.client = client;
    this.defaultInterval = defaultInterval;
    this.minInterval = minInterval;
    this.clock = clock;
  }

  public Optional<SyncSchedule> find(String connectionId) {
    return schedules.find(connectionId);
  }

  /**
   * Starts syncing the connection now and every {@code interval} (null: the default).
   *
   * @param syncOptions the worker's options (checked against the provider before anything starts)
   */
  public SyncSchedule start(String connectionId, Duration interval, Map<String, Object> syncOptions) {
    Duration every = interval == null ? defaultInterval : interval;
    if (every.compareTo(minInterval) < 0) {
      throw new InvalidSyncOptionsException("interval", "interval must be at least " + minInterval + ", not " + every);
    }
    sync.validate(connectionId, SyncOptions.from(syncOptions));
    schedules.find(connectionId).ifPresent(existing -> {
      throw new ScheduleConflictException(connectionId, existing.processInstanceKey());
    });
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connectionId", connectionId);
    variables.put("syncOptions", syncOptions == null ? Map.of() : syncOptions);
    variables.put("syncInterval", every.toString());
    long key = starter.start(PROCESS_ID, variables).processInstanceKey();
    SyncSchedule schedule = new SyncSchedule(connectionId, key, every, json(syncOptions), clock.instant());
    try {
      schedules.insert(schedule);
    } catch (DuplicateKeyException e) {
      cancelQuietly(key); // lost a race with another start: keep theirs
      throw new ScheduleConflictException(connectionId, schedules.find(connectionId).map(SyncSchedule::processInstanceKey).orElse(-1L));
    }
    LOG.info("Sync schedule for connection '{}' started every {} (process instance {})", connectionId, every, key);
    return schedule;
  }

  /** Stops the connection's schedule; a sync in progress is interrupted (its work so far stays stored). */
  public void stop(String connectionId) {
    SyncSchedule schedule = schedules.find(connectionId).orElseThrow(() -> new ScheduleNotFoundException(connectionId));
    publish(STOP_MESSAGE, connectionId);
    schedules.delete(connectionId);
    LOG.info("Sync schedule for connection '{}' stopped (process instance {})", connectionId, schedule.processInstanceKey());
  }

  /** A paused schedule (waiting after OAUTH_REAUTH_REQUIRED) syncs again once the account is reconnected. */
  @EventListener
  public void onAuthorized(ConnectionAuthorized event) {
    if (schedules.find(event.connectionId()).isPresent()) {
      try {
        publish(RECONNECTED_MESSAGE, event.connectionId());
      } catch (EngineUnavailableException e) {
        LOG.warn("Could not wake the sync schedule of connection '{}': {}", event.connectionId(), e.getMessage());
      }
    }
  }

  private void publish(String message, String connectionId) {
    try {
      // No time to live: only a schedule waiting right now may take it, never a later one.
      client.newPublishMessageCommand().messageName(message).correlationKey(connectionId)
          .timeToLive(Duration.ZERO).send().join();
    } catch (ClientException e) {
      throw new EngineUnavailableException(EngineFailure.of(e).message(), e);
    }
  }

  private void cancelQuietly(long key) {
    try {
      client.newCancelInstanceCommand(key).send().join();
    } catch (ClientException e) {
      LOG.warn("Could not cancel duplicate sync schedule instance {}: {}", key, e.getMessage());
    }
  }

  private static String json(Map<String, Object> options) {
    try {
      return ProviderApiFactory.JSON.writeValueAsString(options == null ? Map.of() : options);
    } catch (JsonProcessingException e) {
      throw new InvalidSyncOptionsException("syncOptions", "syncOptions cannot be written as JSON");
    }
  }
}
