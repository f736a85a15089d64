package dev.sprintflow.worker.oauth;

/** A provider answer the sync cannot read; nothing of its page is stored and the cursor stays. */
public class MalformedResponseException extends RuntimeException {
  public MalformedResponseException(String message) {
    super(message);
  }
}
