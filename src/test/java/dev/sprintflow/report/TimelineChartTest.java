package dev.sprintflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.test.SvgTimeline;
import org.junit.jupiter.api.Test;

/** The chart is real SVG: one planned bar per task, one actual bar per started task, critical path in red. */
class TimelineChartTest {

  @Test
  void drawsOnePlannedBarPerTaskAndOneActualBarPerStartedTask() throws Exception {
    String svg = TimelineChart.svg(OverviewFixtures.running());
    SvgTimeline chart = SvgTimeline.parse(svg);
    assertThat(chart.bars("planned-")).containsExactly("planned-a", "planned-b", "planned-c");
    assertThat(chart.bars("actual-")).containsExactly("actual-a", "actual-b");
    assertThat(chart.criticalPlannedBars()).containsExactly("planned-a", "planned-b", "planned-c");
    assertThat(chart.title("planned-b")).isEqualTo("Sync *Gmail*: planned 2d from +1d (critical path)");
    assertThat(chart.title("actual-b")).isEqualTo("Sync *Gmail*: running, 3h");
    // Text from the plan is escaped by the SVG writer, not interpreted.
    assertThat(svg).contains("Port &lt;the&gt; backend | fast").doesNotContain("<the>");
  }

  @Test
  void plannedBarsStartWhenTheirDependenciesAreDoneByEstimateAndActualBarsWhenWorkStarted() throws Exception {
    SvgTimeline chart = SvgTimeline.parse(TimelineChart.svg(OverviewFixtures.running()));
    double origin = chart.x("planned-a");
    double dayWidth = chart.x("planned-b") - origin; // b may start when a is done by its estimate: 1 day
    assertThat(dayWidth).isPositive();
    assertThat(chart.x("planned-c") - origin).isCloseTo(3 * dayWidth, org.assertj.core.data.Offset.offset(0.01));
    assertThat(chart.x("actual-a")).isEqualTo(origin);
    assertThat(chart.x("actual-b") - origin).isCloseTo(dayWidth / 12, org.assertj.core.data.Offset.offset(0.01)); // 2h
  }
}
