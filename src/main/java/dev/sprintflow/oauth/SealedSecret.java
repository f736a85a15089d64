package dev.sprintflow.oauth;

import java.util.Arrays;

/**
 * A secret as stored: AES-GCM output (format byte, IV, ciphertext and tag) and the id of the key
 * that sealed it.
 */
public record SealedSecret(byte[] ciphertext, String keyId) {

  public SealedSecret {
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedSecret other && keyId.equals(other.keyId) && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
  }
}
