package dev.sprintflow.worker.oauth;

import dev.sprintflow.oauth.Connection;

/**
 * What a provider sync needs to fetch the next page.
 *
 * @param position the stored cursor of this stream, or null at the start
 */
public record SyncRequest(Connection connection, SyncOptions options, String position, int pageSize) {}
