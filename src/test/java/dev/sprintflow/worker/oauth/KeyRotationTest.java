package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.TokenCipher;
import dev.sprintflow.oauth.TokenEncryptionProperties;
import dev.sprintflow.oauth.TokenKeyRotation;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotating the token key: what was sealed with the old key is re-sealed with the new one, tokens unchanged. */
class KeyRotationTest extends PeerTestBase {

  @Test
  void startUpReSealsEveryConnectionWithTheActiveKey() {
    script.issue("at-rotate", "rt-rotate", 3600);
    connectGmail("gmail-lead");
    fixture.connectionService.create("gmail-pending", "gmail", "other@example.com"); // no tokens: nothing to do
    byte[] before = fixture.jdbc.sql("SELECT access_token FROM oauth_connection WHERE id = 'gmail-lead'").query(byte[].class).single();
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    TokenCipher rotated = new TokenCipher(new TokenEncryptionProperties(
        Map.of("k1", fixture.key, "k2", Base64.getEncoder().encodeToString(bytes)), "k2"));

    int resealed = new TokenKeyRotation(fixture.connections, rotated, fixture.transactions).resealAll();

    assertThat(resealed).isEqualTo(1);
    Connection after = fixture.connections.find("gmail-lead").orElseThrow();
    assertThat(after.accessToken().keyId()).isEqualTo("k2");
    assertThat(after.accessToken().ciphertext()).isNotEqualTo(before);
    assertThat(rotated.open(after.accessToken(), "connection:gmail-lead:access")).isEqualTo("at-rotate");
    assertThat(rotated.open(after.refreshToken(), "connection:gmail-lead:refresh")).isEqualTo("rt-rotate");
    assertThat(new TokenKeyRotation(fixture.connections, rotated, fixture.transactions).resealAll()).isZero();
    assertThat(fixture.jdbc.sql("SELECT DISTINCT token_key_id FROM oauth_connection WHERE token_key_id IS NOT NULL")
        .query(String.class).list()).isEqualTo(List.of("k2"));
  }
}
