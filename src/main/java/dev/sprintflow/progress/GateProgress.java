package dev.sprintflow.progress;

import java.time.Instant;

/** One verification gate of a sprint in the read model. */
public record GateProgress(
    String sprintId,
    String gateId,
    int planPosition,
    String title,
    GateState state,
    Instant openedAt,
    Instant decidedAt,
    String decision,
    String comment,
    long lastEventKey,
    int lastEventRank) {

  public static GateProgress pending(String sprintId, String gateId, int position, String title) {
    return new GateProgress(sprintId, gateId, position, title, GateState.PENDING, null, null, null, null, 0, 0);
  }

  /**
   * This gate after the event; unchanged when the event is older than the latest one applied.
   * The gate form's decision is "passed" or "failed".
   */
  public GateProgress apply(ProgressEvent e) {
    if (!e.isAfter(lastEventKey, lastEventRank)) {
      return this;
    }
    String newTitle = title == null || title.isBlank() ? e.facts().title() : title;
    if (e.event() == ListenerEvent.START) {
      return new GateProgress(sprintId, gateId, planPosition, newTitle, GateState.OPEN, e.at(), null, null, null,
          e.elementInstanceKey(), e.event().rank());
    }
    GateState decided = "passed".equals(e.facts().decision()) ? GateState.PASSED : GateState.FAILED;
    return new GateProgress(sprintId, gateId, planPosition, newTitle, decided, openedAt == null ? e.at() : openedAt,
        e.at(), e.facts().decision(), e.facts().comment(), e.elementInstanceKey(), e.event().rank());
  }
}
