package dev.sprintflow.plan;

/** A 1-based line and column in a named plan file. */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  public static SourceLocation start(String file) {
    return new SourceLocation(file, 1, 1);
  }

  public SourceRef ref() {
    return new SourceRef(file, line);
  }
}
