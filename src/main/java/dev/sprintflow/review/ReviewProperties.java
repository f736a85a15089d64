package dev.sprintflow.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sprintflow.review.*}: the REST review inbox over job-worker-based user tasks (/api/reviews).
 *
 * @param inboxEnabled with the {@code jobs} backend: activate {@code io.camunda.zeebe:userTask} jobs
 *     and offer them at /api/reviews (default true). Off, people work in Tasklist only.
 * @param jobTimeout how long the inbox holds an activated user-task job before the engine hands it
 *     out again (default 30 min). The inbox re-activates it, so this only bounds how long a task
 *     completed elsewhere (Tasklist) or cancelled stays listed, and how long tasks stay hidden after
 *     a restart of the service.
 * @param pollInterval how often the inbox asks for jobs besides the job stream (default 1 s)
 * @param commentMaxLength comment limit when a form sets none (default 2000 characters)
 * @param rememberDecisions how many decided task ids are remembered, to answer 409 (default 10000)
 * @param backend where the inbox finds its tasks: {@code jobs} (default) activates the user-task jobs
 *     itself, {@code tasklist} reads and completes them through Tasklist's REST API (needs
 *     {@code sprintflow.webapps.tasklist-url}); see {@link ReviewBackend}
 */
@Validated
@ConfigurationProperties("sprintflow.review")
public record ReviewProperties(
    Boolean inboxEnabled,
    Duration jobTimeout,
    Duration pollInterval,
    @Min(1) @Max(100_000) Integer commentMaxLength,
    @Min(100) Integer rememberDecisions,
    Backend backend) {

  /** Values of {@code sprintflow.review.backend}. */
  public enum Backend { JOBS, TASKLIST }

  public ReviewProperties {
    backend = backend == null ? Backend.JOBS : backend;
    inboxEnabled = inboxEnabled == null || inboxEnabled;
    jobTimeout = jobTimeout == null ? Duration.ofMinutes(30) : jobTimeout;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    commentMaxLength = commentMaxLength == null ? 2000 : commentMaxLength;
    rememberDecisions = rememberDecisions == null ? 10_000 : rememberDecisions;
  }

  /**
   * How long a held task stays listed without being re-activated: the job timeout plus time for
   * the engine's timeout check and the next poll, so a live task never blinks out of the list.
   */
  public Duration lease() {
    return jobTimeout.plus(pollInterval.multipliedBy(2)).plusSeconds(60);
  }
}
