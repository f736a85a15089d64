package dev.sprintflow.bench;

import dev.sprintflow.datasource.TargetDataSourceProperties;
import dev.sprintflow.datasource.TargetDataSources;
import dev.sprintflow.test.PostgresTestDatabase;
import dev.sprintflow.test.SupabasePlatform;
import dev.sprintflow.worker.migration.MigrationPortRequest;
import dev.sprintflow.worker.migration.MigrationPortResult;
import dev.sprintflow.worker.migration.MigrationPortService;
import dev.sprintflow.workspace.WorkspaceProperties;
import dev.sprintflow.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Port and apply 100 generated migrations (500 owner-scoped tables, 2,000 statements) into a fresh
 * target: read, parse and transform, write the files, apply with Flyway, verify through JDBC
 * metadata. One invocation is one whole job, so single-shot time; {@code -prof gc} gives the
 * allocation per job. {@code dryRun} measures the same job without a database (transform, diff, summary).
 *
 * <pre>scripts/bench MigrationPortBenchmark -f 1 -wi 1 -i 3 -prof gc</pre>
 * Without PostgreSQL (see PostgresTestDatabase for where it is looked for): {@code -p target=h2,dry-run}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dlogback.configurationFile=bench-logback.xml"})
public class MigrationPortBenchmark {

  static final int MIGRATIONS = 100;
  static final int TABLES_EACH = 5;

  @Param({"postgres", "h2", "dry-run"})
  public String target;

  Path root;
  Path targetDir;
  String schema;
  TargetDataSources dataSources;
  MigrationPortService service;
  MigrationPortRequest request;

  @Setup(Level.Trial)
  public void corpus() throws Exception {
    root = Files.createTempDirectory("sprintflow-bench-");
    MigrationCorpus.write(root.resolve("revos/supabase/migrations"), MIGRATIONS, TABLES_EACH);
    if (target.equals("postgres")) {
      SupabasePlatform.install(PostgresTestDatabase.server());
    }
  }

  @Setup(Level.Invocation)
  public void freshTarget() throws Exception {
    targetDir = Files.createDirectories(root.resolve("audienceos-" + UUID.randomUUID()));
    TargetDataSourceProperties.Target db = switch (target) {
      case "postgres" -> {
        PostgresTestDatabase.Server server = PostgresTestDatabase.server();
        schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + schema);
          s.execute("CREATE TABLE %s.agencies (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)".formatted(schema));
        }
        yield new TargetDataSourceProperties.Target(server.url(), server.username(), server.password(), schema, 2, Duration.ofSeconds(5));
      }
      case "h2" -> new TargetDataSourceProperties.Target("jdbc:h2:mem:bench-" + UUID.randomUUID()
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;"
          + "INIT=RUNSCRIPT FROM 'classpath:sandbox/audienceos-sandbox.sql'", "sa", "", null, 2, Duration.ofSeconds(5));
      default -> null;
    };
    dataSources = new TargetDataSources(new TargetDataSourceProperties(db == null ? Map.of() : Map.of("target", db)));
    if (db != null) {
      try (Connection warm = dataSources.get("target").getConnection()) {
        warm.isValid(1); // pool creation is not part of a job
      }
    }
    service = new MigrationPortService(new Workspaces(new WorkspaceProperties(Map.of(
        "revos", new WorkspaceProperties.Workspace(root.resolve("revos").toString(), true, false),
        "audienceos", new WorkspaceProperties.Workspace(targetDir.toString(), false, false)))), dataSources);
    request = new MigrationPortRequest("revos", List.of("supabase/migrations/*.sql"), "audienceos", "supabase/migrations",
        null, 200L, null, null, true, null, null, null, "agencies(id)", null, null, null, "current_setting('app.agency_id')::uuid",
        null, db == null ? null : "target", null, db == null);
  }

  @Benchmark
  public MigrationPortResult portAndApply() {
    MigrationPortResult result = service.port(request);
    if (result.portedFiles().size() != MIGRATIONS || result.tablesChanged().size() != MIGRATIONS * TABLES_EACH) {
      throw new IllegalStateException("Unexpected result: " + result.portedFiles().size() + " files, "
          + result.tablesChanged().size() + " tables");
    }
    return result;
  }

  @TearDown(Level.Invocation)
  public void dropTarget() throws SQLException, IOException {
    dataSources.destroy();
    if (schema != null) {
      try (Connection c = PostgresTestDatabase.server().connect(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
      schema = null;
    }
    delete(targetDir);
  }

  @TearDown(Level.Trial)
  public void deleteCorpus() throws IOException {
    delete(root);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
