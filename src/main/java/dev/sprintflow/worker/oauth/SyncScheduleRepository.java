package dev.sprintflow.worker.oauth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code oauth_sync_schedule}: which connection has a schedule running, in which process instance. */
@Repository
public class SyncScheduleRepository {

  private final JdbcClient jdbc;

  public SyncScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Raises DuplicateKeyException when the connection has one already. */
  public void insert(SyncSchedule schedule) {
    jdbc.sql("INSERT INTO oauth_sync_schedule (connection_id, process_instance_key, sync_interval, sync_options, started_at)"
            + " VALUES (:c, :k, :i, :o, :at)")
        .param("c", schedule.connectionId())
        .param("k", schedule.processInstanceKey())
        .param("i", schedule.interval().toString())
        .param("o", schedule.syncOptions())
        .param("at", schedule.startedAt().atOffset(ZoneOffset.UTC))
        .update();
  }

  public Optional<SyncSchedule> find(String connectionId) {
    return jdbc.sql("SELECT connection_id, process_instance_key, sync_interval, sync_options, started_at"
            + " FROM oauth_sync_schedule WHERE connection_id = :c")
        .param("c", connectionId)
        .query((rs, row) -> new SyncSchedule(
            rs.getString("connection_id"),
            rs.getLong("process_instance_key"),
            Duration.parse(rs.getString("sync_interval")),
            rs.getString("sync_options"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  public boolean delete(String connectionId) {
    return jdbc.sql("DELETE FROM oauth_sync_schedule WHERE connection_id = :c").param("c", connectionId).update() == 1;
  }

}
