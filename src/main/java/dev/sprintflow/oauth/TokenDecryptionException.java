package dev.sprintflow.oauth;

/** A sealed token that cannot be opened; the message says why, never what. */
public class TokenDecryptionException extends RuntimeException {
  public TokenDecryptionException(String reason) {
    super("The stored token cannot be decrypted: " + reason);
  }
}
