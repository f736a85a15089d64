package dev.sprintflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bpmn-js draws our diagrams in headless Chromium, as Camunda Modeler would show them. */
class BpmnRendererTest {

  private static final Path ROOT = ModelerTools.repositoryRoot();

  @TempDir Path out;

  @Test
  void thePingDiagramRendersAsAPictureOfItsShapes() throws IOException {
    Path png = BpmnRenderer.render(ROOT.resolve("bpmn/sprintflow-ping.bpmn"), out.resolve("ping.png"));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG javax.imageio can decode").isNotNull();
    // Three shapes in a row, 36-100 units each with gaps: a wide, low picture at scale 1.
    assertThat(image.getWidth()).isBetween(250, 800);
    assertThat(image.getHeight()).isBetween(60, 300);
    assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    double inked = (double) nonWhitePixels(image) / (image.getWidth() * image.getHeight());
    assertThat(inked).as("share of non-white pixels: shapes, arrows, labels on white").isBetween(0.02, 0.5);
  }

  @Test
  void scaleMultipliesThePixelSize() throws IOException {
    Path bpmn = ROOT.resolve("bpmn/sprintflow-ping.bpmn");
    BufferedImage one = ImageIO.read(BpmnRenderer.render(bpmn, out.resolve("x1.png"), 1).toFile());
    BufferedImage two = ImageIO.read(BpmnRenderer.render(bpmn, out.resolve("x2.png"), 2).toFile());

    assertThat(two.getWidth()).isEqualTo(one.getWidth() * 2);
    assertThat(two.getHeight()).isEqualTo(one.getHeight() * 2);
  }

  @Test
  void aDiagramWithoutDiagramInterchangeFailsNamingTheFile() {
    Path bpmn = ROOT.resolve("src/test/resources/broken-models/broken.bpmn");
    BpmnRenderer.requireAvailable();

    assertThatThrownBy(() -> BpmnRenderer.render(bpmn, out.resolve("broken.png")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken.bpmn")
        .hasMessageContaining("no diagram to display");
    assertThat(Files.exists(out.resolve("broken.png"))).isFalse();
  }

  private static long nonWhitePixels(BufferedImage image) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        if (r < 240 || g < 240 || b < 240) {
          count++;
        }
      }
    }
    return count;
  }
}
