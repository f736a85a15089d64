package dev.sprintflow.test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Camunda Modeler's checks (bpmnlint with camunda-compat, diagram-interchange completeness, DMN and
 * form checks; see docs/modeler-checks.md) for tests. Runs {@code tools/modeler/lint.mjs --json},
 * installing the Node tools on first use; skips the test when Node.js is missing, fails it on CI.
 */
public final class ModelerLint {

  /** The Camunda versions we deploy to: the 8.6 broker and our 8.8 client/embedded engine. */
  public static final List<String> DEFAULT_CONFIGS = List.of("camunda-cloud-8-6", "camunda-cloud-8-8");

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ModelerLint() {}

  /**
   * Skips the calling test (fails it on CI) unless Node.js and the tools are there. Call it before
   * {@code assertThatThrownBy}, which would otherwise catch the skip as the expected failure.
   */
  public static void requireAvailable() {
    ModelerTools.installed();
  }

  /** Lints files and directories (recursively: .bpmn, .dmn, .form) against {@link #DEFAULT_CONFIGS}. */
  public static LintReport lint(Path... paths) {
    return lint(DEFAULT_CONFIGS, paths);
  }

  /**
   * @param configs camunda-compat configs such as {@code camunda-cloud-8-8}, or {@code diagram} for the
   *     one Camunda Modeler derives from the diagram's declared version
   * @throws IllegalArgumentException for arguments the linter rejects (unknown config, missing file)
   */
  public static LintReport lint(List<String> configs, Path... paths) {
    if (paths.length == 0) {
      throw new IllegalArgumentException("nothing to lint: pass at least one file or directory");
    }
    List<String> args = new ArrayList<>(List.of("--json", "--config", String.join(",", configs)));
    Arrays.stream(paths).map(p -> p.toAbsolutePath().toString()).forEach(args::add);

    ModelerTools.Run run = ModelerTools.node("lint.mjs", args);
    if (run.exitCode() == 2) {
      throw new IllegalArgumentException(run.stderr().strip());
    }
    try {
      LintReport report = JSON.readValue(run.stdout(), LintReport.class);
      boolean hasErrors = !report.errors().isEmpty();
      if ((run.exitCode() == 1) != hasErrors) {
        throw new IllegalStateException("lint.mjs exited " + run.exitCode() + " but reported " + report.errors().size()
            + " error(s):\n" + run.stderr());
      }
      return report;
    } catch (IOException e) {
      throw new IllegalStateException("lint.mjs exited " + run.exitCode() + " without a JSON report:\n" + run.stderr(), e);
    }
  }
}
