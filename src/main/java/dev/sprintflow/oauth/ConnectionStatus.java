package dev.sprintflow.oauth;

/** Where a connection stands with its provider. */
public enum ConnectionStatus {
  /** Created; nobody has gone through consent yet. */
  PENDING,
  /** Tokens stored; syncs can run. */
  CONNECTED,
  /** The grant was revoked or expired (or its tokens cannot be opened): a person must reconnect. */
  REAUTH_REQUIRED
}
