package dev.sprintflow.review;

import java.util.Map;

/** Completes a user task's job on the engine; an interface so the inbox's rules test without one. */
@FunctionalInterface
public interface JobCompleter {

  /**
   * @throws ReviewConflictException when the engine no longer has the job (completed elsewhere,
   *     cancelled with its process)
   * @throws dev.sprintflow.process.EngineUnavailableException when the engine cannot be reached;
   *     the task stays open and the decision may be sent again
   */
  void complete(long jobKey, Map<String, Object> variables);
}
