package dev.targets.clients;

/** Bugs the test target can be started with, to see the rbac-check worker catch them. */
public enum Flaw {
  /** Managers may update clients they are not assigned to (the missing scope check of a real bug). */
  MANAGER_UPDATES_UNASSIGNED,
  /** Archiving crashes with HTTP 500 once the caller is allowed to archive. */
  ARCHIVE_FAILS,
  /** Exports take three seconds to answer (longer than a short request timeout). */
  EXPORT_SLOW
}
