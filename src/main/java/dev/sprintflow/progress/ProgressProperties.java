package dev.sprintflow.progress;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sprintflow.progress.*}: the worker that records the progress listeners' jobs.
 *
 * @param jobTimeout how long an activated progress job is reserved for this service (default 1 min):
 *     after a crash, the engine hands it to the restarted service after at most this long
 * @param pollInterval how often the worker polls besides the job stream (default 1 s)
 * @param maxJobsActive jobs in hand at once (default 32)
 * @param retryBackoff wait before the first retry when the database fails (default 1 s); doubles per retry
 * @param maxRetryBackoff longest wait between retries (default 2 min). With the listeners' 10 retries
 *     that bridges about 6 minutes of database outage before the engine raises an incident
 */
@Validated
@ConfigurationProperties("sprintflow.progress")
public record ProgressProperties(
    Duration jobTimeout,
    Duration pollInterval,
    @Min(1) @Max(1000) Integer maxJobsActive,
    Duration retryBackoff,
    Duration maxRetryBackoff) {

  public ProgressProperties {
    jobTimeout = jobTimeout == null ? Duration.ofMinutes(1) : jobTimeout;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    maxJobsActive = maxJobsActive == null ? 32 : maxJobsActive;
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(1) : retryBackoff;
    maxRetryBackoff = maxRetryBackoff == null ? Duration.ofMinutes(2) : maxRetryBackoff;
  }

  /**
   * Exponential backoff by the retries already used: the first failure waits {@code retryBackoff},
   * each further one twice as long, never more than {@code maxRetryBackoff}.
   *
   * @param failuresSoFar 1 for the first failure
   */
  public Duration backoff(int failuresSoFar) {
    int doublings = Math.max(0, Math.min(failuresSoFar - 1, 30));
    Duration d = retryBackoff.multipliedBy(1L << doublings);
    return d.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : d;
  }
}
