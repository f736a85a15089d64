package dev.sprintflow.worker.migration;

import static dev.sprintflow.worker.migration.PortFixtures.CARTRIDGE_TABLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sprintflow.datasource.TargetDataSourceProperties;
import dev.sprintflow.datasource.TargetDataSources;
import dev.sprintflow.test.PostgresTestDatabase;
import dev.sprintflow.workspace.WorkspaceProperties;
import dev.sprintflow.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service against the real PostgreSQL: port the RevOS migrations, apply them, look at the database. */
@ExtendWith(PostgresTestDatabase.class)
class MigrationPortPostgresTest {

  static final String SECRET = "pg-password-must-never-show-" + UUID.randomUUID();

  @TempDir Path tmp;
  Path target;
  PostgresTestDatabase.Schema schema;
  TargetDataSources dataSources;
  MigrationPortService service;

  @BeforeEach
  void setUp(PostgresTestDatabase.Schema schema) throws Exception {
    this.schema = schema;
    PortFixtures.installSupabasePlatform(schema.server());
    PortFixtures.createAudienceOsBaseline(schema);
    Path source = PortFixtures.copyRevos(tmp);
    target = Files.createDirectories(tmp.resolve("audienceos"));
    Workspaces workspaces = new Workspaces(new WorkspaceProperties(Map.of(
        "revos", new WorkspaceProperties.Workspace(source.toString(), true, false),
        "audienceos", new WorkspaceProperties.Workspace(target.toString(), false, false))));
    dataSources = new TargetDataSources(new TargetDataSourceProperties(Map.of(
        "pg", new TargetDataSourceProperties.Target(schema.url(), schema.username(), SECRET, schema.name(), 2, Duration.ofSeconds(3)),
        "down", new TargetDataSourceProperties.Target("jdbc:postgresql://127.0.0.1:1/test", "postgres", SECRET, null, 1,
            Duration.ofMillis(500)))));
    service = new MigrationPortService(workspaces, dataSources);
  }

  @AfterEach
  void closePools() {
    dataSources.destroy(); // before the extension drops the schema
  }

  @Test
  void portsAndAppliesTheRevosMigrationsAndVerifiesTheSchema() throws Exception {
    MigrationPortResult result = service.port(PortFixtures.request(PortFixtures.audienceOsVariables("pg")));

    assertThat(result.portedFiles()).extracting(MigrationPortResult.PortedFile::path).containsExactly(
        "supabase/migrations/008_cartridge_system.sql", "supabase/migrations/009_cartridge_assets.sql",
        "supabase/migrations/010_voice_cartridges.sql", "supabase/migrations/011_client_cartridges.sql",
        "supabase/migrations/012_cartridge_usage.sql");
    assertThat(result.portedFiles()).allSatisfy(f -> {
      assertThat(f.status()).isEqualTo("written");
      assertThat(f.checksum()).isEqualTo("sha256:" + MigrationPortService.sha256(Files.readString(target.resolve(f.path()))));
    });
    assertThat(result.tablesChanged()).containsExactlyElementsOf(CARTRIDGE_TABLES);
    assertThat(result.migrationsApplied()).containsExactly("8", "9", "10", "11", "12");
    int statementsInFiles = result.portedFiles().stream().mapToInt(MigrationPortResult.PortedFile::statements).sum();
    assertThat(result.statementsApplied()).isEqualTo(statementsInFiles).isGreaterThan(40);
    assertThat(result.verification().status()).isEqualTo("passed");
    assertThat(result.verification().databaseProduct()).isEqualTo("PostgreSQL");
    assertThat(result.verification().tables()).hasSize(6).allSatisfy(t -> {
      assertThat(t.tenantColumnType()).isEqualTo("uuid");
      assertThat(t.tenantColumnNullable()).isFalse();
      assertThat(t.index()).isEqualTo("idx_" + t.table() + "_agency_id");
      assertThat(t.foreignKey()).isEqualTo("agencies(id)");
    });

    try (Connection c = schema.connect()) {
      for (String table : CARTRIDGE_TABLES) {
        assertThat(column(c, table, "agency_id")).as(table).isEqualTo("uuid NO");
        assertThat(column(c, table, "user_id")).as(table + ": owner is optional now").isEqualTo("uuid YES");
      }
      assertThat(column(c, "cartridge_assets", "agency_id")).as("child table without owner").isNull();
      List<String> policies = strings(c, "SELECT tablename || ': ' || coalesce(qual, '') || ' | ' || coalesce(with_check, '')"
          + " FROM pg_policies WHERE schemaname = current_schema() ORDER BY tablename, policyname");
      assertThat(policies).hasSize(10).allSatisfy(p -> assertThat(p).contains("agency_id").doesNotContain("user_id = auth.uid()")
          .doesNotContain("auth.uid() = user_id"));
      assertThat(strings(c, "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = 'brand_cartridges'"))
          .contains("Users can delete own non-default brand cartridges").doesNotContain("Users can delete own brand cartridges");
      assertThat(strings(c, "SELECT pg_get_viewdef('active_brand_cartridges')").getFirst()).contains("agency_id").doesNotContain("user_id");
      assertThat(strings(c, "SELECT version || ' ' || script || ' ' || success FROM sprintflow_migration_port_history"
          + " WHERE type = 'SQL' ORDER BY installed_rank")).containsExactly(
          "008 008_cartridge_system.sql true", "009 009_cartridge_assets.sql true", "010 010_voice_cartridges.sql true",
          "011 011_client_cartridges.sql true", "012 012_cartridge_usage.sql true");
    }
    assertThat(Files.readString(target.resolve("supabase/migrations/008_cartridge_system.sql")))
        .contains("-- tone, vocabulary, banned phrases", "-- Keep updated_at honest without relying on the application.")
        .contains("agency_id uuid NOT NULL CONSTRAINT brand_cartridges_agency_id_fkey REFERENCES agencies (id) ON DELETE CASCADE");
    assertThat(result.summary()).contains("```diff", "+  agency_id uuid NOT NULL", "008_cartridge_system.sql");
    assertThat(result.toString()).doesNotContain(SECRET);
  }

