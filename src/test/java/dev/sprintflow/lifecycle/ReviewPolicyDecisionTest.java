package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/review-policy.dmn as deployed, evaluated by the engine, one row per documented rule. */
class ReviewPolicyDecisionTest extends LifecycleTestBase {

  @ParameterizedTest(name = "review={0}, kind={1}, tier={2} -> required={3}, group={4}")
  @CsvSource(nullValues = "NULL", value = {
    // the plan says none: wins over every default
    "none,     rbac-check,     IMMEDIATE, false, NULL,               NULL, 0",
    "none,     oauth-sync,     IMMEDIATE, false, NULL,               NULL, 0",
    // access control and migrations are always reviewed by their specialists
    "auto,     rbac-check,     SOON,      true,  security-reviewers, PT8H, 1",
    "required, rbac-check,     SOON,      true,  security-reviewers, PT8H, 1",
    "NULL,     migration-port, LATER,     true,  backend-reviewers,  P1D,  2",
    // the plan asks for a review
    "required, oauth-sync,     SOON,      true,  sprint-reviewers,   P1D,  2",
    "required, manual,         LATER,     true,  sprint-reviewers,   P1D,  2",
    // auto: critical-path work is reviewed, the rest is not
    "auto,     oauth-sync,     IMMEDIATE, true,  sprint-reviewers,   PT8H, 2",
    "NULL,     manual,         IMMEDIATE, true,  sprint-reviewers,   PT8H, 2",
    "auto,     oauth-sync,     SOON,      false, NULL,               NULL, 0",
    "NULL,     NULL,           NULL,      false, NULL,               NULL, 0",
    "sometimes, oauth-sync,    SOON,      false, NULL,               NULL, 0"
  })
  void decidesWhoReviewsWhatHowSoonAndHowOften(
      String review, String workerKind, String tier,
      boolean required, String group, String due, int maxReworks) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("review", review);
    inputs.put("workerKind", workerKind);
    inputs.put("tier", tier);

    Map<String, Object> out = DecisionTables.evaluate(client, "review-policy", inputs);

    assertThat(out.get("reviewRequired")).isEqualTo(required);
    assertThat(out.get("candidateGroups")).isEqualTo(group == null ? List.of() : List.of(group));
    assertThat(out.get("reviewDue")).isEqualTo(due);
    assertThat(((Number) out.get("maxReworks")).intValue()).isEqualTo(maxReworks);
    if (due != null) {
      assertThat(Duration.parse(due)).as("reviewDue is an ISO-8601 duration the BPMN can add to now()").isPositive();
    }
  }
}
