package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void showsInsertedLinesWithContextLikeGit() {
    String from = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String to = "a\nb\nc\nd\nX\ne\nf\ng\nh\n";
    assertThat(UnifiedDiff.of("a/f", from, "b/f", to)).isEqualTo("""
        --- a/f
        +++ b/f
        @@ -2,6 +2,7 @@
         b
         c
         d
        +X
         e
         f
         g
        """);
  }

  @Test
  void distantChangesGetTheirOwnHunksAndEqualFilesNone() {
    String from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    String to = "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
    String diff = UnifiedDiff.of("a", from, "b", to);
    assertThat(diff).contains("@@ -1,4 +1,4 @@\n-1\n+one\n", "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n");
    assertThat(UnifiedDiff.of("a", from, "b", from)).isEmpty();
  }
}
