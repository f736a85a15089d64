package dev.sprintflow.webapps;

/** A feature needs Operate or Tasklist, and the service was not given its address; the message says which property. */
public class WebAppNotConfiguredException extends RuntimeException {
  public WebAppNotConfiguredException(String message) {
    super(message);
  }
}
