package dev.sprintflow.worker.oauth;

import java.time.Duration;
import java.time.Instant;

/** A running bpmn/oauth-sync-schedule.bpmn instance for a connection. */
public record SyncSchedule(String connectionId, long processInstanceKey, Duration interval, String syncOptions, Instant startedAt) {}
