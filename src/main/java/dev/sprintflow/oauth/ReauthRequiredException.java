package dev.sprintflow.oauth;

/**
 * The connection cannot get a usable token any more (revoked or expired grant, no refresh token,
 * tokens that cannot be opened): a person must go through consent again.
 */
public class ReauthRequiredException extends RuntimeException {

  private final String connectionId;
  private final String provider;
  private final String account;
  private final String reason;

  public ReauthRequiredException(String connectionId, String provider, String account, String reason) {
    super("The %s connection '%s' (%s) must be reconnected: %s".formatted(provider, connectionId, account, reason));
    this.connectionId = connectionId;
    this.provider = provider;
    this.account = account;
    this.reason = reason;
  }

  public String connectionId() {
    return connectionId;
  }

  public String provider() {
    return provider;
  }

  public String account() {
    return account;
  }

  public String reason() {
    return reason;
  }
}
