package dev.sprintflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where things are and how long to wait, from the system properties the e2e Maven profile sets and
 * the stack's own environment variables (so the test, the script and the service agree on ports).
 */
record E2eSettings(
    Path repo, Path jar, Path out, Path chromium, Path chromedriver, int grpcPort, int httpPort, String user,
    String password) {

  /** Generous for a loaded 2-core machine; typical waits are a few seconds. */
  static final Duration OPERATE_WAIT = Duration.ofSeconds(90);
  static final Duration TASKLIST_WAIT = Duration.ofSeconds(90);
  static final Duration SERVICE_START = Duration.ofSeconds(180);
  static final Duration STACK_UP = Duration.ofMinutes(12);

  static E2eSettings load() {
    Path repo = Path.of(required("e2e.repo"));
    E2eSettings s = new E2eSettings(
        repo,
        Path.of(required("e2e.jar")),
        Path.of(required("e2e.out")),
        Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium")),
        Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")),
        port("SPRINTFLOW_STACK_GRPC_PORT", 26500),
        port("SPRINTFLOW_STACK_HTTP_PORT", 8088),
        env("SPRINTFLOW_STACK_USER", "demo"),
        env("SPRINTFLOW_STACK_PASSWORD", "demo"));
    s.check();
    return s;
  }

  String webUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  String grpcUrl() {
    return "http://127.0.0.1:" + grpcPort;
  }

  Path script() {
    return repo.resolve("scripts/camunda-stack");
  }

  Path plan() {
    return repo.resolve("src/test/resources/plans/audienceos-production-sprint.md");
  }

  /** Missing prerequisites fail the test with what to install, before anything starts. */
  private void check() {
    require(jar, "the service jar; run through './mvnw -Pe2e verify', which packages it first");
    require(script(), "the stack script");
    require(plan(), "the production sprint sample plan");
    require(chromium, "Chromium; install Debian's package: apt-get install chromium (or set -De2e.chromium=<path>)");
    require(chromedriver,
        "ChromeDriver matching Chromium; install Debian's package: apt-get install chromium-driver (or set -De2e.chromedriver=<path>)");
  }

  private static void require(Path path, String what) {
    if (!Files.exists(path)) {
      throw new IllegalStateException("E2E prerequisite missing: " + path + " (" + what + ")");
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set; run the e2e test with ./mvnw -Pe2e verify");
    }
    return value;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int port(String name, int fallback) {
    String value = env(name, Integer.toString(fallback));
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + " must be a port number, but is '" + value + "'");
    }
  }
}
