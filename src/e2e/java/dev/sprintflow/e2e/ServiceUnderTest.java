package dev.sprintflow.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged service (target/sprintflow.jar) with the local-stack profile, as a user runs it. */
final class ServiceUnderTest implements AutoCloseable {

  private final Process process;
  private final Path log;
  final URI url;

  private ServiceUnderTest(Process process, Path log, URI url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  static ServiceUnderTest start(E2eSettings settings, Timings timings) throws IOException {
    // The test's scripted workers serve every worker kind of the sample plan; the built-in
    // @JobWorkers (migration-port, rbac-check, oauth-sync) would take those jobs and, without the
    // workspaces and targets they need, send the tasks to triage. The progress worker and the
    // Tasklist inbox are not @JobWorkers and keep running.
    return start(settings, timings, "service",
        List.of("--spring.profiles.active=local-stack", "--camunda.client.worker.defaults.enabled=false"));
  }

  /**
   * The jar with the given arguments (they must choose the profile), logging to {@code <name>.log}.
   * Tests that restart the service give each run its own name.
   */
  static ServiceUnderTest start(E2eSettings settings, Timings timings, String name, List<String> args) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = settings.out().resolve(name + ".log");
    Files.createDirectories(log.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t0 = System.nanoTime();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", settings.jar().toString(),
        "--server.port=" + port,
        // readiness turns UP only after the start-up runners, i.e. once bpmn/ and dmn/ are deployed
        "--management.endpoint.health.probes.enabled=true"));
    command.addAll(args);
    Process p = new ProcessBuilder(command)
        .directory(settings.out().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    ServiceUnderTest service = new ServiceUnderTest(p, log, URI.create("http://127.0.0.1:" + port));
    try {
      service.awaitHealthy();
    } catch (RuntimeException | Error e) {
      service.close();
      throw e;
    }
    timings.record(name.equals("service") ? "service start (local-stack profile, models deployed)"
        : name + " start (models deployed)", Duration.ofNanos(System.nanoTime() - t0));
    return service;
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + E2eSettings.SERVICE_START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The service exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve("/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the service", e);
      }
      sleep(500);
    }
    throw new IllegalStateException("The service did not become healthy within " + E2eSettings.SERVICE_START + "; see " + log);
  }

  /** SIGKILL, as a crash or the OOM killer would: no shutdown hooks, activated jobs stay locked. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: Spring closes the client and workers
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
