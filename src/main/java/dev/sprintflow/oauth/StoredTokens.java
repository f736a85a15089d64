package dev.sprintflow.oauth;

import java.time.Instant;

/** Sealed tokens on their way into a connection row. The refresh token may be absent. */
record StoredTokens(SealedSecret access, SealedSecret refresh, Instant accessExpiresAt, String grantedScopes) {

  StoredTokens {
    if (refresh != null && !refresh.keyId().equals(access.keyId())) {
      throw new IllegalArgumentException("Both tokens of a connection are sealed with the same key");
    }
  }
}
