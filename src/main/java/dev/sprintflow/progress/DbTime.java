package dev.sprintflow.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants and durations to and from the database, the same way on PostgreSQL and H2. */
public final class DbTime {

  private DbTime() {}

  public static OffsetDateTime of(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  public static Duration duration(ResultSet rs, String column) throws SQLException {
    long s = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofSeconds(s);
  }

  /** Cuts text to a column's width, so a long comment never fails a listener job. */
  public static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
