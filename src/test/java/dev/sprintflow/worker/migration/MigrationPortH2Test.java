package dev.sprintflow.worker.migration;

import static dev.sprintflow.worker.migration.PortFixtures.CARTRIDGE_TABLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sprintflow.datasource.TargetDataSourceProperties;
import dev.sprintflow.datasource.TargetDataSources;
import dev.sprintflow.workspace.WorkspaceProperties;
import dev.sprintflow.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded profile's sandbox: the same port applied to H2 in PostgreSQL mode, as a first-time
 * user without PostgreSQL runs it. The files are the same as for PostgreSQL; only what H2 executes differs.
 */
class MigrationPortH2Test {

  @TempDir Path tmp;
  Path target;
  TargetDataSources dataSources;
  MigrationPortService service;

  @BeforeEach
  void setUp() throws Exception {
    Path source = PortFixtures.copyRevos(tmp);
    target = Files.createDirectories(tmp.resolve("audienceos"));
    // The URL of application.yaml's sandbox, with a database of its own for this test.
    String url = "jdbc:h2:mem:sandbox-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
        + "DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'classpath:sandbox/audienceos-sandbox.sql'";
    dataSources = new TargetDataSources(new TargetDataSourceProperties(Map.of(
        "sandbox", new TargetDataSourceProperties.Target(url, "sa", "", null, 2, Duration.ofSeconds(3)))));
    service = new MigrationPortService(new Workspaces(new WorkspaceProperties(Map.of(
        "revos", new WorkspaceProperties.Workspace(source.toString(), true, false),
        "audienceos", new WorkspaceProperties.Workspace(target.toString(), false, false)))), dataSources);
  }

  @AfterEach
  void close() {
    dataSources.destroy();
  }

  @Test
  void appliesToH2SkippingWhatH2CannotDoAndSaysSo() throws Exception {
    MigrationPortResult result = service.port(PortFixtures.request(PortFixtures.audienceOsVariables("sandbox")));

    assertThat(result.verification().status()).isEqualTo("passed");
    assertThat(result.verification().databaseProduct()).isEqualTo("H2");
    assertThat(result.verification().tables()).extracting(MigrationPortResult.TableCheck::table)
        .containsExactlyElementsOf(CARTRIDGE_TABLES);
    assertThat(result.verification().tables()).allSatisfy(t -> assertThat(t.foreignKey()).isEqualTo("agencies(id)"));
    assertThat(result.migrationsApplied()).containsExactly("8", "9", "10", "11", "12");
    int inFiles = result.portedFiles().stream().mapToInt(MigrationPortResult.PortedFile::statements).sum();
    // 11 CREATE POLICY + 1 DROP POLICY + 7 ENABLE ROW LEVEL SECURITY + a function + a trigger are not run on H2
    assertThat(result.statementsApplied()).isEqualTo(inFiles - 21);
    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("008_cartridge_system.sql", "policy", "not applied on H2"))
        .anySatisfy(w -> assertThat(w).contains("row level security statement(s) not applied on H2"))
        .anySatisfy(w -> assertThat(w).contains("010_voice_cartridges.sql: partial indexes are created as full indexes"))
        .anySatisfy(w -> assertThat(w).contains("DEFAULT moved before column constraints"));
    assertThat(result.summary()).contains("H2 sandbox");
    try (Connection c = dataSource().getConnection()) {
      assertThat(MigrationPortPostgresTest.strings(c,
          "SELECT \"version\" FROM \"sprintflow_migration_port_history\" WHERE \"type\" = 'SQL' ORDER BY 1"))
          .containsExactly("008", "009", "010", "011", "012");
      assertThat(MigrationPortPostgresTest.strings(c,
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'brand_cartridges' ORDER BY ordinal_position"))
          .startsWith("id", "user_id", "agency_id", "name");
    }
    // The ported files are written for PostgreSQL, whatever database proves them.
    assertThat(Files.readString(target.resolve("supabase/migrations/008_cartridge_system.sql")))
        .contains("CREATE POLICY", "enable row level security", "timestamptz", "primary key default gen_random_uuid()")
        .doesNotContain("not applied on H2");
  }

  @Test
  void aSecondRunOnH2IsANoOp() throws Exception {
    service.port(PortFixtures.request(PortFixtures.audienceOsVariables("sandbox")));
    MigrationPortResult again = service.port(PortFixtures.request(PortFixtures.audienceOsVariables("sandbox")));

    assertThat(again.statementsApplied()).isZero();
    assertThat(again.migrationsApplied()).isEmpty();
    assertThat(again.portedFiles()).allSatisfy(f -> assertThat(f.status()).isEqualTo("unchanged"));
  }

  @Test
  void aTargetVersionAlreadyTakenInTheTargetFolderIsAConflict() throws Exception {
    Files.createDirectories(target.resolve("supabase/migrations"));
    Files.writeString(target.resolve("supabase/migrations/009_audienceos_own.sql"), "create table own (id int);");

    assertThatThrownBy(() -> service.port(PortFixtures.request(PortFixtures.audienceOsVariables("sandbox"))))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.CONFLICT);
          assertThat(e.getMessage()).contains("target version 9 of 012_cartridge_assets.sql is already used by 009_audienceos_own.sql");
        });
    assertThat(target.resolve("supabase/migrations/008_cartridge_system.sql")).doesNotExist();
  }

  @Test
  void changingAnAppliedMigrationIsAConflictNotASilentReapply() throws Exception {
    service.port(PortFixtures.request(PortFixtures.audienceOsVariables("sandbox")));
    Path file = target.resolve("supabase/migrations/008_cartridge_system.sql");
    String applied = Files.readString(file);
    Map<String, Object> v = PortFixtures.audienceOsVariables("sandbox");
    v.put("tenantIndex", false); // different content for versions 8..12

    assertThatThrownBy(() -> service.port(PortFixtures.request(v)))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.CONFLICT);
          assertThat(e.getMessage()).contains("sprintflow_migration_port_history", "checksum");
        });
    assertThat(Files.readString(file)).as("a refused job leaves the files as they were").isEqualTo(applied);
  }

  @Test
  void aNumberingThatBreaksTheSourceOrderIsARequestError() {
    Map<String, Object> v = PortFixtures.audienceOsVariables("sandbox");
    v.put("numberingMapping", Map.of("037", 9)); // 003 -> 8, 012 -> 10, 021 -> 11, then 037 -> 9

    assertThatThrownBy(() -> service.port(PortFixtures.request(v)))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.REQUEST);
          assertThat(e.getMessage()).startsWith("numberingMapping must keep the source order");
        });
  }

  private DataSource dataSource() {
    return dataSources.get("sandbox");
  }

}
