package dev.sprintflow.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  static final String KEY_1 = key();
  static final String KEY_2 = key();
  final TokenCipher cipher = new TokenCipher(new TokenEncryptionProperties(Map.of("k1", KEY_1), null));

  @Test
  void sealsWithAFreshIvAndOpensInTheSameContext() {
    SealedSecret a = cipher.seal("ya29.token-value", "connection:c1:access");
    SealedSecret b = cipher.seal("ya29.token-value", "connection:c1:access");

    assertThat(a.keyId()).isEqualTo("k1");
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    assertThat(new String(a.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("ya29");
    assertThat(cipher.open(a, "connection:c1:access")).isEqualTo("ya29.token-value");
    assertThat(a.toString()).doesNotContain("ya29");
  }

  @Test
  void aCiphertextDoesNotOpenInAnotherRowOrColumnOrWhenAltered() {
    SealedSecret sealed = cipher.seal("refresh", "connection:c1:refresh");
    byte[] altered = sealed.ciphertext();
    altered[altered.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.open(sealed, "connection:c2:refresh")).isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("authentication tag");
    assertThatThrownBy(() -> cipher.open(sealed, "connection:c1:access")).isInstanceOf(TokenDecryptionException.class);
    assertThatThrownBy(() -> cipher.open(new SealedSecret(altered, "k1"), "connection:c1:refresh"))
        .isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void rotationOpensOldKeysAndSealsWithTheActiveOne() {
    SealedSecret old = cipher.seal("token", "ctx");
    TokenCipher rotated = new TokenCipher(new TokenEncryptionProperties(Map.of("k1", KEY_1, "k2", KEY_2), "k2"));

    assertThat(rotated.open(old, "ctx")).isEqualTo("token");
    assertThat(rotated.seal("token", "ctx").keyId()).isEqualTo("k2");
    TokenCipher withoutK1 = new TokenCipher(new TokenEncryptionProperties(Map.of("k2", KEY_2), "k2"));
    assertThatThrownBy(() -> withoutK1.open(old, "ctx")).isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("sealed with key 'k1', which is not configured");
  }

  @Test
  void badKeyConfigurationIsRefusedNamingThePropertyNotTheValue() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> new TokenCipher(new TokenEncryptionProperties(Map.of("k1", shortKey), null)))
        .hasMessageContaining("sprintflow.oauth.encryption.keys.k1 must decode to exactly 32 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> new TokenCipher(new TokenEncryptionProperties(Map.of("k1", "not base64!"), null)))
        .hasMessageContaining("keys.k1 is not valid base64").hasMessageNotContaining("not base64!");
    assertThatThrownBy(() -> new TokenCipher(new TokenEncryptionProperties(Map.of("k1", KEY_1, "k2", KEY_2), null)))
        .hasMessageContaining("active-key-id must name one of the configured keys");
    assertThatThrownBy(() -> new TokenCipher(new TokenEncryptionProperties(Map.of("k1", KEY_1), "k9")))
        .hasMessageContaining("active-key-id 'k9' is not among the configured keys");
    assertThat(new TokenEncryptionProperties(Map.of("k1", KEY_1), "k1").toString()).doesNotContain(KEY_1);
  }

  @Test
  void withoutKeysAnEphemeralOneIsUsed() {
    TokenCipher ephemeral = new TokenCipher(new TokenEncryptionProperties(null, null));
    TokenCipher another = new TokenCipher(new TokenEncryptionProperties(null, null));

    assertThat(ephemeral.ephemeral()).isTrue();
    assertThat(ephemeral.activeKeyId()).startsWith("ephemeral-").isNotEqualTo(another.activeKeyId());
    SealedSecret sealed = ephemeral.seal("t", "ctx");
    assertThat(ephemeral.open(sealed, "ctx")).isEqualTo("t");
    assertThatThrownBy(() -> another.open(sealed, "ctx")).isInstanceOf(TokenDecryptionException.class); // "after a restart"
  }

  private static String key() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
