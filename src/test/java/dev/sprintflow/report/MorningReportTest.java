package dev.sprintflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MorningReportTest {

  @Test
  void everySectionIsThereInOrderAndEmptyOnesSayNone() {
    String md = MorningReport.markdown(OverviewFixtures.running(), OverviewFixtures.T0);
    int at = -1;
    for (String s : MorningReport.SECTIONS) {
      int next = md.indexOf("\n## " + s);
      assertThat(next).as(s).isGreaterThan(at);
      at = next;
    }
    assertThat(between(md, "## Awaiting review", "## In triage")).contains("None.");
    assertThat(between(md, "## In progress", "## Awaiting review")).contains("| Sync \\*Gmail\\* ★ | running | 3h | 2d | generic |");
    assertThat(between(md, "## Waiting to start", "## Gates")).contains("| Final check ★ | Sync \\*Gmail\\* | 12h |");
    assertThat(between(md, "## Estimate vs actual", "## Critical path"))
        .contains("| Port \\<the\\> backend \\| fast ★ | 1d | 2h | -22h |", "**Total (1 done)**");
    assertThat(md).contains("**Schedule:** planned finish 2026-01-15 20:00 UTC, forecast 2026-01-14 22:00 UTC: **on track**.");
  }

  @Test
  void doneSinceListsOnlyWhatFinishedAfterTheGivenTime() {
    String md = MorningReport.markdown(OverviewFixtures.running(), OverviewFixtures.T0.plus(Duration.ofHours(3)));
    assertThat(between(md, "## Done since", "## In progress")).contains("2026-01-12 11:00 UTC", "None.");
  }

  @Test
  void planTextCannotInjectMarkupIntoTheHtmlPage() {
    String html = ReportHtml.page("Report <b>", MorningReport.markdown(OverviewFixtures.running(), Instant.EPOCH));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Report &lt;b&gt;</title>")
        .contains("Port &lt;the&gt; backend | fast").doesNotContain("<the>")
        .contains("<h2>Gates</h2>", "<table>", "<td>Sync *Gmail* ★</td>");
  }

  @Test
  void codeSpansAreNotEscapedButCannotBeBrokenOutOf() {
    assertThat(MarkdownText.code("WORK_FAILED")).isEqualTo("`WORK_FAILED`");
    assertThat(MarkdownText.code("a`b")).isEqualTo("`a'b`");
    assertThat(MarkdownText.escape("Tier 1 (Non-negotiable) #2 <b>")).isEqualTo("Tier 1 (Non-negotiable) \\#2 \\<b\\>");
  }

  @Test
  void durationsReadLikePeopleWriteThem() {
    assertThat(MarkdownText.duration(Duration.ofHours(132))).isEqualTo("5d 12h");
    assertThat(MarkdownText.duration(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    assertThat(MarkdownText.duration(Duration.ZERO)).isEqualTo("0m");
    assertThat(MarkdownText.duration(Duration.ofHours(-42))).isEqualTo("-1d 18h");
  }

  private static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    int b = s.indexOf(to, a);
    assertThat(a).as(from).isNotNegative();
    return s.substring(a, b < 0 ? s.length() : b);
  }
}
