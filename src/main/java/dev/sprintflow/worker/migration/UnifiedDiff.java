package dev.sprintflow.worker.migration;

import java.util.ArrayList;
import java.util.List;

/** A line diff in unified format (what reviewers know from git), computed with a longest common subsequence. */
final class UnifiedDiff {

  private static final int CONTEXT = 3;
  /** Beyond this many line pairs the table would be too big; such files are summarised instead. */
  private static final long MAX_CELLS = 4_000_000;

  private UnifiedDiff() {}

  /** @return the diff, "" when equal, or null when the files are too large to diff here */
  static String of(String fromName, String from, String toName, String to) {
    List<String> a = from.lines().toList();
    List<String> b = to.lines().toList();
    if ((long) a.size() * b.size() > MAX_CELLS) {
      return null;
    }
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // The edit script: ' ' keep, '-' only in a, '+' only in b; with each line's position in a and b.
    List<char[]> ops = new ArrayList<>();
    List<int[]> pos = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        pos.add(new int[] {i++, j++});
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'}); // deletions before insertions, as git shows them
        pos.add(new int[] {i++, j});
      } else {
        ops.add(new char[] {'+'});
        pos.add(new int[] {i, j++});
      }
    }
    StringBuilder out = new StringBuilder();
    int n = ops.size();
    int k = 0;
    while (k < n) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int last = k;
      int m = k + 1;
      while (m < n) {
        if (ops.get(m)[0] != ' ') {
          last = m++;
          continue;
        }
        int run = m;
        while (run < n && ops.get(run)[0] == ' ') {
          run++;
        }
        if (run < n && run - m <= 2 * CONTEXT) {
          m = run; // the next change is close: same hunk
          continue;
        }
        break;
      }
      int end = Math.min(n, last + 1 + CONTEXT);
      if (out.isEmpty()) {
        out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
      }
      int aCount = 0;
      int bCount = 0;
      for (int x = start; x < end; x++) {
        aCount += ops.get(x)[0] != '+' ? 1 : 0;
        bCount += ops.get(x)[0] != '-' ? 1 : 0;
      }
      out.append("@@ -").append(pos.get(start)[0] + (aCount == 0 ? 0 : 1)).append(',').append(aCount)
          .append(" +").append(pos.get(start)[1] + (bCount == 0 ? 0 : 1)).append(',').append(bCount).append(" @@\n");
      for (int x = start; x < end; x++) {
        char op = ops.get(x)[0];
        String line = op == '+' ? b.get(pos.get(x)[1]) : a.get(pos.get(x)[0]);
        out.append(op).append(line).append('\n');
      }
      k = end;
    }
    return out.toString();
  }
}
