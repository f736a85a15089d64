package dev.sprintflow.plan.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CycleFinderTest {

  @Test
  void findsOneCyclePerTangleStartingAtItsFirstNode() {
    int[][] edges = {{1}, {2}, {0}, {3}, {}, {4, 6}, {5}};
    assertThat(CycleFinder.cycles(edges)).containsExactly(List.of(0, 1, 2, 0), List.of(3, 3), List.of(5, 6, 5));
  }

  @Test
  void aLongChainNeitherOverflowsNorCounts() {
    int n = 200_000;
    int[][] chain = new int[n][];
    for (int i = 0; i < n; i++) {
      chain[i] = i == 0 ? new int[0] : new int[] {i - 1};
    }
    assertThat(CycleFinder.cycles(chain)).isEmpty();
    chain[0] = new int[] {n - 1};
    assertThat(CycleFinder.cycles(chain)).singleElement().satisfies(c -> {
      assertThat(c).hasSize(n + 1);
      assertThat(c.get(0)).isZero();
      assertThat(c.get(1)).isEqualTo(n - 1);
    });
  }
}
