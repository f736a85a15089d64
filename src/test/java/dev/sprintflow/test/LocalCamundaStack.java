package dev.sprintflow.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test only against the local Camunda stack ({@code scripts/camunda-stack}, a runtime that
 * keeps its state across restarts of the service), and only when asked: {@code SPRINTFLOW_E2E=1}.
 * Asked for but not there (no script, or {@code scripts/camunda-stack status} fails) is a failure,
 * not a skip: whoever set the variable expects the test to run.
 */
public final class LocalCamundaStack implements ExecutionCondition {

  public static final Path SCRIPT = Path.of("scripts/camunda-stack");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!"1".equals(System.getenv("SPRINTFLOW_E2E"))) {
      return ConditionEvaluationResult.disabled("end-to-end test: set SPRINTFLOW_E2E=1 with the local stack running"
          + " (scripts/camunda-stack up)");
    }
    if (!Files.isExecutable(SCRIPT)) {
      throw new IllegalStateException("SPRINTFLOW_E2E=1, but " + SCRIPT + " is missing: it comes with the local-stack feature");
    }
    String status = status();
    if (status != null) {
      throw new IllegalStateException("SPRINTFLOW_E2E=1, but the local stack is not ready (start it with "
          + SCRIPT + " up): " + status);
    }
    return ConditionEvaluationResult.enabled("the local Camunda stack is running");
  }

  /** Null when {@code camunda-stack status} says both processes run and answer, else what it said. */
  static String status() {
    try {
      Process p = new ProcessBuilder(SCRIPT.toString(), "status").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "status did not answer within 60 s";
      }
      return p.exitValue() == 0 ? null : out.strip();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  public static String grpcAddress() {
    return "http://127.0.0.1:" + env("SPRINTFLOW_STACK_GRPC_PORT", "26500");
  }

  public static String restAddress() {
    return "http://127.0.0.1:" + env("SPRINTFLOW_STACK_HTTP_PORT", "8088");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
