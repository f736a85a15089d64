package dev.sprintflow.oauth;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.oauth.encryption.*}: the AES-256 keys that seal OAuth tokens at rest.
 *
 * @param keys key id to the base64 of 32 random bytes ({@code openssl rand -base64 32}); keep old
 *     ids configured until {@link TokenKeyRotation} has re-sealed everything with the active one
 * @param activeKeyId the key new tokens are sealed with (may be omitted when there is one key)
 */
@ConfigurationProperties("sprintflow.oauth.encryption")
public record TokenEncryptionProperties(Map<String, String> keys, String activeKeyId) {

  public TokenEncryptionProperties {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
    activeKeyId = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.strip();
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "TokenEncryptionProperties[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
  }
}
