package dev.sprintflow.sprint;

import java.time.Instant;

/** A sprint this service started: which plan, which process version, which instance. */
public record SprintRecord(
    String sprintId,
    String planId,
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    long processInstanceKey,
    String bpmnXml,
    Instant startedAt) {}
