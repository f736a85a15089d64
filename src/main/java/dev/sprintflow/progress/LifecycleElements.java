package dev.sprintflow.progress;

import java.util.Map;

/**
 * The elements of bpmn/sprint-task.bpmn that carry progress listeners, and which listener events
 * each has. ProgressListenersModelTest keeps this table and the diagram in step.
 */
public final class LifecycleElements {

  /** The work subprocess: every start (first run, rework, retry after triage) is a run. */
  public static final String WORK = "work";
  public static final String REVIEW = "review-work";
  public static final String TRIAGE = "triage";
  public static final String DEFERRED = "task-deferred";
  public static final String SKIPPED = "task-skipped";
  public static final String ABORTED = "sprint-aborted";
  public static final String DONE = "task-done";

  /** Element id to the listener events it carries (START, or START and END). */
  public static final Map<String, java.util.Set<ListenerEvent>> LISTENERS = Map.of(
      WORK, java.util.Set.of(ListenerEvent.START),
      REVIEW, java.util.Set.of(ListenerEvent.START, ListenerEvent.END),
      TRIAGE, java.util.Set.of(ListenerEvent.START, ListenerEvent.END),
      DEFERRED, java.util.Set.of(ListenerEvent.START),
      SKIPPED, java.util.Set.of(ListenerEvent.START),
      ABORTED, java.util.Set.of(ListenerEvent.START),
      DONE, java.util.Set.of(ListenerEvent.START));

  private LifecycleElements() {}
}
