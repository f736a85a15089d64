package dev.sprintflow.worker.oauth;

import java.util.Map;

/**
 * The oauth-sync job's variables (workers/oauth-sync.md). Directly ({@code connectionId},
 * {@code syncOptions}, as the element template and the schedule process map them) or, in the sprint
 * lifecycle, inside the plan task's {@code inputs} object. Never tokens: only the connection id.
 */
public record OAuthSyncInput(String connectionId, Object syncOptions, Object inputs) {

  static final String CONNECTION_ID = "connectionId";
  static final String SYNC_OPTIONS = "syncOptions";
  static final String INPUTS = "inputs";

  /** The connection id, from the variable or from {@code inputs.connectionId}. */
  public String effectiveConnectionId() {
    if (connectionId != null && !connectionId.isBlank()) {
      return connectionId.strip();
    }
    Object nested = fromInputs(CONNECTION_ID);
    if (nested instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    throw new InvalidSyncOptionsException(CONNECTION_ID,
        "The oauth-sync job needs connectionId (a variable, or inputs.connectionId in a sprint plan)");
  }

  /** The sync options, from the variable or from {@code inputs.syncOptions}. */
  public SyncOptions effectiveOptions() {
    return SyncOptions.from(syncOptions != null ? syncOptions : fromInputs(SYNC_OPTIONS));
  }

  private Object fromInputs(String name) {
    return inputs instanceof Map<?, ?> map ? map.get(name) : null;
  }
}
