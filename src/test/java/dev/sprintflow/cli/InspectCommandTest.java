package dev.sprintflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sprintflow inspect}: output, exit codes, and errors as FILE:LINE:COL: message without stack traces. */
class InspectCommandTest {
  private static final String PRODUCTION = "src/test/resources/plans/audienceos-production-sprint.md";

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = CommandLine.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsAValidPlanAsJsonAndExitsZero() throws IOException {
    Run run = run("inspect", PRODUCTION, "--format", "json");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode plan = new ObjectMapper().readTree(run.out());
    assertThat(plan.get("tasks")).hasSize(7);
    assertThat(plan.get("tasks").get(0).get("id").asText()).isEqualTo("port-cartridge-backend");
  }

  @Test
  void printsTextByDefault() {
    Run run = run("inspect", PRODUCTION);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Tasks (7):", "  1. port-cartridge-backend", "Warnings (1):")
        .contains("  3. final-verification");
  }

  @Test
  void theExampleYamlPlanPasses() {
    Run run = run("inspect", "docs/examples/sample-plan.yaml", "--format=json");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void invalidPlansExitTwoWithOneLocatedErrorPerLine(@TempDir Path dir) throws IOException {
    Path plan = Files.writeString(dir.resolve("bad.yaml"), """
        name: Bad
        tasks:
          - {id: a, title: A, dependsOn: [b]}
          - {id: a, title: B, estimate: soon}
        """);
    Run run = run("inspect", plan.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out()).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith(plan + ":").matches(".+:\\d+:\\d+: .+"));
    assertThat(lines.get(0)).isEqualTo(plan + ":3:35: Task 'a' depends on 'b', but the plan has no task with that id.");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void missingFilesAndUnknownFormatsAreLocatedErrorsToo() {
    Run missing = run("inspect", "no/such/plan.md");
    assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(missing.err()).isEqualTo("no/such/plan.md:1:1: The file does not exist." + System.lineSeparator());
    Run format = run("inspect", "plan.txt");
    assertThat(format.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(format.err()).startsWith("plan.txt:1:1: The plan's format cannot be told from its name");
  }

  @Test
  void sizeLimitIsAnOption() {
    Run run = run("inspect", PRODUCTION, "--max-input-size", "1KB");
    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains(":1:1: The plan is 5.2 KB, more than the limit of 1.0 KB;");
  }

  @Test
  void workerKeywordsFileOverridesTheDefaults(@TempDir Path dir) throws IOException {
    Path table = Files.writeString(dir.resolve("kinds.yaml"), "kinds:\n  ads-sync: [ads]\n");
    Run run = run("inspect", PRODUCTION, "--format", "json", "--worker-keywords", table.toString());
    assertThat(run.exit()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).get("tasks").get(4).get("worker").asText()).isEqualTo("ads-sync");
  }

  @Test
  void usageErrorsExitSixtyFour() {
    assertThat(run("inspect").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("inspect", PRODUCTION, "--format", "xml").err()).startsWith("sprintflow inspect: --format must be text or json");
    assertThat(run("inspect", PRODUCTION, "--colour").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("inspect", "a.md", "b.md").err()).contains("one plan file at a time");
    assertThat(run("inspect", PRODUCTION, "--max-input-size", "big").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("inspect", PRODUCTION, "--worker-keywords", "missing.yaml").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void longDependencyChainsPrintWithoutOverflowing(@TempDir Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder("name: Chain\ntasks:\n");
    int n = 20_000;
    for (int i = 1; i <= n; i++) {
      yaml.append("  - {id: t").append(i).append(", title: T").append(i)
          .append(i > 1 ? ", dependsOn: [t" + (i - 1) + "]}" : "}").append('\n');
    }
    Path plan = Files.writeString(dir.resolve("chain.yaml"), yaml);
    Run run = run("inspect", plan.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("  " + n + ". t" + n + "\n");
  }
}
