package dev.sprintflow.webapps;

/** Operate or Tasklist cannot be reached (connection refused, timeout); the request may succeed later. */
public class WebAppUnavailableException extends RuntimeException {
  public WebAppUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
