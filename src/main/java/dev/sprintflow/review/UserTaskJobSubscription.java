package dev.sprintflow.review;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Activates job-worker-based user tasks ({@code io.camunda.zeebe:userTask}) with a long timeout
 * and hands them to the {@link ReviewInbox}, never completing or failing them itself: a failed
 * user-task job would lose a retry and show as failed in Tasklist. Jobs arrive by the job stream
 * and by polling; after a timeout the engine hands a job out again and the inbox refreshes it.
 */
@Component
@Conditional(UserTaskJobSubscription.JobsInboxEnabled.class)
public class UserTaskJobSubscription implements SmartLifecycle {

  /** Only for the {@code jobs} backend with the inbox on: the Tasklist backend must leave the jobs to Tasklist. */
  static class JobsInboxEnabled extends AllNestedConditions {
    JobsInboxEnabled() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(name = "sprintflow.review.inbox-enabled", havingValue = "true", matchIfMissing = true)
    static class InboxEnabled {}

    @ConditionalOnProperty(name = "sprintflow.review.backend", havingValue = "jobs", matchIfMissing = true)
    static class JobsBackend {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(UserTaskJobSubscription.class);

  private final CamundaClient client;
  private final ReviewInbox inbox;
  private final UserTaskJobReader reader;
  private final ReviewProperties properties;
  private final Clock clock;
  private volatile JobWorker worker;

  public UserTaskJobSubscription(
      CamundaClient client, ReviewInbox inbox, UserTaskJobReader reader, ReviewProperties properties, Clock clock) {
    this.client = client;
    this.inbox = inbox;
    this.reader = reader;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    worker = client.newWorker()
        .jobType(UserTaskHeaders.USER_TASK_JOB_TYPE)
        .handler(this::receive)
        .name("sprintflow-review-inbox")
        .timeout(properties.jobTimeout())
        .pollInterval(properties.pollInterval())
        .maxJobsActive(64)
        .streamEnabled(true)
        .open();
    LOG.info("Review inbox activates user tasks (job timeout {})", properties.jobTimeout());
  }

  /** Never throws: an exception here would make the client fail the user task's job. */
  void receive(JobClient jobClient, ActivatedJob job) {
    try {
      reader.read(job, clock.instant().plus(properties.lease())).ifPresentOrElse(
          inbox::hold,
          () -> LOG.debug("User task {} ({}) is not a Sprintflow task; left to Tasklist", job.getKey(), job.getElementId()));
    } catch (RuntimeException e) {
      LOG.warn("Could not take user task {} ({}) into the inbox: {}", job.getKey(), job.getElementId(), e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (worker != null) {
      worker.close();
      worker = null;
    }
  }

  @Override
  public boolean isRunning() {
    return worker != null && worker.isOpen();
  }
}
