package dev.sprintflow.worker.oauth;

/**
 * A provider's incremental sync. Adding a provider means one implementation (a Spring bean) plus
 * its endpoints under {@code sprintflow.oauth.providers.<name>}; token handling, storage, cursors
 * and errors are shared.
 *
 * <p>Implementations are stateless: the position string (their own format, stored per connection
 * and stream) carries everything between pages, so any instance can go on after a crash.
 */
public interface ProviderSync {

  /** The provider name, as configured and as stored with connections and messages. */
  String provider();

  /** Which cursor this sync moves for these options (a mailbox, a label, a channel); rejects options it cannot use. */
  String streamKey(SyncOptions options);

  /**
   * Fetches the page after {@code request.position()} with the provider's API. Throws
   * {@link MalformedResponseException} for answers it cannot read, rather than returning a partial page.
   */
  SyncPage fetchPage(ProviderApi api, SyncRequest request);
}
