package dev.sprintflow.datasource;

import java.util.Collection;

/** A process named a target database that is not configured. */
public class UnknownTargetDataSourceException extends RuntimeException {
  public UnknownTargetDataSourceException(String name, Collection<String> configured) {
    super("Unknown target database '%s'; configured: %s (sprintflow.datasources.<name>.url)"
        .formatted(name, configured.isEmpty() ? "none" : String.join(", ", configured)));
  }
}
