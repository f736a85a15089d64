package dev.sprintflow.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, with a fresh schema per test (created before, dropped after).
 * Where it comes from, in order: the configured server ({@code SPRINTFLOW_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}; {@code SPRINTFLOW_TEST_PG_USER} default
 * {@code postgres}; {@code SPRINTFLOW_TEST_PG_PASSWORD} default empty) if it answers; else a
 * Testcontainers PostgreSQL where Docker runs; else the tests are skipped with a notice, except
 * under {@code CI=true}, where they fail: CI must not pass by testing nothing.
 *
 * <pre>
 * {@literal @}ExtendWith(PostgresTestDatabase.class)
 * class MyTest {
 *   {@literal @}Test void works(PostgresTestDatabase.Schema db) throws SQLException {
 *     try (Connection c = db.connect()) { ... }   // search_path = the fresh schema
 *   }
 * }
 * </pre>
 */
public final class PostgresTestDatabase
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /** A server the tests can reach: where, and as whom. */
  public record Server(String url, String username, String password, String origin) {
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }
  }

  /** The fresh schema of one test on {@link #server()}. */
  public record Schema(String name, Server server) {
    /** A connection whose search path is this schema (and then public, for extensions). */
    public Connection connect() throws SQLException {
      Connection c = server.connect();
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path TO " + name + ", public");
      }
      return c;
    }

    public String url() {
      return server.url();
    }

    public String username() {
      return server.username();
    }

    public String password() {
      return server.password();
    }
  }

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresTestDatabase.class);
  private static volatile Server server;
  private static volatile String unavailable;
  private static PostgreSQLContainer<?> container;

  /** The server for all tests of this JVM, found once. */
  public static synchronized Server server() {
    if (server == null && unavailable == null) {
      locate();
    }
    if (server == null) {
      skipOrFail(unavailable, System.getenv());
    }
    return server;
  }

  /** Skip with a visible notice, or fail under {@code CI=true}: CI must not pass by testing nothing. */
  static void skipOrFail(String reason, Map<String, String> env) {
    String notice = "PostgreSQL tests skipped: " + reason;
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new AssertionFailedError(notice + " (CI=true: a database is required)");
    }
    System.out.println("NOTICE " + notice);
    throw new TestAbortedException(notice);
  }

  private static void locate() {
    String url = env("SPRINTFLOW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("SPRINTFLOW_TEST_PG_USER", "postgres");
    String password = env("SPRINTFLOW_TEST_PG_PASSWORD", "");
    String configuredProblem;
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      if (c.isValid(3)) {
        server = new Server(url, user, password, "configured server " + url);
        return;
      }
      configuredProblem = "configured server " + url + " does not answer";
    } catch (SQLException e) {
      configuredProblem = "configured server " + url + " is not reachable (" + e.getMessage() + ")";
    }
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (docker) {
      container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start();
      server = new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers PostgreSQL");
      return;
    }
    unavailable = configuredProblem + ", and Docker is not available for Testcontainers"
        + " (set SPRINTFLOW_TEST_PG_URL/_USER/_PASSWORD to a server)";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(); // skip (or fail under CI) the whole class at once
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    String test = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = "t_" + test.substring(0, Math.min(test.length(), 30)) + "_"
        + HexFormat.of().formatHex(randomBytes());
    try (Connection c = server().connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    context.getStore(NS).put("schema", new Schema(name, server()));
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    Schema schema = context.getStore(NS).remove("schema", Schema.class);
    if (schema != null) {
      try (Connection c = server().connect(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema.name() + " CASCADE");
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Schema.class || type == Server.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == Server.class) {
      return server();
    }
    Schema schema = context.getStore(NS).get("schema", Schema.class);
    if (schema == null) {
      throw new ParameterResolutionException("A fresh schema exists only in test methods and @BeforeEach/@AfterEach");
    }
    return schema;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[5];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
