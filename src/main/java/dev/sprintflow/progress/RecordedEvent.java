package dev.sprintflow.progress;

import java.time.Instant;

/** A listener event as stored, for audits and tests (no gaps, no duplicates). */
public record RecordedEvent(
    long elementInstanceKey,
    String eventType,
    long jobKey,
    String subjectKind,
    String subjectId,
    String elementId,
    long processInstanceKey,
    Instant recordedAt) {}
