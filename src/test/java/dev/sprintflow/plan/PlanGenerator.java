package dev.sprintflow.plan;

import java.util.Random;

/**
 * Deterministic generated plans of a given size, in Markdown (a priority table plus one section per
 * task, in phases) and in YAML, for benchmarks and size tests. Each task depends on one or two
 * earlier tasks, so the graph is layered like real plans.
 */
public final class PlanGenerator {
  private static final String[] WORDS = {"cartridge", "backend", "gmail", "slack", "sync", "roles", "billing",
      "invoice", "dashboard", "store", "api", "migration", "port", "report", "search", "auth", "ads", "export"};

  private PlanGenerator() {}

  public static String markdown(int tasks, long seed) {
    Random random = new Random(seed);
    StringBuilder s = new StringBuilder("# Generated sprint of ").append(tasks).append(" tasks\n**Goal:** Ship it\n\n");
    s.append("| Task | Score | U/I/C/M | Tier | Worker | Est. Time |\n|---|---|---|---|---|---|\n");
    for (int i = 1; i <= tasks; i++) {
      int u = random.nextInt(11);
      int im = random.nextInt(11);
      int c = random.nextInt(11);
      int m = random.nextInt(11);
      s.append("| ").append(title(i, random)).append(" | ").append(u + im + c + m).append("/40 | ")
          .append(u).append('/').append(im).append('/').append(c).append('/').append(m).append(" | ")
          .append(random.nextBoolean() ? "IMMEDIATE" : "SOON").append(" | W").append(i).append(" | ")
          .append(1 + random.nextInt(3)).append(" days |\n");
    }
    int phase = 0;
    for (int i = 1; i <= tasks; i++) {
      if ((i - 1) % 10 == 0) {
        s.append("\n## Phase ").append(++phase).append(": Wave ").append(phase).append('\n');
      }
      s.append("\n### Worker ").append(i).append(": ").append(title(i, random)).append(" (2 days)\n");
      s.append("**Task:** Implement part ").append(i).append(" of the system\n");
      if (i > 1) {
        s.append("**Depends On:** W").append(1 + random.nextInt(i - 1));
        if (i > 2) {
          s.append(", W").append(1 + random.nextInt(i - 1));
        }
        s.append(" (ready)\n");
      }
      s.append("**Files to Create:**\n- `src/part").append(i).append(".ts`\n");
      s.append("**Acceptance Criteria:**\n- [ ] Part ").append(i).append(" works\n- [x] Part ").append(i)
          .append(" is reviewed\n**Handoff:** part ").append(i).append(" merged\n");
    }
    s.append("\n## Success Criteria\n- [ ] Everything is green\n");
    return s.toString();
  }

  public static String yaml(int tasks, long seed) {
    Random random = new Random(seed);
    StringBuilder s = new StringBuilder("id: generated\nname: Generated sprint\ntasks:\n");
    for (int i = 1; i <= tasks; i++) {
      s.append("  - id: task-").append(i).append("\n    title: ").append(title(i, random)).append('\n')
          .append("    score: {urgency: ").append(random.nextInt(11)).append(", impact: ").append(random.nextInt(11))
          .append(", confidence: ").append(random.nextInt(11)).append(", momentum: ").append(random.nextInt(11))
          .append("}\n    estimate: ").append(1 + random.nextInt(3)).append(" days\n");
      if (i > 1) {
        s.append("    dependsOn: [task-").append(1 + random.nextInt(i - 1)).append("]\n");
      }
      s.append("    acceptance: [Part ").append(i).append(" works]\n    inputs: {files: [src/part").append(i)
          .append(".ts]}\n");
    }
    return s.toString();
  }

  private static String title(int i, Random random) {
    return cap(WORDS[random.nextInt(WORDS.length)]) + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
