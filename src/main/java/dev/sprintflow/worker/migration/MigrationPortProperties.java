package dev.sprintflow.worker.migration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.workers.migration-port.*}.
 *
 * @param retryBackoff wait before the engine offers a job again after the target database was unreachable (default 30s)
 */
@ConfigurationProperties("sprintflow.workers.migration-port")
public record MigrationPortProperties(Duration retryBackoff) {
  public MigrationPortProperties {
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
  }
}
