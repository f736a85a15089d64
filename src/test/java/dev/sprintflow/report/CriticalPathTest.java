package dev.sprintflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  @Test
  void theLongestChainWinsNotTheLongestTask() {
    // a(10) -> b(1) -> d(1); c(11) alone: a-b-d = 12 > c = 11
    CriticalPath p = CriticalPath.of(List.of("a", "b", "c", "d"),
        Map.of("b", List.of("a"), "d", List.of("b")), Map.of("a", h(10), "b", h(1), "c", h(11), "d", h(1)));
    assertThat(p.taskIds()).containsExactly("a", "b", "d");
    assertThat(p.length()).isEqualTo(h(12));
    assertThat(p.earliestStart()).containsEntry("a", h(0)).containsEntry("b", h(10)).containsEntry("c", h(0))
        .containsEntry("d", h(11));
  }

  @Test
  void aJoinWaitsForItsLatestDependencyAndTiesGoToPlanOrder() {
    // port(72) -> gmail(48), slack(48), ads(24) -> final(12): gmail and slack tie, gmail is named first
    Map<String, List<String>> deps = Map.of("gmail", List.of("port"), "slack", List.of("port"), "ads", List.of("port"),
        "final", List.of("slack", "ads", "gmail"));
    CriticalPath p = CriticalPath.of(List.of("port", "gmail", "slack", "ads", "final"), deps,
        Map.of("port", h(72), "gmail", h(48), "slack", h(48), "ads", h(24), "final", h(12)));
    assertThat(p.taskIds()).containsExactly("port", "gmail", "final");
    assertThat(p.length()).isEqualTo(h(132));
    assertThat(p.earliestStart().get("final")).isEqualTo(h(120));
  }

  @Test
  void dependenciesNamedLaterInThePlanAndUnknownIdsAreHandled() {
    CriticalPath p = CriticalPath.of(List.of("late", "early"), Map.of("late", List.of("early", "ghost")),
        Map.of("late", h(1), "early", h(2)));
    assertThat(p.taskIds()).containsExactly("early", "late");
    assertThat(CriticalPath.topologicalOrder(List.of("late", "early"), Map.of("late", List.of("early"))))
        .containsExactly("early", "late");
  }

  @Test
  void missingDurationsCountAsZeroAndAnEmptyPlanHasAnEmptyPath() {
    assertThat(CriticalPath.of(List.of("a", "b"), Map.of(), Map.of()).length()).isZero();
    CriticalPath none = CriticalPath.of(List.of(), Map.of(), Map.of());
    assertThat(none.taskIds()).isEmpty();
    assertThat(none.length()).isZero();
  }

  @Test
  void aCycleIsRefused() {
    assertThatThrownBy(() -> CriticalPath.of(List.of("a", "b"), Map.of("a", List.of("b"), "b", List.of("a")), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
  }
}
