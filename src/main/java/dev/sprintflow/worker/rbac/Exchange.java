package dev.sprintflow.worker.rbac;

/**
 * One request sent to the target and what came back: a status and the start of the body, or the
 * transport failure. {@code body} is raw (up to {@link ProbeClient#BODY_LIMIT}); reports redact it.
 */
public record Exchange(HttpCall call, Integer status, String body, String location, Failure failure, String failureMessage,
    long millis) {

  /** Why no status came back. CONNECT is what makes a target "unreachable". */
  public enum Failure { CONNECT, TIMEOUT, IO, NOT_SENT }

  static Exchange failed(HttpCall call, Failure failure, String message, long millis) {
    return new Exchange(call, null, null, null, failure, message, millis);
  }

  static Exchange notSent(HttpCall call, String reason) {
    return failed(call, Failure.NOT_SENT, reason, 0);
  }

  public boolean answered() {
    return status != null;
  }

  public boolean succeeded() {
    return status != null && status >= 200 && status < 300;
  }

  /** {@code 200} or {@code timeout after 10s}: the outcome in one phrase for reports. */
  public String outcome() {
    return answered() ? Integer.toString(status) : failureMessage;
  }
}
