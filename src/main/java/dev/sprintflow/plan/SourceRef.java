package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Where a task or gate is defined: file name as given to the loader, 1-based line. */
@JsonPropertyOrder({"file", "line"})
public record SourceRef(String file, int line) {}
