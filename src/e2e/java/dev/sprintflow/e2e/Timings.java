package dev.sprintflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Named durations of one run, printed as they come and written to target/e2e/timings.md for docs/benchmarks.md. */
final class Timings {

  private final List<String> lines = new ArrayList<>();

  void record(String what, Duration took) {
    String line = "| %s | %.1f s |".formatted(what, took.toMillis() / 1000.0);
    lines.add(line);
    System.out.println("[e2e] " + what + ": " + "%.1f s".formatted(took.toMillis() / 1000.0));
  }

  void write(Path file) {
    List<String> all = new ArrayList<>(List.of("| step | took |", "| --- | --- |"));
    all.addAll(lines);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
