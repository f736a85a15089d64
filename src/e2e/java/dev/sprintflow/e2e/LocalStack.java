package dev.sprintflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local Camunda stack through scripts/camunda-stack. A stack that was already running is used
 * and left running; one this test brought up is brought down again in {@link #close()}.
 */
final class LocalStack implements AutoCloseable {

  private final E2eSettings settings;
  private final Path log;
  private boolean startedHere;

  private LocalStack(E2eSettings settings) {
    this.settings = settings;
    this.log = settings.out().resolve("camunda-stack.log");
  }

  /** Brings the stack up unless it runs already; returns how long that took. */
  static LocalStack ensureUp(E2eSettings settings, Timings timings) {
    LocalStack stack = new LocalStack(settings);
    if (stack.run("status", Duration.ofMinutes(1)) == 0) {
      System.out.println("[e2e] using the running Camunda stack (left running afterwards)");
      return stack;
    }
    long t0 = System.nanoTime();
    stack.startedHere = true; // from here on, close() takes down whatever 'up' managed to start
    int rc = stack.run("up", E2eSettings.STACK_UP);
    if (rc != 0) {
      throw new IllegalStateException("scripts/camunda-stack up failed (exit " + rc + "); its output is in " + stack.log);
    }
    timings.record("stack up (by the test)", Duration.ofNanos(System.nanoTime() - t0));
    return stack;
  }

  @Override
  public void close() {
    if (startedHere) {
      startedHere = false;
      run("down", Duration.ofMinutes(3));
    }
  }

  private int run(String command, Duration timeout) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "$ scripts/camunda-stack " + command + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Process p = new ProcessBuilder(List.of("bash", settings.script().toString(), command))
          .directory(settings.repo().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroy();
        throw new IllegalStateException("scripts/camunda-stack " + command + " took longer than " + timeout + "; see " + log);
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run scripts/camunda-stack " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running scripts/camunda-stack " + command, e);
    }
  }
}
