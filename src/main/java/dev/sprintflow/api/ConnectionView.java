package dev.sprintflow.api;

import dev.sprintflow.oauth.Connection;
import dev.sprintflow.worker.oauth.SyncSchedule;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * A connection as the API shows it: status, expiry and the link to (re)connect, never a token.
 *
 * @param status {@code pending} (never authorised), {@code connected}, {@code reauth_required}
 * @param authorizeUrl where a person goes to authorise or reconnect it
 */
public record ConnectionView(
    String id,
    String provider,
    String account,
    String status,
    String statusReason,
    Instant accessTokenExpiresAt,
    String grantedScopes,
    URI authorizeUrl,
    Instant createdAt,
    Instant updatedAt,
    Instant lastRefreshedAt,
    ScheduleView syncSchedule) {

  /** The connection's running sync schedule. */
  public record ScheduleView(String processInstanceKey, String interval, Instant startedAt) {
    static ScheduleView of(SyncSchedule s) {
      return new ScheduleView(Long.toString(s.processInstanceKey()), s.interval().toString(), s.startedAt());
    }
  }

  static ConnectionView of(Connection c, URI authorizeUrl, SyncSchedule schedule) {
    return new ConnectionView(c.id(), c.provider(), c.account(), c.status().name().toLowerCase(Locale.ROOT),
        c.statusReason(), c.accessExpiresAt(), c.grantedScopes(), authorizeUrl, c.createdAt(), c.updatedAt(),
        c.lastRefreshedAt(), schedule == null ? null : ScheduleView.of(schedule));
  }
}
