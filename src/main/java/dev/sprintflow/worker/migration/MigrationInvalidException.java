package dev.sprintflow.worker.migration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The port cannot be done as asked: a human has to look (the worker throws BPMN error
 * {@code MIGRATION_INVALID}). Retrying the same job would fail the same way.
 */
public class MigrationInvalidException extends RuntimeException {

  /** What was wrong. */
  public enum Kind {
    /** a variable is missing or wrong */
    REQUEST,
    /** a path or workspace was refused */
    WORKSPACE,
    /** a source file cannot be parsed */
    SOURCE_SQL,
    /** the target database rejected a ported migration */
    DATABASE,
    /** the target already holds something else under the same version, or applied other content */
    CONFLICT,
    /** the database does not look as the port promised after applying */
    VERIFICATION;

    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Kind kind;
  private final String file;
  private final Integer line;
  private final String detail;

  public MigrationInvalidException(Kind kind, String file, Integer line, String detail, Throwable cause) {
    super(message(file, line, detail), cause);
    this.kind = kind;
    this.file = file;
    this.line = line;
    this.detail = detail;
  }

  public MigrationInvalidException(Kind kind, String detail) {
    this(kind, null, null, detail, null);
  }

  public Kind kind() {
    return kind;
  }

  public String file() {
    return file;
  }

  public Integer line() {
    return line;
  }

  /** The message without file and line. */
  public String detail() {
    return detail;
  }

  /** The error's variables for the process (no secrets: messages never contain credentials). */
  public Map<String, Object> variables() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("kind", kind.code());
    if (file != null) {
      error.put("file", file);
    }
    if (line != null) {
      error.put("line", line);
    }
    error.put("message", detail);
    return Map.of("migrationError", error);
  }

  private static String message(String file, Integer line, String detail) {
    if (file == null) {
      return detail;
    }
    return line == null ? file + ": " + detail : file + ":" + line + ": " + detail;
  }
}
