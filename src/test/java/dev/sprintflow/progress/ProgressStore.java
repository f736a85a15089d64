package dev.sprintflow.progress;

import dev.sprintflow.sprint.SprintRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The read model on a database of its own, migrated by Flyway as the service does, without Spring. */
public final class ProgressStore implements AutoCloseable {

  public final DataSource dataSource;
  public final JdbcClient jdbc;
  public final ProgressRepository repository;
  public final ProgressRecorder recorder;
  public final SprintRegistry registry;

  private ProgressStore(DataSource dataSource, String schema) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/service")
        .table("sprintflow_schema_history").schemas(schema == null ? new String[0] : new String[] {schema})
        .createSchemas(false).load().migrate();
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.repository = new ProgressRepository(jdbc);
    this.recorder = new ProgressRecorder(repository, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    this.registry = new SprintRegistry(jdbc);
  }

  /** A fresh in-memory H2 in PostgreSQL mode, as the service's default. */
  public static ProgressStore h2() throws Exception {
    String url = "jdbc:h2:mem:progress-" + java.util.UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    return new ProgressStore(pool(url, "sa", ""), null);
  }

  /** A fresh schema on a real PostgreSQL (dev.sprintflow.test.PostgresTestDatabase). */
  public static ProgressStore postgres(dev.sprintflow.test.PostgresTestDatabase.Schema schema) throws Exception {
    String url = schema.url() + (schema.url().contains("?") ? "&" : "?") + "currentSchema=" + schema.name();
    return new ProgressStore(pool(url, schema.username(), schema.password()), schema.name());
  }

  /** A connection pool as the service has (Hikari), not a connection per transaction. */
  private static DataSource pool(String url, String user, String password) {
    com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(8);
    return pool;
  }

  @Override
  public void close() {
    if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
      pool.close();
    }
  }
}
