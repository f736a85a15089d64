package dev.sprintflow.oauth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured token keys, validated: each is exactly 32 bytes, the active one exists. Without
 * any key an ephemeral one is generated (loud warning), so a first run works out of the box.
 */
record EncryptionKeys(Map<String, SecretKey> keys, String activeKeyId, boolean ephemeral) {

  private static final Logger LOG = LoggerFactory.getLogger(EncryptionKeys.class);
  static final int KEY_BYTES = 32;
  static final String PREFIX = "sprintflow.oauth.encryption.";

  static EncryptionKeys from(TokenEncryptionProperties properties) {
    if (properties.keys().isEmpty()) {
      return ephemeralKey();
    }
    Map<String, SecretKey> keys = new TreeMap<>();
    properties.keys().forEach((id, encoded) -> keys.put(validId(id), decode(id, encoded)));
    String active = properties.activeKeyId();
    if (active == null) {
      if (keys.size() != 1) {
        throw new IllegalStateException(PREFIX + "active-key-id must name one of the configured keys " + keys.keySet());
      }
      active = keys.keySet().iterator().next();
    }
    if (!keys.containsKey(active)) {
      throw new IllegalStateException(
          PREFIX + "active-key-id '" + active + "' is not among the configured keys " + keys.keySet());
    }
    return new EncryptionKeys(Map.copyOf(keys), active, false);
  }

  private static EncryptionKeys ephemeralKey() {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    byte[] idBytes = new byte[4];
    new SecureRandom().nextBytes(idBytes);
    String id = "ephemeral-" + HexFormat.of().formatHex(idBytes);
    LOG.warn("""

        ************************************************************************************
        No OAuth token encryption key is configured ({}keys.<id>): using an EPHEMERAL key
        ({}). OAuth tokens sealed now cannot be opened after a restart: every connection
        will need reconnecting. That matches the default in-memory database; with PostgreSQL
        configure a key (openssl rand -base64 32), see workers/oauth-sync.md.
        ************************************************************************************""",
        PREFIX, id);
    return new EncryptionKeys(Map.of(id, new SecretKeySpec(bytes, "AES")), id, true);
  }

  private static String validId(String id) {
    if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalStateException(PREFIX + "keys: key id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
    return id;
  }

  /** The message names the property, never the value. */
  private static SecretKey decode(String id, String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded == null ? "" : encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PREFIX + "keys." + id + " is not valid base64 (generate one with: openssl rand -base64 32)");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException(PREFIX + "keys." + id + " must decode to exactly 32 bytes (AES-256), not "
          + bytes.length + " (generate one with: openssl rand -base64 32)");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  @Override
  public String toString() {
    return "EncryptionKeys[ids=" + keys.keySet() + ", active=" + activeKeyId + ", ephemeral=" + ephemeral + "]";
  }
}
