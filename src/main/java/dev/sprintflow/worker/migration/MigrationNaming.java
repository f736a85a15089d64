package dev.sprintflow.worker.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads version numbers from migration file names and gives ported files the target's names:
 * {@code 003_cartridge_system.sql} (Supabase and most hand-rolled tools) or
 * {@code V3__cartridge_system.sql} (Flyway).
 */
final class MigrationNaming {

  /** How the target project names its migrations. */
  enum Style {
    /** {@code 008_cartridge_system.sql}: at least three digits, underscore, description. */
    NUMBERED,
    /** {@code V8__cartridge_system.sql}: Flyway's versioned migrations. */
    FLYWAY;

    static Style of(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "numbered" -> NUMBERED;
        case "flyway" -> FLYWAY;
        default -> throw new IllegalArgumentException("must be 'numbered' (008_name.sql) or 'flyway' (V8__name.sql)");
      };
    }
  }

  private static final Pattern FLYWAY_NAME = Pattern.compile("^V(\\d+)__(.+)\\.sql$");
  private static final Pattern NUMBERED_NAME = Pattern.compile("^(\\d+)_(?!_)(.+)\\.sql$");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]+");

  /** A source migration: its file name, version and description (the part after the version). */
  record Versioned(String fileName, long version, String description) {}

  /** A source migration with the number and name it gets in the target. */
  record Renumbered(Versioned source, long targetVersion, String targetName) {}

  private MigrationNaming() {}

  /** The version and description of a migration file name, if it follows either convention. */
  static Optional<Versioned> parse(String fileName) {
    for (Pattern p : List.of(FLYWAY_NAME, NUMBERED_NAME)) {
      Matcher m = p.matcher(fileName);
      if (m.matches()) {
        try {
          return Optional.of(new Versioned(fileName, Long.parseLong(m.group(1)), m.group(2)));
        } catch (NumberFormatException e) {
          return Optional.empty(); // more digits than a long: not a version we can renumber
        }
      }
    }
    return Optional.empty();
  }

  static String targetName(Style style, long version, String description) {
    String safe = UNSAFE.matcher(description).replaceAll("_");
    return switch (style) {
      case NUMBERED -> "%03d_%s.sql".formatted(version, safe);
      case FLYWAY -> "V%d__%s.sql".formatted(version, safe);
    };
  }

  /**
   * Gives every source (already in source order) its target version: from the explicit mapping if
   * it has one, otherwise the next free number from {@code start}. The target order must keep the
   * source order, because later migrations depend on earlier ones.
   *
   * @throws IllegalArgumentException with a message naming the offending variable
   */
  static List<Renumbered> renumber(List<Versioned> sources, Style style, Long start, Map<Long, Long> mapping) {
    Map<Long, Long> byVersion = mapping == null ? Map.of() : mapping;
    Set<Long> sourceVersions = new HashSet<>();
    for (Versioned v : sources) {
      if (!sourceVersions.add(v.version())) {
        throw new IllegalArgumentException("sourceFiles: two source files have version %d".formatted(v.version()));
      }
    }
    for (Long key : byVersion.keySet()) {
      if (!sourceVersions.contains(key)) {
        throw new IllegalArgumentException("numberingMapping: version %d matches no source file (source versions: %s)"
            .formatted(key, sources.stream().map(v -> Long.toString(v.version())).toList()));
      }
    }
    Set<Long> reserved = new HashSet<>(byVersion.values());
    long next = start == null ? 0 : start;
    List<Renumbered> result = new ArrayList<>();
    Map<Long, String> taken = new HashMap<>();
    for (Versioned v : sources) {
      long target;
      if (byVersion.containsKey(v.version())) {
        target = byVersion.get(v.version());
      } else if (start == null) {
        throw new IllegalArgumentException("numberingMapping: %s (version %d) has no target number; map it or set numberingStart"
            .formatted(v.fileName(), v.version()));
      } else {
        if (!result.isEmpty()) {
          next = Math.max(next, result.getLast().targetVersion() + 1); // continue after the previous file
        }
        while (reserved.contains(next)) {
          next++;
        }
        target = next++;
      }
      if (target < 1) {
        throw new IllegalArgumentException("numbering: target version of %s must be at least 1, but is %d".formatted(v.fileName(), target));
      }
      String clash = taken.putIfAbsent(target, v.fileName());
      if (clash != null) {
        throw new IllegalArgumentException("numberingMapping: %s and %s would both become version %d"
            .formatted(clash, v.fileName(), target));
      }
      if (!result.isEmpty() && result.getLast().targetVersion() > target) {
        Renumbered previous = result.getLast();
        throw new IllegalArgumentException(
            "numberingMapping must keep the source order: %s comes after %s but would get version %d < %d"
                .formatted(v.fileName(), previous.source().fileName(), target, previous.targetVersion()));
      }
      result.add(new Renumbered(v, target, targetName(style, target, v.description())));
    }
    return result;
  }

  static Comparator<Versioned> sourceOrder() {
    return Comparator.comparingLong(Versioned::version).thenComparing(Versioned::fileName);
  }
}
