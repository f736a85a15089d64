package dev.sprintflow.worker.oauth;

/**
 * The oauth-sync job's result variables (workers/oauth-sync.md). {@code result} is the summary the
 * sprint lifecycle shows reviewers; {@code cursor} is the provider's position (no token in it).
 */
public record OAuthSyncResult(String result, String connectionId, String provider, int fetched, int inserted,
    int updated, int unchanged, int pages, String cursor, boolean caughtUp) {

  /** The variables the job completes with, in record order. */
  public static final java.util.List<String> VARIABLES = java.util.List.of(
      "result", "connectionId", "provider", "fetched", "inserted", "updated", "unchanged", "pages", "cursor", "caughtUp");

  static OAuthSyncResult of(SyncOutcome outcome) {
    return new OAuthSyncResult(outcome.summary(), outcome.connectionId(), outcome.provider(), outcome.fetched(),
        outcome.inserted(), outcome.updated(), outcome.unchanged(), outcome.pages(), outcome.cursor(), outcome.caughtUp());
  }
}
