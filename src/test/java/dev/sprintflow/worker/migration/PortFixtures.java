package dev.sprintflow.worker.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.test.PostgresTestDatabase;
import dev.sprintflow.test.SupabasePlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared fixtures of the migration-port tests: the RevOS example, AudienceOS settings, target databases. */
final class PortFixtures {

  /** The bundled example migrations (also the default profile's workspace "revos-example"). */
  static final Path REVOS = Path.of("examples/migration-port/revos");
  static final List<String> REVOS_FILES = List.of("003_cartridge_system.sql", "012_cartridge_assets.sql",
      "021_voice_cartridges.sql", "037_client_cartridges.sql", "041_cartridge_usage.sql");
  static final List<String> CARTRIDGE_TABLES = List.of("brand_cartridges", "style_cartridges", "instruction_cartridges",
      "voice_cartridges", "client_cartridges", "cartridge_usage");
  static final String TENANT_EXPRESSION = "(select u.agency_id from users u where u.id = auth.uid())";

  private PortFixtures() {}

  /** Variables of a port of all RevOS migrations to AudienceOS, as a process would send them. */
  static Map<String, Object> audienceOsVariables(String database) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("sourceWorkspace", "revos");
    v.put("sourceFiles", List.of("supabase/migrations/*.sql"));
    v.put("targetWorkspace", "audienceos");
    v.put("targetDirectory", "supabase/migrations");
    v.put("numberingStart", 8);
    v.put("ownerColumn", "user_id");
    v.put("ownerOptional", true);
    v.put("tenantColumn", "agency_id");
    v.put("tenantColumnType", "uuid");
    v.put("tenantReferences", "agencies(id)");
    v.put("tenantExpression", TENANT_EXPRESSION);
    v.put("targetDatabase", database);
    return v;
  }

  static MigrationPortRequest request(Map<String, Object> variables) {
    try {
      return MigrationPortWorker.request(new ObjectMapper().writeValueAsString(variables));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path copyRevos(Path into) throws IOException {
    Path target = into.resolve("revos");
    try (Stream<Path> files = Files.walk(REVOS)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(REVOS.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  static void installSupabasePlatform(PostgresTestDatabase.Server server) throws SQLException {
    SupabasePlatform.install(server);
  }

  /** AudienceOS's own tables that ported migrations refer to, in the test's schema. */
  static void createAudienceOsBaseline(PostgresTestDatabase.Schema schema) throws SQLException {
    try (Connection c = schema.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE agencies (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)");
      s.execute("""
          CREATE TABLE users (
            id uuid PRIMARY KEY REFERENCES auth.users(id),
            agency_id uuid NOT NULL REFERENCES agencies(id),
            role text NOT NULL DEFAULT 'member')""");
    }
  }
}
