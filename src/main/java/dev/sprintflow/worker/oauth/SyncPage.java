package dev.sprintflow.worker.oauth;

import java.util.List;

/**
 * One provider page, ready to store.
 *
 * @param nextPosition the cursor to store with this page (null: start over from the beginning)
 * @param caughtUp true when there is nothing more to read right now
 */
public record SyncPage(List<Communication> messages, String nextPosition, boolean caughtUp) {
  public SyncPage {
    messages = List.copyOf(messages);
  }
}
