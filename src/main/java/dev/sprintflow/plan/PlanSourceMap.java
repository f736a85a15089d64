package dev.sprintflow.plan;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a plan came from, keyed by JSON pointer into the plan's JSON form
 * ("/tasks/2/dependsOn/0"), so the validator can point at the exact line and column. A pointer
 * without an entry falls back to its nearest recorded ancestor, then to the start of the file.
 */
public final class PlanSourceMap {
  private final String file;
  private final Map<String, SourceLocation> locations;

  private PlanSourceMap(String file, Map<String, SourceLocation> locations) {
    this.file = file;
    this.locations = locations;
  }

  public static PlanSourceMap empty(String file) {
    return new PlanSourceMap(file, Map.of());
  }

  public String file() {
    return file;
  }

  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation at = locations.get(p);
      if (at != null) {
        return at;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return SourceLocation.start(file);
      }
      p = p.substring(0, slash);
    }
  }

  public static Builder builder(String file) {
    return new Builder(file);
  }

  /** Records locations while a reader builds a plan; the first location recorded for a pointer wins. */
  public static final class Builder {
    private final String file;
    private final Map<String, SourceLocation> locations = new HashMap<>();

    private Builder(String file) {
      this.file = file;
    }

    public Builder put(String pointer, SourceLocation location) {
      if (location != null) {
        locations.putIfAbsent(pointer, location);
      }
      return this;
    }

    public PlanSourceMap build() {
      return new PlanSourceMap(file, Map.copyOf(locations));
    }
  }
}
