package dev.sprintflow.worker.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One message as stored in {@code communications}.
 *
 * @param externalId unique per provider: the account, the conversation where needed, and the
 *     provider's message id (see each {@link ProviderSync})
 * @param conversation thread or channel
 */
public record Communication(String externalId, String conversation, String sender, String subject, String snippet,
    String labels, Instant sentAt) {

  public Communication {
    if (externalId == null || externalId.isBlank()) {
      throw new IllegalArgumentException("A communication needs an external id");
    }
    sender = cut(sender, 512);
    subject = cut(subject, 1000);
    snippet = cut(snippet, 4000);
    labels = cut(labels, 1000);
  }

  /** Identifies the content: an upsert whose hash is unchanged writes nothing and counts as unchanged. */
  public String contentHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Object part : new Object[] {conversation, sender, subject, snippet, labels, sentAt}) {
        digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