  @Test
  void rowLevelSecurityNowSeparatesAgenciesAndSharesRowsWithinOne() throws Exception {
    service.port(PortFixtures.request(PortFixtures.audienceOsVariables("pg")));
    UUID agencyA = UUID.randomUUID();
    UUID agencyB = UUID.randomUUID();
    UUID alice = UUID.randomUUID(); // agency A
    UUID amir = UUID.randomUUID(); // agency A
    UUID bob = UUID.randomUUID(); // agency B
    try (Connection c = schema.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO agencies VALUES ('%s', 'A'), ('%s', 'B')".formatted(agencyA, agencyB));
      s.execute("INSERT INTO auth.users (id) VALUES ('%s'), ('%s'), ('%s')".formatted(alice, amir, bob));
      try {
        s.execute("INSERT INTO users (id, agency_id) VALUES ('%s', '%s'), ('%s', '%s'), ('%s', '%s')"
            .formatted(alice, agencyA, amir, agencyA, bob, agencyB));
        s.execute("INSERT INTO brand_cartridges (user_id, agency_id, name) VALUES ('%s', '%s', 'alice brand'),"
            .formatted(alice, agencyA) + " ('%s', '%s', 'bob brand'), (NULL, '%s', 'agency-wide brand')".formatted(bob, agencyB, agencyA));
        s.execute("GRANT USAGE ON SCHEMA %s TO sprintflow_rls_probe".formatted(schema.name()));
        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA %s TO sprintflow_rls_probe".formatted(schema.name()));

        // Amir sees his colleague's cartridge and the agency-wide one (no owner); Bob only his agency's.
        assertThat(visibleBrands(c, amir)).containsExactlyInAnyOrder("alice brand", "agency-wide brand");
        assertThat(visibleBrands(c, bob)).containsExactly("bob brand");
      } finally {
        s.execute("DELETE FROM users"); // auth.users is shared by every test schema: leave it as found
        s.execute("DELETE FROM auth.users WHERE id IN ('%s', '%s', '%s')".formatted(alice, amir, bob));
        s.execute("REVOKE ALL ON ALL TABLES IN SCHEMA %s FROM sprintflow_rls_probe".formatted(schema.name()));
        s.execute("REVOKE ALL ON SCHEMA %s FROM sprintflow_rls_probe".formatted(schema.name()));
      }
    }
  }

