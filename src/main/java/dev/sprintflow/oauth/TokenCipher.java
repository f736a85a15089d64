package dev.sprintflow.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals OAuth tokens (and PKCE verifiers) with AES-256-GCM before they touch the database. A fresh
 * 96-bit IV per seal; the context (e.g. {@code connection:gmail-lead:refresh}) is bound as
 * associated data, so a ciphertext copied to another row or column does not open.
 */
@Component
public class TokenCipher {

  private static final byte FORMAT = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final EncryptionKeys keys;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public TokenCipher(TokenEncryptionProperties properties) {
    this(EncryptionKeys.from(properties));
  }

  TokenCipher(EncryptionKeys keys) {
    this.keys = keys;
  }

  public String activeKeyId() {
    return keys.activeKeyId();
  }

  public Set<String> keyIds() {
    return keys.keys().keySet();
  }

  /** True when no key was configured and tokens will not survive a restart. */
  public boolean ephemeral() {
    return keys.ephemeral();
  }

  public SealedSecret seal(String plaintext, String context) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.keys().get(keys.activeKeyId()), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(context, keys.activeKeyId()));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return new SealedSecret(
          ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array(),
          keys.activeKeyId());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Opens a sealed secret; throws {@link TokenDecryptionException} when its key is no longer
   * configured or the ciphertext (or its context) was altered.
   */
  public String open(SealedSecret sealed, String context) {
    SecretKey key = keys.keys().get(sealed.keyId());
    if (key == null) {
      throw new TokenDecryptionException("it was sealed with key '" + sealed.keyId()
          + "', which is not configured (configured: " + keys.keys().keySet() + ")");
    }
    byte[] bytes = sealed.ciphertext();
    if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
      throw new TokenDecryptionException("the stored value is not in Sprintflow's sealed format");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
      cipher.updateAAD(aad(context, sealed.keyId()));
      byte[] plain = cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new TokenDecryptionException("its authentication tag does not match (altered, or moved from another row)");
    } catch (GeneralSecurityException e) {
      throw new TokenDecryptionException("AES-GCM failed: " + e.getClass().getSimpleName());
    }
  }

  private static byte[] aad(String context, String keyId) {
    return ("sprintflow-oauth/v1|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
  }
}
