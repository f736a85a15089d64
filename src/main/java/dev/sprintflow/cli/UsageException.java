package dev.sprintflow.cli;

/** Wrong command-line arguments; the message says what is wrong. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
