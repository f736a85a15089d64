package dev.sprintflow.worker.oauth;

/**
 * What one sync run did.
 *
 * @param cursor the stream's position after the run (the provider's own cursor, as JSON)
 * @param caughtUp true when the provider had nothing more; false when the run stopped at its page
 *     or time budget and the next run goes on
 */
public record SyncOutcome(String connectionId, String provider, String stream, int pages, int fetched, int inserted,
    int updated, int unchanged, String cursor, boolean caughtUp) {

  /** One line for people: the lifecycle's {@code result}. */
  public String summary() {
    return "%s %s (%s): %d fetched in %d page(s), %d new, %d updated, %d unchanged; %s".formatted(
        provider, connectionId, stream, fetched, pages, inserted, updated, unchanged,
        caughtUp ? "caught up" : "more to sync on the next run");
  }
}
