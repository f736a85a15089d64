package dev.sprintflow.worker.migration;

import dev.sprintflow.worker.migration.MigrationInvalidException.Kind;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Applies ported migrations with Flyway, in their own history table (so the target project's own
 * Flyway or Supabase history is never touched), all pending ones in one transaction where the
 * database allows it (PostgreSQL: a rejected migration leaves nothing behind). Flyway's history
 * makes a second run a no-op and refuses a migration whose content changed after it was applied.
 */
final class FlywayApplier {

  /**
   * A migration to apply.
   *
   * @param fileName the ported file's name; Flyway reads the version from it
   * @param path the file as messages should name it (workspace-relative)
   * @param sql what the database executes (may differ from the file on H2, line for line)
   */
  record Migration(String fileName, String path, String sql) {}

  /** Versions applied by this run (empty when everything was applied before). */
  record Applied(List<String> versions, String schema) {}

  private FlywayApplier() {}

  /** Product name of the database (e.g. {@code PostgreSQL}, {@code H2}); also proves it is reachable. */
  static String databaseProduct(DataSource dataSource, String name) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw unavailable(name, e);
    }
  }

  /**
   * Refuses (as a conflict) versions whose applied content differs from this job's, before any file
   * is written, so that a refused job leaves the target workspace as it was. Read-only.
   */
  static void checkHistory(DataSource dataSource, String databaseName, String schema, String historyTable,
      MigrationNaming.Style style, List<Migration> migrations) {
    try {
      ValidateResult result = configure(dataSource, schema, historyTable, style, migrations, false)
          .ignoreMigrationPatterns("*:missing", "*:future", "*:pending")
          .load().validateWithResult();
      if (!result.validationSuccessful) {
        throw new MigrationInvalidException(Kind.CONFLICT, null, null,
            "the target database's history (table %s) does not match the ported files: %s"
                .formatted(historyTable, result.getAllErrorMessages().strip().replaceAll("\\s+", " ")), null);
      }
    } catch (FlywayException e) {
      SQLException sql = sqlCause(e);
      if (sql != null && isConnectionProblem(sql)) {
        throw unavailable(databaseName, sql);
      }
      throw e;
    }
  }

  /** @param transactionalDdl the database rolls DDL back (PostgreSQL yes, H2 no): then all pending migrations share one transaction */
  static Applied apply(DataSource dataSource, String databaseName, String schema, String historyTable,
      MigrationNaming.Style style, List<Migration> migrations, boolean transactionalDdl) {
    Map<String, Migration> byName = migrations.stream().collect(Collectors.toMap(Migration::fileName, Function.identity()));
    var config = configure(dataSource, schema, historyTable, style, migrations, transactionalDdl);
    try {
      MigrateResult result = config.load().migrate();
      List<String> versions = new ArrayList<>();
      for (MigrateOutput m : result.migrations == null ? List.<MigrateOutput>of() : result.migrations) {
        versions.add(m.version);
      }
      return new Applied(versions, result.schemaName);
    } catch (FlywayValidateException e) {
      throw new MigrationInvalidException(Kind.CONFLICT, null, null,
          "the target database's history (table %s) does not match the ported files: %s".formatted(historyTable, firstLine(e)), e);
    } catch (FlywayException e) {
      SQLException sql = sqlCause(e);
      if (sql != null && isConnectionProblem(sql)) {
        throw unavailable(databaseName, sql);
      }
      if (e instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
        String script = migrate.getMigration().getScript();
        Migration m = byName.get(script);
        int line = migrate.getLineNumber();
        String reason = sql != null ? sql.getMessage() : firstLine(e);
        throw new MigrationInvalidException(Kind.DATABASE, m == null ? script : m.path(), line > 0 ? line : null,
            "the database rejected the migration: " + reason.strip(), e);
      }
      throw e;
    }
  }

  private static FluentConfiguration configure(DataSource dataSource, String schema, String historyTable,
      MigrationNaming.Style style, List<Migration> migrations, boolean transactionalDdl) {
    var config = Flyway.configure(FlywayApplier.class.getClassLoader())
        .dataSource(dataSource)
        .table(historyTable)
        .resourceProvider(new InMemoryResources(migrations))
        .javaMigrationClassProvider(List::of)
        .skipDefaultCallbacks(true)
        .placeholderReplacement(false) // ported SQL may contain ${...}; it is not a template
        .group(transactionalDdl)
        // The target already has its own tables: start our history at 0 so every ported version applies.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("before sprintflow migration-port")
        // Earlier ports into the same history table are not in this job's list: that is fine.
        .ignoreMigrationPatterns("*:missing", "*:future")
        .validateMigrationNaming(true)
        .cleanDisabled(true);
    if (style == MigrationNaming.Style.NUMBERED) {
      config.sqlMigrationPrefix("").sqlMigrationSeparator("_"); // 008_cartridge_system.sql -> version 008
    }
    if (schema != null && !schema.isBlank()) {
      config.schemas(schema).defaultSchema(schema);
    }
    return config;
  }

  static boolean isConnectionProblem(SQLException e) {
    return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
        || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
  }

  static TargetDatabaseUnavailableException unavailable(String name, SQLException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    // The pool says "timed out"; the driver underneath says why (e.g. connection refused).
    String reason = root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    return new TargetDatabaseUnavailableException("Target database '%s' cannot be reached: %s".formatted(name, reason), e);
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
  }

  /** Hands Flyway exactly this job's migrations: nothing else in the target folder is applied. */
  private record InMemoryResources(List<Migration> migrations) implements ResourceProvider {
    @Override
    public LoadableResource getResource(String name) {
      return migrations.stream().filter(m -> m.fileName().equals(name)).findFirst().map(Resource::new).orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      List<LoadableResource> out = new ArrayList<>();
      for (Migration m : migrations) {
        boolean suffixOk = List.of(suffixes).stream().anyMatch(m.fileName()::endsWith);
        if (m.fileName().startsWith(prefix) && suffixOk) {
          out.add(new Resource(m));
        }
      }
      return out;
    }
  }

  private static final class Resource extends LoadableResource {
    private final Migration migration;

    Resource(Migration migration) {
      this.migration = migration;
    }

    @Override
    public Reader read() {
      return new StringReader(migration.sql());
    }

    @Override
    public String getAbsolutePath() {
      return migration.path();
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return migration.path();
    }

    @Override
    public String getFilename() {
      return migration.fileName();
    }

    @Override
    public String getRelativePath() {
      return migration.fileName();
    }
  }
}
