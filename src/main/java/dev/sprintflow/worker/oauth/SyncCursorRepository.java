package dev.sprintflow.worker.oauth;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code oauth_sync_cursor}: one position per connection and stream, moved by compare-and-set on
 * its revision so two syncs of one stream never move it back or skip a page.
 */
@Repository
public class SyncCursorRepository {

  /** A stored position (null before the first page) and the revision it was read at (0 when absent). */
  public record Cursor(String position, long revision) {}

  private final JdbcClient jdbc;

  public SyncCursorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Cursor read(String connectionId, String stream) {
    return jdbc.sql("SELECT sync_position, revision FROM oauth_sync_cursor WHERE connection_id = :c AND stream_key = :s")
        .param("c", connectionId).param("s", stream)
        .query((rs, row) -> new Cursor(rs.getString("sync_position"), rs.getLong("revision")))
        .optional()
        .orElse(new Cursor(null, 0));
  }

  /**
   * Moves the cursor if it is still at {@code expectedRevision}; false when another sync moved it
   * first. In a transaction, the row stays locked until commit, so a concurrent advance waits and
   * then fails instead of both storing the same page.
   */
  public boolean advance(String connectionId, String stream, long expectedRevision, String position, Instant now) {
    if (expectedRevision == 0) {
      return jdbc.sql("INSERT INTO oauth_sync_cursor (connection_id, stream_key, sync_position, revision, updated_at)"
              + " VALUES (:c, :s, :p, 1, :now) ON CONFLICT DO NOTHING")
          .param("c", connectionId).param("s", stream).param("p", position).param("now", now.atOffset(ZoneOffset.UTC))
          .update() == 1;
    }
    return jdbc.sql("UPDATE oauth_sync_cursor SET sync_position = :p, revision = revision + 1, updated_at = :now"
            + " WHERE connection_id = :c AND stream_key = :s AND revision = :r")
        .param("p", position).param("now", now.atOffset(ZoneOffset.UTC))
        .param("c", connectionId).param("s", stream).param("r", expectedRevision)
        .update() == 1;
  }
}