  @Test
  void runningTheSameJobAgainChangesNothing() throws Exception {
    service.port(PortFixtures.request(PortFixtures.audienceOsVariables("pg")));
    Path file = target.resolve("supabase/migrations/008_cartridge_system.sql");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);
    List<String> before = snapshot();

    MigrationPortResult again = service.port(PortFixtures.request(PortFixtures.audienceOsVariables("pg")));

    assertThat(again.portedFiles()).allSatisfy(f -> assertThat(f.status()).isEqualTo("unchanged"));
    assertThat(again.migrationsApplied()).isEmpty();
    assertThat(again.statementsApplied()).isZero();
    assertThat(again.verification().status()).isEqualTo("passed");
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aBrokenSourceFileIsRejectedWithFileAndLineBeforeAnythingIsWrittenOrApplied() throws Exception {
    Files.writeString(tmp.resolve("revos/supabase/migrations/050_broken.sql"), """
        -- RevOS 050: a typo
        create table if not exists cartridge_tags (
          id uuid primary key,
          user_id uuid not null
          name text not null
        );
        """);

    assertThatThrownBy(() -> service.port(PortFixtures.request(PortFixtures.audienceOsVariables("pg"))))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.SOURCE_SQL);
          assertThat(e.file()).isEqualTo("supabase/migrations/050_broken.sql");
          assertThat(e.line()).isEqualTo(5);
          assertThat(e.getMessage()).startsWith("supabase/migrations/050_broken.sql:5: unexpected 'text'")
              .contains("statement starting on line 2");
        });
    assertThat(target.resolve("supabase/migrations")).doesNotExist();
    try (Connection c = schema.connect()) {
      assertThat(strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"))
          .containsExactly("agencies", "users");
    }
  }

  @Test
  void aMigrationThePostgresRejectsNamesThePortedFileLineAndMessageAndLeavesNothingApplied() throws Exception {
    Files.writeString(tmp.resolve("revos/supabase/migrations/050_client_notes.sql"), """
        -- RevOS 050: notes per client (clients do not exist in AudienceOS)
        create table if not exists client_notes (
          id uuid primary key default gen_random_uuid(),
          user_id uuid not null references auth.users(id),
          client_id uuid not null references clients(id),
          body text not null
        );
        """);

    assertThatThrownBy(() -> service.port(PortFixtures.request(PortFixtures.audienceOsVariables("pg"))))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.DATABASE);
          assertThat(e.file()).isEqualTo("supabase/migrations/013_client_notes.sql");
          assertThat(e.line()).isEqualTo(5); // two header lines + blank, then the CREATE TABLE (source line 2)
          assertThat(e.getMessage()).contains("relation \"clients\" does not exist", "ported from supabase/migrations/050_client_notes.sql line 2");
          assertThat(e.variables()).containsKey("migrationError");
        });
    try (Connection c = schema.connect()) {
      assertThat(strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%cartridge%'"))
          .as("all pending migrations run in one transaction").isEmpty();
    }
  }

  @Test
  void theReviewersRenumberingFromThePlanWithFlywayNames() throws Exception {
    Map<String, Object> v = PortFixtures.audienceOsVariables("pg");
    v.remove("numberingStart");
    v.put("sourceFiles", List.of("supabase/migrations/003_cartridge_system.sql", "supabase/migrations/037_*.sql"));
    v.put("numberingMapping", Map.of("003", 8, "037", 9));
    v.put("targetNaming", "flyway");
    v.put("policyMode", "tenant-and-owner");

    MigrationPortResult result = service.port(PortFixtures.request(v));

    assertThat(result.portedFiles()).extracting(MigrationPortResult.PortedFile::path)
        .containsExactly("supabase/migrations/V8__cartridge_system.sql", "supabase/migrations/V9__client_cartridges.sql");
    try (Connection c = schema.connect()) {
      assertThat(strings(c, "SELECT version FROM sprintflow_migration_port_history WHERE type = 'SQL' ORDER BY 1"))
          .containsExactly("8", "9");
      assertThat(strings(c, "SELECT qual FROM pg_policies WHERE schemaname = current_schema() AND policyname = 'Users manage own client cartridges'"))
          .singleElement().satisfies(q -> assertThat(q).contains("agency_id").contains("user_id"));
    }
  }

  @Test
  void anUnreachableDatabaseIsReportedForRetryWithoutTheSecret() {
    Map<String, Object> v = PortFixtures.audienceOsVariables("down");

    assertThatThrownBy(() -> service.port(PortFixtures.request(v)))
        .isInstanceOf(TargetDatabaseUnavailableException.class)
        .hasMessageContaining("'down' cannot be reached")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void anUnknownTargetDatabaseNamesTheConfiguredOnes() {
    assertThatThrownBy(() -> service.port(PortFixtures.request(PortFixtures.audienceOsVariables("prod"))))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.REQUEST);
          assertThat(e.getMessage()).startsWith("targetDatabase:").contains("'prod'", "down, pg");
        });
  }

  @Test
  void pathsOutsideTheWorkspacesAreRefused() throws Exception {
    Files.writeString(Files.createDirectories(tmp.resolve("elsewhere")).resolve("001_secret.sql"), "create table x (id int);");
    Files.createSymbolicLink(tmp.resolve("revos/supabase/linked"), tmp.resolve("elsewhere"));
    for (Map.Entry<String, Object> escape : List.<Map.Entry<String, Object>>of(
        Map.entry("sourceFiles", List.of("../elsewhere/*.sql")),
        Map.entry("sourceFiles", List.of(tmp.resolve("elsewhere/001_secret.sql").toString())),
        Map.entry("sourceFiles", List.of("supabase/linked/*.sql")),
        Map.entry("targetDirectory", "../revos/supabase/migrations"))) {
      Map<String, Object> v = PortFixtures.audienceOsVariables("pg");
      v.put(escape.getKey(), escape.getValue());
      assertThatThrownBy(() -> service.port(PortFixtures.request(v))).as(escape.toString())
          .isInstanceOfSatisfying(MigrationInvalidException.class,
              e -> assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.WORKSPACE));
    }
    assertThat(target.resolve("supabase")).doesNotExist();
  }

  @Test
  void aDryRunWritesAndAppliesNothingButShowsTheDiff() throws Exception {
    Map<String, Object> v = PortFixtures.audienceOsVariables("pg");
    v.put("dryRun", true);

    MigrationPortResult result = service.port(PortFixtures.request(v));

    assertThat(result.portedFiles()).hasSize(5).allSatisfy(f -> assertThat(f.status()).isEqualTo("planned"));
    assertThat(result.verification().status()).isEqualTo("skipped");
    assertThat(result.statementsApplied()).isZero();
    assertThat(result.summary()).contains("Dry run", "+CREATE INDEX IF NOT EXISTS idx_brand_cartridges_agency_id");
    assertThat(target.resolve("supabase/migrations")).doesNotExist();
    try (Connection c = schema.connect()) {
      assertThat(strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"))
          .containsExactly("agencies", "users");
    }
  }

  private List<String> visibleBrands(Connection c, UUID user) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL ROLE sprintflow_rls_probe");
      s.execute("SELECT set_config('request.jwt.claim.sub', '%s', true)".formatted(user));
      return strings(c, "SELECT name FROM brand_cartridges ORDER BY name");
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** Columns, indexes, constraints, policies and history of the test schema, for before/after comparisons. */
  private List<String> snapshot() throws SQLException {
    try (Connection c = schema.connect()) {
      List<String> all = new ArrayList<>();
      all.addAll(strings(c, "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
          + " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1"));
      all.addAll(strings(c, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"));
      all.addAll(strings(c, "SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1"));
      all.addAll(strings(c, "SELECT policyname || coalesce(qual, '') FROM pg_policies WHERE schemaname = current_schema() ORDER BY 1"));
      all.addAll(strings(c, "SELECT installed_rank || version || checksum FROM sprintflow_migration_port_history ORDER BY 1"));
      return all;
    }
  }

  private static String column(Connection c, String table, String column) throws SQLException {
    List<String> rows = strings(c, "SELECT data_type || ' ' || is_nullable FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = '%s' AND column_name = '%s'".formatted(table, column));
    return rows.isEmpty() ? null : rows.getFirst();
  }

  static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
