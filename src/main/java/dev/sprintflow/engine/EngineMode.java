package dev.sprintflow.engine;

/** Where the Zeebe engine that runs the sprints lives. */
public enum EngineMode {
  /** An in-process engine started by the service itself (in memory, for trying and testing). */
  EMBEDDED,
  /** An existing Camunda 8 cluster, reached through the {@code camunda.client.*} properties. */
  REMOTE
}
