package dev.sprintflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our models pass Camunda Modeler's checks for every Camunda version we deploy to, and the checks
 * really catch what they claim to: each fixture in lint-fixtures/ breaks exactly one thing.
 */
class ModelerLintTest {

  private static final Path ROOT = ModelerTools.repositoryRoot();
  private static final Path FIXTURES = ROOT.resolve("src/test/resources/lint-fixtures");

  @Test
  void everyModelInTheRepositoryPassesForCamunda86And88() {
    Path[] modelDirs = Stream.of("bpmn", "dmn").map(ROOT::resolve).filter(Files::isDirectory).toArray(Path[]::new);

    LintReport report = ModelerLint.lint(List.of("camunda-cloud-8-6", "camunda-cloud-8-8"), modelDirs);

    assertThat(report.configs()).containsExactly("camunda-cloud-8-6", "camunda-cloud-8-8");
    assertThat(report.files()).contains(ROOT.resolve("bpmn/sprintflow-ping.bpmn").toString());
    assertThat(report.errors()).as(report.describe()).isEmpty();
  }

  @Test
  void aModelPassesUnderTheConfigCamundaModelerDerivesFromIt() {
    LintReport report = ModelerLint.lint(List.of("diagram"), ROOT.resolve("bpmn"));

    assertThat(report.files()).isNotEmpty();
    assertThat(report.errors()).as(report.describe()).isEmpty();
  }

  @Test
  void missingDiagramInterchangeIsReportedPerElement() {
    LintReport report = ModelerLint.lint(FIXTURES.resolve("missing-di.bpmn"));

    assertThat(report.errors()).as(report.describe())
        .extracting(LintFinding::rule, LintFinding::elementId)
        .containsExactlyInAnyOrder(
            tuple("sprintflow/di-complete", "answer-ping"),
            tuple("sprintflow/di-complete", "flow-to-end"));
    assertThat(report.byRule("sprintflow/di-complete")).extracting(LintFinding::message)
        .anySatisfy(m -> assertThat(m).contains("BPMNShape", "bpmn:ServiceTask"))
        .anySatisfy(m -> assertThat(m).contains("BPMNEdge", "bpmn:SequenceFlow"));
  }

  @Test
  void aServiceTaskWithoutJobTypeIsACompatErrorUnderBothVersions() {
    LintReport report = ModelerLint.lint(FIXTURES.resolve("no-job-type.bpmn"));

    assertThat(report.errors()).as(report.describe()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("camunda-compat/implementation");
      assertThat(f.elementId()).isEqualTo("answer-ping");
      assertThat(f.message()).contains("zeebe:TaskDefinition");
      assertThat(f.configs()).containsExactlyInAnyOrder("camunda-cloud-8-6", "camunda-cloud-8-8");
    });
  }

  @Test
  void overlappingShapesAreReportedForBothElements() {
    LintReport report = ModelerLint.lint(FIXTURES.resolve("overlapping.bpmn"));

    assertThat(report.errors()).as(report.describe())
        .extracting(LintFinding::rule, LintFinding::elementId)
        .containsExactlyInAnyOrder(
            tuple("bpmnlint/no-overlapping-elements", "answer-ping"),
            tuple("bpmnlint/no-overlapping-elements", "ping-answered"));
  }

  @Test
  void aProcessThatIsNotExecutableIsReported() {
    // camunda-compat skips non-executable processes; only this rule stops such a diagram passing silently.
    LintReport report = ModelerLint.lint(FIXTURES.resolve("not-executable.bpmn"));

    assertThat(report.errors()).as(report.describe())
        .extracting(LintFinding::rule, LintFinding::elementId)
        .containsExactly(tuple("camunda-compat/executable-process", "fixture-not-executable"));
  }

  @Test
  void aDiagramWithoutExecutionPlatformIsReported() {
    LintReport report = ModelerLint.lint(ROOT.resolve("src/test/resources/broken-models/broken.bpmn"));

    assertThat(report.byRule("sprintflow/execution-platform")).as(report.describe())
        .extracting(LintFinding::elementId, LintFinding::message)
        .containsExactlyInAnyOrder(
            tuple("broken", "Missing modeler:executionPlatform=\"Camunda Cloud\": Camunda Modeler treats the file as Camunda 7 and applies no Camunda 8 checks"),
            tuple("broken", "Missing modeler:executionPlatformVersion (e.g. \"8.6.0\"): Camunda Modeler picks its checks from it"));
  }

  @Test
  void anUnparsableDmnIsAnErrorNamingTheFile() {
    Path dmn = FIXTURES.resolve("unparsable.dmn");

    LintReport report = ModelerLint.lint(dmn);

    assertThat(report.errors()).as(report.describe()).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo(dmn.toString());
      assertThat(f.rule()).isEqualTo("dmn-moddle/parse");
      assertThat(f.elementId()).isNull();
      assertThat(f.message()).contains("unexpected end of file");
    });
  }

  @Test
  void aFormWithoutComponentsIsReported() {
    LintReport report = ModelerLint.lint(FIXTURES.resolve("no-components.form"));

    assertThat(report.errors()).as(report.describe())
        .extracting(LintFinding::rule, LintFinding::elementId)
        .containsExactly(tuple("form/components", "fixture-no-components"));
  }

  @Test
  void aCleanDecisionTableAndFormHaveNoFindingsAtAll() {
    LintReport report = ModelerLint.lint(FIXTURES.resolve("clean"));

    assertThat(report.files()).extracting(f -> Path.of(f).getFileName().toString())
        .containsExactly("priority-tier.dmn", "review.form");
    assertThat(report.findings()).as(report.describe()).isEmpty();
  }

  @Test
  void anUnknownConfigIsRejectedWithTheKnownOnes() {
    ModelerLint.requireAvailable();
    assertThatThrownBy(() -> ModelerLint.lint(List.of("camunda-cloud-9-9"), ROOT.resolve("bpmn")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown config camunda-cloud-9-9")
        .hasMessageContaining("camunda-cloud-8-8");
  }
}
