package dev.sprintflow.review;

import java.time.Instant;

/** A decision the inbox handed to the engine: the user task is complete, the process moves on. */
public record DecisionRecorded(String id, String kind, String decision, String comment, Instant decidedAt) {}
