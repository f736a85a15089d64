package dev.sprintflow.plan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.plan.PlanFixtures;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.WorkerKeywords;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One failing plan per kind of error: each error names its file, line and column and says what is wrong. */
class PlanValidationErrorsTest {

  private static PlanError onlyError(String fileName, String content) {
    PlanLoadResult result = PlanFixtures.loadText(fileName, content);
    assertThat(result.valid()).isFalse();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void noTasks() {
    PlanError e = onlyError("empty.yaml", "name: Empty\ntasks: []\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.NO_TASKS);
    assertThat(e.toString()).isEqualTo("empty.yaml:2:1: The plan has no tasks; a plan needs at least one task to run.");
  }

  @Test
  void noTasksInMarkdown() {
    PlanError e = onlyError("notes.md", "# Notes\n\nJust some text.\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.NO_TASKS);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.message()).isEqualTo("The plan has no tasks; a plan needs at least one task to run.");
  }

  @Test
  void duplicateId() {
    PlanError e = onlyError("dup.yaml", """
        name: Dup
        tasks:
          - id: build
            title: Build
          - id: build
            title: Build again
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.DUPLICATE_ID);
    assertThat(e.toString())
        .isEqualTo("dup.yaml:5:9: The id 'build' is used more than once (first at line 3); ids must be unique.");
  }

  @Test
  void idThatIsNotASlug() {
    PlanError e = onlyError("ids.yaml", "name: Ids\ntasks:\n  - id: Build It\n    title: Build\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ID);
    assertThat(e.toString()).isEqualTo("ids.yaml:3:9: Task id 'Build It' is not a slug; use lower-case letters,"
        + " digits and single hyphens, e.g. 'build-it'.");
  }

  @Test
  void unknownReference() {
    PlanError e = onlyError("ref.yaml", """
        name: Refs
        tasks:
          - id: build
            title: Build
          - id: ship
            title: Ship
            dependsOn: [build, tests]
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_REFERENCE);
    assertThat(e.toString())
        .isEqualTo("ref.yaml:7:24: Task 'ship' depends on 'tests', but the plan has no task with that id.");
  }

  @Test
  void unknownReferenceFromAGate() {
    PlanError e = onlyError("gate.yaml", """
        name: Gates
        tasks:
          - {id: build, title: Build}
        gates:
          - id: release
            title: Release
            after: [deploy]
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_REFERENCE);
    assertThat(e.toString())
        .isEqualTo("gate.yaml:7:13: Gate 'release' comes after 'deploy', but the plan has no task with that id.");
  }

  @Test
  void unknownWorkerIdInMarkdown() {
    PlanError e = onlyError("plan.md", """
        # Plan

        ### Worker 1: Build
        **Task:** Build it

        ### Worker 2: Ship
        **Depends On:** W1, W9 (not written yet)
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_REFERENCE);
    assertThat(e.toString()).isEqualTo("plan.md:7:17: Task 'ship' depends on 'W9', but the plan has no task with that id.");
  }

  @Test
  void cycleReportsItsPath() {
    PlanError e = onlyError("cycle.yaml", """
        name: Cycle
        tasks:
          - {id: a, title: A, dependsOn: [c]}
          - {id: b, title: B, dependsOn: [a]}
          - {id: c, title: C, dependsOn: [b]}
          - {id: d, title: D, dependsOn: [a]}
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.CYCLE);
    assertThat(e.toString()).isEqualTo("cycle.yaml:3:35: Tasks depend on each other in a circle: a -> c -> b -> a"
        + " (each waits for the next), so none of them can start.");
  }

  @Test
  void cycleInMarkdown() {
    PlanError e = onlyError("cycle.md", """
        # Plan

        ### CC1: Contracts
        **Depends On:** CC2

        ### CC2: Services
        **Depends On:** CC1
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.CYCLE);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.message()).contains("contracts -> services -> contracts");
  }

  @Test
  void selfDependency() {
    PlanError e = onlyError("self.yaml", "name: Self\ntasks:\n  - {id: a, title: A, dependsOn: [a]}\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.CYCLE);
    assertThat(e.toString()).isEqualTo("self.yaml:3:35: Task 'a' depends on itself.");
  }

  @Test
  void scoreOutOfRange() {
    PlanError e = onlyError("score.yaml", """
        name: Score
        tasks:
          - id: a
            title: A
            score: {urgency: 11, impact: 3, confidence: 4, momentum: 5}
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.SCORE_RANGE);
    assertThat(e.toString()).isEqualTo("score.yaml:5:22: Task 'a' has urgency 11; score parts must be between 0 and 10.");
  }

  @Test
  void scoreOutOfRangeInAMarkdownTable() {
    PlanError e = onlyError("table.md", """
        | Task | U/I/C/M | Est. Time |
        |------|---------|-----------|
        | Build | 10/10/8/10 | 1 day |
        | Ship | 8/12/9/8 | 2 hours |
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.SCORE_RANGE);
    assertThat(e.toString()).isEqualTo("table.md:4:10: Task 'ship' has impact 12; score parts must be between 0 and 10.");
  }

  @Test
  void estimateThatDoesNotParse() {
    PlanError e = onlyError("est.yaml", "name: Est\ntasks:\n  - {id: a, title: A, estimate: a fortnight}\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ESTIMATE);
    assertThat(e.toString()).isEqualTo("est.yaml:3:33: Task 'a' has the estimate 'a fortnight', which is not a"
        + " duration; write ISO-8601 (P3D, PT4H) or an amount with a unit, such as '3 days', '0.5 day' or '2 hours'.");
  }

  @Test
  void invalidReview() {
    PlanError e = onlyError("review.yaml", "name: R\ntasks:\n  - {id: a, title: A, review: maybe}\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_VALUE);
    assertThat(e.toString()).isEqualTo("review.yaml:3:31: Task 'a' has review 'maybe'; review must be auto, required or none.");
  }

  @Test
  void missingField() {
    PlanError e = onlyError("missing.yaml", "name: M\ntasks:\n  - id: a\n    worker: manual\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.MISSING_FIELD);
    assertThat(e.toString()).isEqualTo("missing.yaml:3:5: The task has no 'title'; it is required.");
  }

  @Test
  void unknownField() {
    PlanError e = onlyError("typo.yaml", "name: T\ntasks:\n  - id: a\n    title: A\n    depends_on: [b]\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_FIELD);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.message()).startsWith("A task has no field 'depends_on'; known fields are acceptance, dependsOn,");
  }

  @Test
  void wrongType() {
    PlanError e = onlyError("type.json", """
        {"name": "T",
         "tasks": [{"id": "a", "title": "A", "dependsOn": "b"}]}
        """);
    assertThat(e.kind()).isEqualTo(ErrorKind.WRONG_TYPE);
    assertThat(e.toString()).isEqualTo("type.json:2:51: 'dependsOn' must be a list.");
  }

  @Test
  void duplicateKey() {
    PlanError e = onlyError("keys.yaml", "name: K\ntasks:\n  - id: a\n    title: A\n    title: B\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.DUPLICATE_KEY);
    assertThat(e.toString()).isEqualTo("keys.yaml:5:5: The key 'title' appears twice in the same mapping (first at"
        + " line 4); only the last one would count.");
  }

  @Test
  void yamlSyntax() {
    PlanError e = onlyError("syntax.yaml", "name: S\ntasks:\n  - id: a\n   title: A\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.message()).startsWith("The file cannot be read: while parsing a block collection; expected <block end>");
  }

  @Test
  void moreThanOneDocument() {
    PlanError e = onlyError("two.yaml", "name: A\ntasks: [{id: a, title: A}]\n---\nname: B\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
    assertThat(e.toString()).isEqualTo("two.yaml:4:1: The file holds more than one document; a plan file is a single mapping.");
  }

  @Test
  void jsonSyntax() {
    PlanError e = onlyError("syntax.json", "{\"name\": \"S\",\n \"tasks\": [}\n");
    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
    assertThat(e.toString()).isEqualTo("syntax.json:2:12: The file cannot be read: Unexpected close marker '}': expected ']'.");
  }

  @Test
  void tooLarge() {
    PlanLoader small = new PlanLoader(WorkerKeywords.defaults(), 100);
    PlanLoadResult result = small.load("big.md", "# Plan\n" + "x".repeat(200));
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
      assertThat(e.toString()).isEqualTo("big.md:1:1: The plan is 207 bytes, more than the limit of 100 bytes;"
          + " split it or raise the limit (sprintflow.plans.max-input-size).");
    });
  }

  @Test
  void unknownFormat() {
    PlanError e = onlyError("plan.txt", "anything");
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_FORMAT);
    assertThat(e.toString()).startsWith("plan.txt:1:1: The plan's format cannot be told from its name;");
  }

  @Test
  void reportsEveryErrorAtOnceInReadingOrder() {
    PlanLoadResult result = PlanFixtures.loadText("many.yaml", """
        name: Many
        tasks:
          - id: a
            title: A
            dependsOn: [x]
            score: {urgency: 1, impact: 20, confidence: 1, momentum: 1}
          - id: a
            title: A again
            estimate: soon
            colour: blue
        """);
    List<ErrorKind> kinds = result.errors().stream().map(PlanError::kind).toList();
    assertThat(kinds).containsExactly(ErrorKind.UNKNOWN_REFERENCE, ErrorKind.SCORE_RANGE, ErrorKind.DUPLICATE_ID,
        ErrorKind.INVALID_ESTIMATE, ErrorKind.UNKNOWN_FIELD);
    assertThat(result.errors()).extracting(PlanError::line).containsExactly(5, 6, 7, 9, 10);
  }
}
