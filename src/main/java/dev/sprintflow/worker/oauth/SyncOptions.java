package dev.sprintflow.worker.oauth;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one sync job reads (workers/oauth-sync.md): all optional except {@code channel} for Slack.
 *
 * @param pageSize messages per page, 1-500
 * @param maxPages pages this job stores at most
 * @param label Gmail: only messages with this label id (e.g. INBOX); each label has its own cursor
 * @param channel Slack: the conversation id to read (e.g. C024BE91L)
 */
public record SyncOptions(Integer pageSize, Integer maxPages, String label, String channel) {

  static final Set<String> NAMES = Set.of("pageSize", "maxPages", "label", "channel");

  public static SyncOptions none() {
    return new SyncOptions(null, null, null, null);
  }

  /** From the job's {@code syncOptions} variable (a JSON object, or null for defaults). */
  public static SyncOptions from(Object value) {
    if (value == null) {
      return none();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidSyncOptionsException("syncOptions", "syncOptions must be a JSON object, not " + value.getClass().getSimpleName());
    }
    Set<String> unknown = new TreeSet<>();
    map.keySet().forEach(k -> {
      if (!NAMES.contains(String.valueOf(k))) {
        unknown.add(String.valueOf(k));
      }
    });
    if (!unknown.isEmpty()) {
      throw new InvalidSyncOptionsException("syncOptions", "Unknown sync option(s) " + unknown + "; known: " + new TreeSet<>(NAMES));
    }
    return new SyncOptions(
        intValue(map.get("pageSize"), "pageSize", 1, 500),
        intValue(map.get("maxPages"), "maxPages", 1, 100_000),
        text(map.get("label"), "label"),
        text(map.get("channel"), "channel"));
  }

  private static Integer intValue(Object value, String name, int min, int max) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= min && n.longValue() <= max) {
      return n.intValue();
    }
    throw new InvalidSyncOptionsException("syncOptions." + name, "syncOptions." + name + " must be a whole number from " + min + " to " + max);
  }

  private static String text(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s && s.strip().matches("[A-Za-z0-9_.:-]{1,128}")) {
      return s.strip();
    }
    throw new InvalidSyncOptionsException("syncOptions." + name,
        "syncOptions." + name + " must be an id of 1-128 letters, digits, '_', '.', ':' or '-'");
  }
}
