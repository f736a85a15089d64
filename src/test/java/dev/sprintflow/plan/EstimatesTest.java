package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EstimatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      3 days       | P3D
      0.5 day      | PT12H
      2 hours      | PT2H
      ~2 hours     | PT2H
      about 3 hrs  | PT3H
      1,5 h        | PT1H30M
      1-2 days     | P2D
      30 min       | PT30M
      1 week       | P7D
      2w           | P14D
      P3D          | P3D
      pt4h         | PT4H
      P2W          | P14D
      PT36H        | PT36H
      """)
  void readsTheFormsPlansUse(String text, String iso) {
    assertThat(Estimates.parse(text)).map(Estimates::format).contains(iso);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "three days", "1 session", "P1M", "-2 days", "99999999 days", "3 fortnights", "P"})
  void refusesEverythingElse(String text) {
    assertThat(Estimates.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P3D", "PT12H", "PT1H30M", "PT0S", "P100D"})
  void formattingRoundTrips(String iso) {
    Duration d = Estimates.parse(iso).orElseThrow();
    assertThat(Estimates.parse(Estimates.format(d))).contains(d);
    assertThat(Estimates.format(d)).isEqualTo(iso);
  }
}
