package dev.sprintflow.datasource;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.datasources.<name>.*}: databases that built-in workers may change (e.g. where
 * migration-port applies ported migrations). Process variables only name one; URLs and credentials
 * stay in the server's configuration. These are deliberately not Spring DataSource beans: they are
 * targets of work, not the service's own database.
 */
@ConfigurationProperties("sprintflow")
public record TargetDataSourceProperties(Map<String, Target> datasources) {

  public TargetDataSourceProperties {
    datasources = datasources == null ? Map.of() : new TreeMap<>(datasources);
  }

  /**
   * @param url JDBC URL (keep the password out of it: use {@code password})
   * @param username user name
   * @param password password; never logged or returned
   * @param schema schema the work happens in (PostgreSQL: search path), default: the user's default
   * @param maximumPoolSize connections at most (default 2)
   * @param connectionTimeout how long to wait for a connection before the database counts as unreachable (default 5s)
   */
  public record Target(
      String url, String username, String password, String schema, Integer maximumPoolSize, Duration connectionTimeout) {

    public Target {
      maximumPoolSize = maximumPoolSize == null ? 2 : maximumPoolSize;
      connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
    }

    @Override
    public String toString() { // the password must never reach a log line
      return "Target[url=%s, username=%s, password=%s, schema=%s, maximumPoolSize=%d, connectionTimeout=%s]"
          .formatted(url, username, password == null ? "<none>" : "******", schema, maximumPoolSize, connectionTimeout);
    }
  }
}
