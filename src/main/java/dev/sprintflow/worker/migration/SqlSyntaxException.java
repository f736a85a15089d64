package dev.sprintflow.worker.migration;

/** SQL that cannot be read, with the line (relative to the text that was read) where reading failed. */
class SqlSyntaxException extends RuntimeException {
  private final int line;

  SqlSyntaxException(int line, String message) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }
}
