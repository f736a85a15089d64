package dev.sprintflow.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test access to the plans under src/test/resources/plans. */
public final class PlanFixtures {
  public static final String PRODUCTION = "audienceos-production-sprint.md";
  public static final String INTEGRATION = "audienceos-integration.md";

  private PlanFixtures() {}

  public static String text(String name) {
    try (InputStream in = PlanFixtures.class.getResourceAsStream("/plans/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test plan " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a test plan with the default loader; the file name in sources and errors is the bare name. */
  public static PlanLoadResult load(String name) {
    return PlanLoader.withDefaults().load(name, text(name));
  }

  public static PlanLoadResult loadText(String fileName, String content) {
    return PlanLoader.withDefaults().load(fileName, content);
  }
}
