package dev.sprintflow.worker.oauth;

import java.util.List;
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
  /** The variables the worker fetches, in record order. */
  public static final List<String> VARIABLES = List.of(CONNECTION_ID, SYNC_OPTIONS, INPUTS);

  /** From the job's variables; a connectionId that is not a string is the request's fault. */
  public static OAuthSyncInput from(Map<String, Object> variables) {
    Object id = variables.get(CONNECTION_ID);
    if (id != null && !(id instanceof String)) {
      throw new InvalidSyncOptionsException(CONNECTION_ID, "connectionId must be a string, not " + id.getClass().getSimpleName());
    }
    return new OAuthSyncInput((String) id, variables.get(SYNC_OPTIONS), variables.get(INPUTS));
  }

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
