package dev.sprintflow.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node tools in {@code tools/modeler} (Camunda Modeler's checks and bpmn-js rendering) for
 * tests: finds them, installs them once per JVM through {@code install.sh}, and applies one rule when
 * a prerequisite (Node.js, npm, Chromium) is missing: skip the test with the reason, except on CI
 * ({@code CI=true}), where a missing tool must not turn a check into a silent pass.
 */
final class ModelerTools {

  /** install.sh's exit code for "node/npm missing or too old". */
  private static final int TOOLS_MISSING = 3;
  private static final long TIMEOUT_SECONDS = 180;

  private static Path installedDir;

  private ModelerTools() {}

  /** Result of one tool run. */
  record Run(int exitCode, String stdout, String stderr) {}

  /** tools/modeler with its node_modules installed; skips or fails the calling test when it cannot be. */
  static synchronized Path installed() {
    if (installedDir != null) {
      return installedDir;
    }
    Path dir = repositoryRoot().resolve("tools/modeler");
    Run run;
    try {
      run = run(dir, List.of("bash", dir.resolve("install.sh").toString()));
    } catch (UncheckedIOException e) {
      unavailable("cannot run tools/modeler/install.sh (" + e.getCause().getMessage() + ")");
      throw e; // not reached
    }
    if (run.exitCode() == TOOLS_MISSING) {
      unavailable(run.stderr().strip());
    }
    if (run.exitCode() != 0) {
      fail("tools/modeler/install.sh failed (exit " + run.exitCode() + "):\n" + run.stderr());
    }
    installedDir = dir;
    return dir;
  }

  /** Runs {@code node <script> <args>} in tools/modeler. */
  static Run node(String script, List<String> args) {
    Path dir = installed();
    List<String> command = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
    command.addAll(args);
    return run(dir, command);
  }

  /** Skips the test with {@code reason}, or fails it on CI. Never returns normally. */
  static void unavailable(String reason) {
    String message = "Camunda Modeler checks unavailable: " + reason;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: these checks must run on CI)");
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }

  /** The checkout root: the nearest directory upwards from the working directory holding tools/modeler. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("tools/modeler/lint.mjs"))) {
        return p;
      }
    }
    throw new IllegalStateException("tools/modeler/lint.mjs not found above " + Path.of("").toAbsolutePath());
  }

  private static Run run(Path dir, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
      process.getOutputStream().close();
      // Read both streams concurrently so neither pipe fills up and blocks the tool.
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Run(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    // Own thread per stream: the common pool may have a single worker on our 2-core machines.
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, task -> Thread.ofVirtual().start(task));
  }
}
