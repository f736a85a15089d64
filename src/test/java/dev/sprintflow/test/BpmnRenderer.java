package dev.sprintflow.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a BPMN diagram to PNG as Camunda Modeler draws it (bpmn-js in headless Chromium, via
 * {@code tools/modeler/render.mjs}). Skips the test when Node.js or Chromium is missing, fails it on CI.
 */
public final class BpmnRenderer {

  private BpmnRenderer() {}

  /** Renders at scale 1 (one PNG pixel per diagram unit). */
  public static Path render(Path bpmn, Path png) {
    return render(bpmn, png, 1);
  }

  /**
   * @param scale device pixels per diagram unit, in (0, 4]
   * @return {@code png}
   * @throws IllegalStateException when bpmn-js cannot draw the file; the message names it
   */
  public static Path render(Path bpmn, Path png, double scale) {
    requireAvailable();
    ModelerTools.Run run = ModelerTools.node("render.mjs", List.of(
        "--scale", Double.toString(scale), bpmn.toAbsolutePath().toString(), png.toAbsolutePath().toString()));
    if (run.exitCode() != 0) {
      throw new IllegalStateException("Rendering " + bpmn + " failed (exit " + run.exitCode() + "): " + run.stderr().strip());
    }
    return png;
  }

  /**
   * Skips the calling test (fails it on CI) unless Node.js, the tools and Chromium are there. Call it
   * before {@code assertThatThrownBy}, which would otherwise catch the skip as the expected failure.
   */
  public static void requireAvailable() {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    if (!Files.isExecutable(Path.of(chromium))) {
      ModelerTools.unavailable("no Chromium at " + chromium + " (apt-get install chromium, or set CHROMIUM)");
    }
    ModelerTools.installed();
  }
}
