package dev.sprintflow.datasource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The configured target databases by name, each with its own small connection pool, created on
 * first use (a database that is down does not stop the service from starting) and closed on
 * shutdown.
 */
@Component
public class TargetDataSources implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(TargetDataSources.class);

  private final Map<String, TargetDataSourceProperties.Target> targets;
  private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

  public TargetDataSources(TargetDataSourceProperties properties) {
    this.targets = properties.datasources();
  }

  public Set<String> names() {
    return targets.keySet();
  }

  /** The pool of the named database; {@link UnknownTargetDataSourceException} if none is configured. */
  public DataSource get(String name) {
    TargetDataSourceProperties.Target target = name == null ? null : targets.get(name);
    if (target == null) {
      throw new UnknownTargetDataSourceException(name, targets.keySet());
    }
    return pools.computeIfAbsent(name, n -> open(n, target));
  }

  /** The configured schema of the named database, or null for the connection's default. */
  public String schema(String name) {
    get(name);
    return targets.get(name).schema();
  }

  private static HikariDataSource open(String name, TargetDataSourceProperties.Target target) {
    if (target.url() == null || target.url().isBlank()) {
      throw new IllegalStateException("Target database '%s' has no URL (sprintflow.datasources.%s.url)".formatted(name, name));
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("sprintflow-target-" + name);
    config.setJdbcUrl(target.url());
    config.setUsername(target.username());
    config.setPassword(target.password());
    if (target.schema() != null && !target.schema().isBlank()) {
      config.setSchema(target.schema());
    }
    config.setMaximumPoolSize(target.maximumPoolSize());
    config.setMinimumIdle(0);
    config.setConnectionTimeout(Math.max(250, target.connectionTimeout().toMillis()));
    config.setIdleTimeout(60_000);
    // Do not connect now: an unreachable database is reported when a job needs it (and retried).
    config.setInitializationFailTimeout(-1);
    LOG.info("Opening pool for target database '{}' ({} connection(s) at most)", name, target.maximumPoolSize());
    return new HikariDataSource(config);
  }

  @Override
  public void destroy() {
    pools.forEach((name, pool) -> {
      LOG.info("Closing pool for target database '{}'", name);
      pool.close();
    });
    pools.clear();
  }
}
