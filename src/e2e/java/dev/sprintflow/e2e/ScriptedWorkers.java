package dev.sprintflow.e2e;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for the real job workers of the sample plan's worker kinds (some have no built-in
 * worker yet): each completes its job at once with a result summary, like a worker that did the
 * work, and notes when it did so the test can time what follows.
 */
final class ScriptedWorkers implements AutoCloseable {

  /** The worker kinds of the production sprint sample; "manual" tasks are done by a person instead. */
  static final List<String> KINDS = List.of("migration-port", "rbac-check", "oauth-sync", "generic");

  private final List<JobWorker> workers = new ArrayList<>();
  /** "sprintId/taskId" -> completion time; opened before the sprint starts, so keyed by both. */
  private final Map<String, Instant> completedAt = new ConcurrentHashMap<>();

  ScriptedWorkers(CamundaClient client) {
    for (String kind : KINDS) {
      workers.add(client.newWorker()
          .jobType(kind)
          .handler(this::complete)
          .name("e2e-scripted-" + kind)
          .timeout(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .streamEnabled(true)
          .open());
    }
  }

  private void complete(JobClient jobs, ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    jobs.newCompleteCommand(job.getKey())
        .variables(Map.of("result", job.getType() + " work for '" + vars.get("taskTitle") + "' done by the e2e test's scripted worker"))
        .send().join();
    // Jobs of other sprints left in a long-running stack are completed too; harmless.
    completedAt.put(vars.get("sprintId") + "/" + vars.get("taskId"), Instant.now());
  }

  /** When the sprint's job for the task was completed, or null. */
  Instant completedAt(String sprintId, String taskId) {
    return completedAt.get(sprintId + "/" + taskId);
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
