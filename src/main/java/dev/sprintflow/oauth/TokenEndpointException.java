package dev.sprintflow.oauth;

import java.time.Duration;

/** A token endpoint call that did not yield tokens. The message never contains a token. */
public class TokenEndpointException extends RuntimeException {

  /** What went wrong, which decides who has to act. */
  public enum Kind {
    /** invalid_grant and its provider-specific spellings: the grant is revoked or expired; a person must reconnect. */
    INVALID_GRANT,
    /** Any other OAuth error (invalid_client, ...): the client registration needs an operator. */
    REJECTED,
    /** No answer, a timeout, 429 or a 5xx: try again later. */
    UNAVAILABLE,
    /** An answer that is not a token response. */
    MALFORMED
  }

  private final Kind kind;
  private final String errorCode;
  private final Duration retryAfter;

  public TokenEndpointException(Kind kind, String errorCode, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The OAuth error code (e.g. {@code invalid_grant}), or null when there was none. */
  public String errorCode() {
    return errorCode;
  }

  /** From a 429's Retry-After, else null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
