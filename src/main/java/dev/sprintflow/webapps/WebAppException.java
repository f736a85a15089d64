package dev.sprintflow.webapps;

/**
 * Operate or Tasklist answered with an error. {@code status} is its HTTP status (0 when the answer
 * could not be read); the message names the application, the request and what it said.
 */
public class WebAppException extends RuntimeException {
  private final int status;

  public WebAppException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
