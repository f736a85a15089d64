package dev.sprintflow.oauth;

/**
 * A consent callback that cannot complete. {@code field} names the offending callback parameter
 * ({@code state}, {@code code}, {@code error}); the message never holds a token or secret.
 */
public class ConsentException extends RuntimeException {

  private final String field;
  private final boolean providerUnavailable;

  public ConsentException(String field, String message, boolean providerUnavailable) {
    super(message);
    this.field = field;
    this.providerUnavailable = providerUnavailable;
  }

  public String field() {
    return field;
  }

  /** True when the provider's token endpoint could not be reached (the person may simply retry). */
  public boolean providerUnavailable() {
    return providerUnavailable;
  }
}
