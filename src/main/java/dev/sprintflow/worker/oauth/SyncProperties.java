package dev.sprintflow.worker.oauth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.oauth.sync.*}: how much one oauth-sync job does and how it backs off.
 *
 * @param pageSize messages per provider page (default 100; a job's syncOptions.pageSize overrides)
 * @param maxPages pages one job stores at most before it completes with {@code caughtUp=false}
 *     (default 50), so a job never outlives its timeout; the next run goes on from the cursor
 * @param maxDuration the same bound in time (default 4 min; the job timeout is 10 min)
 * @param fetchConcurrency message detail requests in flight at once (default 8)
 * @param retryBackoff backoff after a 5xx, timeout or malformed answer, doubled per used retry (default 10 s)
 * @param maxRetryBackoff cap of that backoff (default 5 min)
 * @param rateLimitBackoff backoff after a 429 without a usable Retry-After (default 30 s)
 * @param maxRateLimitBackoff cap of any Retry-After honoured (default 1 h)
 */
@ConfigurationProperties("sprintflow.oauth.sync")
public record SyncProperties(
    Integer pageSize,
    Integer maxPages,
    Duration maxDuration,
    Integer fetchConcurrency,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration rateLimitBackoff,
    Duration maxRateLimitBackoff) {

  public SyncProperties {
    pageSize = pageSize == null ? 100 : pageSize;
    maxPages = maxPages == null ? 50 : maxPages;
    maxDuration = maxDuration == null ? Duration.ofMinutes(4) : maxDuration;
    fetchConcurrency = fetchConcurrency == null ? 8 : fetchConcurrency;
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(10) : retryBackoff;
    maxRetryBackoff = maxRetryBackoff == null ? Duration.ofMinutes(5) : maxRetryBackoff;
    rateLimitBackoff = rateLimitBackoff == null ? Duration.ofSeconds(30) : rateLimitBackoff;
    maxRateLimitBackoff = maxRateLimitBackoff == null ? Duration.ofHours(1) : maxRateLimitBackoff;
    if (pageSize < 1 || pageSize > 500 || maxPages < 1 || fetchConcurrency < 1) {
      throw new IllegalArgumentException(
          "sprintflow.oauth.sync: page-size must be 1-500, max-pages and fetch-concurrency at least 1");
    }
  }

  /** Defaults for everything, e.g. for tools and benchmarks. */
  public static SyncProperties defaults() {
    return new SyncProperties(null, null, null, null, null, null, null, null);
  }
}
