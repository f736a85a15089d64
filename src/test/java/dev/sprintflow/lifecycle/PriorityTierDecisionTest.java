package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmn/priority-tier.dmn as deployed, evaluated by the engine: it reproduces the production sprint
 * plan's priority matrix (read from the plan itself) and keeps its documented boundaries.
 */
class PriorityTierDecisionTest extends LifecycleTestBase {

  static final String PLAN = "/plans/audienceos-production-sprint.md";
  /** | Port Cartridge Backend | 38/40 | 10/10/8/10 | IMMEDIATE | W1 | 3 days | */
  private static final Pattern MATRIX_ROW = Pattern.compile(
      "^\\|\\s*([^|]+?)\\s*\\|\\s*(\\d+)/40\\s*\\|\\s*(\\d+)/(\\d+)/(\\d+)/(\\d+)\\s*\\|\\s*([A-Z]+)\\s*\\|");

  record MatrixRow(String task, int score, int urgency, int impact, int confidence, int momentum, String tier) {
    @Override
    public String toString() {
      return "%s %d/%d/%d/%d (%d) %s".formatted(task, urgency, impact, confidence, momentum, score, tier);
    }
  }

  static Stream<MatrixRow> planMatrix() throws IOException {
    try (InputStream in = PriorityTierDecisionTest.class.getResourceAsStream(PLAN)) {
      List<MatrixRow> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(MATRIX_ROW::matcher)
          .filter(Matcher::find)
          .map(m -> new MatrixRow(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7)))
          .toList();
      assertThat(rows).as("matrix rows in " + PLAN).hasSizeGreaterThanOrEqualTo(5);
      return rows.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("planMatrix")
  void reproducesTheProductionPlansMatrix(MatrixRow row) {
    Map<String, Object> out = evaluate(row.urgency(), row.impact(), row.confidence(), row.momentum());

    assertThat(out.get("tier")).isEqualTo(row.tier());
    assertThat(((Number) out.get("total")).intValue()).isEqualTo(row.score());
  }

  @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}")
  @CsvSource({
    // IMMEDIATE from 32 points
    "10, 10, 10, 10, IMMEDIATE",
    "8, 8, 8, 8, IMMEDIATE",
    "8, 8, 8, 7, SOON",
    // SOON from 20 points
    "5, 5, 5, 5, SOON",
    "5, 5, 5, 4, LATER",
    // below 20 but urgent: never deferred
    "9, 5, 5, 0, SOON",
    "8, 5, 5, 1, LATER",
    "10, 0, 0, 0, SOON",
    "0, 0, 0, 0, LATER"
  })
  void keepsTheDocumentedBoundaries(int urgency, int impact, int confidence, int momentum, String tier) {
    Map<String, Object> out = evaluate(urgency, impact, confidence, momentum);

    assertThat(out.get("tier")).isEqualTo(tier);
    assertThat(((Number) out.get("total")).intValue()).isEqualTo(urgency + impact + confidence + momentum);
  }

  @ParameterizedTest(name = "score {0}")
  @MethodSource("incompleteScores")
  void aTaskWithoutACompleteScoreGetsTheDefaultTierNotAnError(Map<String, Object> score) {
    Map<String, Object> out = DecisionTables.evaluate(client, "priority-tier", score);

    assertThat(out.get("tier")).isEqualTo("SOON");
    assertThat(out.get("total")).isNull();
  }

  static Stream<Map<String, Object>> incompleteScores() {
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("urgency", null);
    nulls.put("impact", 9);
    return Stream.of(Map.of(), Map.of("urgency", 10), Map.of("urgency", 10, "impact", 10, "confidence", 10), nulls);
  }

  private Map<String, Object> evaluate(int urgency, int impact, int confidence, int momentum) {
    return DecisionTables.evaluate(client, "priority-tier",
        Map.of("urgency", urgency, "impact", impact, "confidence", confidence, "momentum", momentum));
  }
}
