package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.plan.validation.ErrorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {
  private static final String YAML = "name: Small\ntasks:\n  - {id: a, title: A}\n";

  @Test
  void tenMegabytesAreRefusedBeforeParsingAndQuickly() {
    String huge = "# Plan\n" + "### W1: Task\n- [ ] item\n".repeat(450_000); // 10.3 MB
    long start = System.nanoTime();
    PlanLoadResult result = PlanLoader.withDefaults().load("huge.md", huge);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(result.plan() == null).as("no plan").isTrue();
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
      assertThat(e.message()).startsWith("The plan is 10.3 MB, more than the limit of 10.0 MB;");
    });
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void largeFilesAreRefusedWithoutReadingThem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.write(file, new byte[2048]);
    PlanLoadResult result = new PlanLoader(WorkerKeywords.defaults(), 1024).load(file);
    assertThat(result.errors()).singleElement().extracting(e -> e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
  }

  @Test
  void formatFollowsTheFileName(@TempDir Path dir) throws IOException {
    Path yaml = Files.writeString(dir.resolve("p.yml"), YAML);
    Path json = Files.writeString(dir.resolve("p.json"), "{\"name\": \"J\", \"tasks\": [{\"id\": \"a\", \"title\": \"A\"}]}");
    Path md = Files.writeString(dir.resolve("p.markdown"), "### W1: A\nDo it.\n");
    PlanLoader loader = PlanLoader.withDefaults();
    assertThat(loader.load(yaml).valid()).isTrue();
    assertThat(loader.load(json).valid()).isTrue();
    assertThat(loader.load(md).valid()).isTrue();
    assertThat(loader.load(dir.resolve("p.yml")).plan().id()).isEqualTo("p");
    assertThat(loader.load(dir.resolve("missing.md")).errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("The file does not exist."));
  }

  @Test
  void mediaTypesNameFormats() {
    assertThat(PlanFormat.fromMediaType("application/yaml; charset=utf-8")).contains(PlanFormat.YAML);
    assertThat(PlanFormat.fromMediaType("text/markdown")).contains(PlanFormat.MARKDOWN);
    assertThat(PlanFormat.fromMediaType("application/json")).contains(PlanFormat.JSON);
    assertThat(PlanFormat.fromMediaType("application/vnd.sprintflow.plan+json")).contains(PlanFormat.JSON);
    assertThat(PlanFormat.fromMediaType("image/png")).isEmpty();
  }

  @Test
  void byteOrderMarkAndInvalidUtf8AreTolerated() {
    byte[] bom = ("\uFEFF" + YAML).getBytes(StandardCharsets.UTF_8);
    assertThat(PlanLoader.withDefaults().load("p.yaml", bom, PlanFormat.YAML).valid()).isTrue();
    byte[] broken = "### W1: Caf\u00e9 \uD83D\uDE80\nDo it.\n".getBytes(StandardCharsets.UTF_8);
    broken[10] = (byte) 0xC3; // a lone lead byte
    PlanLoadResult result = PlanLoader.withDefaults().load("p.md", broken, PlanFormat.MARKDOWN);
    assertThat(result.valid()).isTrue();
    assertThat(result.plan().tasks()).hasSize(1);
  }

  @Test
  void tasksKeepTheirSourceAndExplicitSourcesWin() {
    Plan plan = PlanLoader.withDefaults().load("p.yaml", """
        name: S
        tasks:
          - {id: a, title: A}
          - id: b
            title: B
            source: {file: original.md, line: 42}
        """).plan();
    assertThat(plan.tasks()).extracting(Task::source)
        .containsExactly(new SourceRef("p.yaml", 3), new SourceRef("original.md", 42));
  }
}
