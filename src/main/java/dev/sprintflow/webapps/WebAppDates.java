package dev.sprintflow.webapps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Operate and Tasklist 8.6 write dates as 2026-11-22T06:59:42.881+0000 (offset without colon). */
final class WebAppDates {

  private static final DateTimeFormatter CAMUNDA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private WebAppDates() {}

  /** Null for null, blank or unreadable text: a date is informative, never worth failing a request. */
  static Instant parse(String text) {
    if (text == null || text.isBlank() || text.equals("null")) {
      return null;
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {CAMUNDA, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
      try {
        return OffsetDateTime.parse(text, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next format
      }
    }
    return null;
  }
}
