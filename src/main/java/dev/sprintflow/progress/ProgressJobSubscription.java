package dev.sprintflow.progress;

import dev.sprintflow.compiler.bpmn.LifecycleContract;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves the progress listeners' jobs ({@code sprintflow.progress.start} and {@code .end}): records
 * the event, then completes the job. The listener holds its element until then (docs/progress.md,
 * "Blocking"), so a failure to record fails the job with a growing backoff and the engine retries it;
 * the sprint goes on once the database answers again. Opened here rather than as a {@code @JobWorker}
 * so that switching the built-in workers off ({@code camunda.client.worker.defaults.enabled=false},
 * as tests with scripted workers do) cannot stall every sprint.
 */
@Component
public class ProgressJobSubscription implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressJobSubscription.class);

  private final CamundaClient client;
  private final ProgressRecorder recorder;
  private final ProgressProperties properties;
  private final Clock clock;
  private final List<JobWorker> workers = new ArrayList<>();

  public ProgressJobSubscription(CamundaClient client, ProgressRecorder recorder, ProgressProperties properties,
      Clock clock) {
    this.client = client;
    this.recorder = recorder;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    for (ListenerEvent event : ListenerEvent.values()) {
      workers.add(client.newWorker()
          .jobType(event.jobType())
          .handler((jobClient, job) -> handle(jobClient, job, event))
          .name("sprintflow-progress")
          .timeout(properties.jobTimeout())
          .pollInterval(properties.pollInterval())
          .maxJobsActive(properties.maxJobsActive())
          .fetchVariables(ProgressEventReader.VARIABLES)
          .streamEnabled(true)
          .open());
    }
    LOG.info("Progress worker records {} and {} jobs", LifecycleContract.PROGRESS_START_JOB_TYPE,
        LifecycleContract.PROGRESS_END_JOB_TYPE);
  }

  /** Records, then completes; on failure, fails the job so the engine retries it after a backoff. */
  void handle(JobClient jobClient, ActivatedJob job, ListenerEvent event) {
    try {
      Optional<ProgressEvent> read = ProgressEventReader.read(job, event, clock.instant());
      if (read.isPresent()) {
        recorder.record(read.get());
      } else {
        LOG.debug("Progress job {} at {} ({}) belongs to no sprint; completed without a record", job.getKey(),
            job.getElementId(), job.getBpmnProcessId());
      }
    } catch (RuntimeException e) {
      fail(jobClient, job, e);
      return;
    }
    // A lost completion is harmless: the engine hands the job out again and the record is a duplicate.
    jobClient.newCompleteCommand(job.getKey()).send().exceptionally(t -> {
      LOG.warn("Completing progress job {} failed ({}); it is recorded and will be completed when handed out again",
          job.getKey(), t.toString());
      return null;
    });
  }

  private void fail(JobClient jobClient, ActivatedJob job, RuntimeException e) {
    int retries = Math.max(0, job.getRetries() - 1);
    int failuresSoFar = Math.max(1, Integer.parseInt(LifecycleContract.PROGRESS_RETRIES) - retries);
    java.time.Duration backoff = properties.backoff(failuresSoFar);
    String reason = reason(e);
    LOG.warn("Could not record progress job {} at {} ({}): {}; retrying in {} ({} retries left)",
        job.getKey(), job.getElementId(), job.getBpmnProcessId(), reason, backoff, retries);
    jobClient.newFailCommand(job.getKey()).retries(retries).retryBackoff(backoff)
        .errorMessage("Sprintflow could not record progress: " + reason)
        .send().exceptionally(t -> {
          LOG.warn("Failing progress job {} failed too ({}); the engine hands it out again after its timeout",
              job.getKey(), t.toString());
          return null;
        });
  }

  /** What Operate shows on the job: Spring's message and the driver's, which says what is wrong. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage());
    return root == e || message.contains(String.valueOf(root.getMessage())) ? message : message + ": " + root.getMessage();
  }

  @Override
  public synchronized void stop() {
    workers.forEach(JobWorker::close);
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return !workers.isEmpty();
  }
}
