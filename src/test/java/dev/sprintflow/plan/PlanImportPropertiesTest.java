package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sprintflow.plan.validation.ErrorKind;
import dev.sprintflow.plan.validation.PlanError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the input, the importer returns a plan or located errors: never another exception, never
 * a hang. Inputs are generated Markdown and YAML in the plans' conventions, mutated sample plans,
 * and arbitrary text.
 */
class PlanImportPropertiesTest {
  private static final PlanLoader LOADER = PlanLoader.withDefaults();
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final List<String> SAMPLES = List.of(PlanFixtures.text(PlanFixtures.PRODUCTION), PlanFixtures.text(PlanFixtures.INTEGRATION));

  @Property(tries = 300)
  void generatedMarkdownLoadsOrFailsWithLocatedErrors(@ForAll("markdown") String text) {
    Statistics.collect(check("generated.md", text, PlanFormat.MARKDOWN));
    // The generator must reach both outcomes, or the property would prove little.
    Statistics.coverage(c -> {
      c.check(true).percentage(p -> p > 5);
      c.check(false).percentage(p -> p > 5);
    });
  }

  @Property(tries = 300)
  void mutatedSamplePlansLoadOrFailWithLocatedErrors(@ForAll("mutatedSamples") String text) {
    Statistics.collect(check("mutated.md", text, PlanFormat.MARKDOWN));
    Statistics.coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  @Property(tries = 300)
  void mutatedYamlLoadsOrFailsWithLocatedErrors(@ForAll("mutatedYaml") String text) {
    Statistics.collect(check("mutated.yaml", text, PlanFormat.YAML));
    Statistics.coverage(c -> {
      c.check(true).percentage(p -> p > 5);
      c.check(false).percentage(p -> p > 5);
    });
  }

  @Property(tries = 200)
  void arbitraryTextInEveryFormat(@ForAll("anyText") String text) {
    for (PlanFormat format : PlanFormat.values()) {
      check("any." + format.name().toLowerCase(), text, format);
    }
  }

  @Property(tries = 50)
  void validPlansSurviveTheirJsonForm(@ForAll @IntRange(min = 1, max = 40) int tasks, @ForAll long seed) {
    for (String text : List.of(PlanGenerator.markdown(tasks, seed), PlanGenerator.yaml(tasks, seed))) {
      PlanLoadResult result = LOADER.load(text.startsWith("#") ? "g.md" : "g.yaml", text);
      assertThat(result.errors()).isEmpty();
      assertThat(result.plan().tasks()).hasSize(tasks);
      PlanLoadResult again = LOADER.load("g.json", PlanJson.write(result.plan()));
      assertThat(again.errors()).isEmpty();
      assertThat(again.plan()).isEqualTo(result.plan());
    }
  }

  @Property(tries = 20)
  void inputsOverTheLimitAreRefusedUnparsed(@ForAll @IntRange(min = 1, max = 4000) int over, @ForAll("format") PlanFormat format) {
    PlanLoader small = new PlanLoader(WorkerKeywords.defaults(), 10_000);
    String text = "#|-[{".repeat((10_000 + over) / 5 + 1);
    PlanLoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> small.load("big", text, format));
    assertThat(result.plan()).isNull();
    assertThat(result.errors()).singleElement().extracting(PlanError::kind).isEqualTo(ErrorKind.TOO_LARGE);
  }

  /** Loads and checks the outcome; returns whether the plan was valid. */
  private static boolean check(String name, String text, PlanFormat format) {
    PlanLoadResult result = assertTimeoutPreemptively(PATIENCE, () -> LOADER.load(name, text, format));
    int lines = (int) text.lines().count() + 1;
    if (result.errors().isEmpty()) {
      assertThat(result.plan()).isNotNull();
      assertThat(result.plan().tasks()).isNotEmpty();
    }
    for (PlanError e : result.errors()) {
      assertThat(e.file()).isEqualTo(name);
      assertThat(e.line()).isBetween(1, lines);
      assertThat(e.column()).isPositive();
      assertThat(e.message()).isNotBlank();
    }
    for (PlanWarning w : result.warnings()) {
      assertThat(w.line()).isPositive();
      assertThat(w.message()).isNotBlank();
    }
    if (result.plan() != null) {
      assertThat(PlanJson.write(result.plan())).isNotBlank(); // the plan is always printable
    }
    return result.valid();
  }

  // ---- generators ----

  @Provide
  Arbitrary<PlanFormat> format() {
    return Arbitraries.of(PlanFormat.class);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(400),
        Arbitraries.strings().withChars("#|-*[]()x:\n `>0123456789WCP. ").ofMaxLength(600));
  }

  @Provide
  Arbitrary<String> markdown() {
    return Arbitraries.oneOf(block(), block(), block()).list().ofMinSize(1).ofMaxSize(40)
        .map(blocks -> String.join("\n", blocks));
  }

  private Arbitrary<String> block() {
    Arbitrary<String> title = Arbitraries.oneOf(
        Arbitraries.of("Cartridge Backend Port", "Real Gmail Sync", "Roles Test", "Final Verification", "Tasks",
            "Success Criteria", "Tier 1 (Non-negotiable)", "Critical Files", "Acceptance", "✅ Done", "ğŸ”µ PLANNING",
            "Database Foundation (InfraBuilder)", "Ship (3 days) - CRITICAL PATH", "x (1 session (~2 hours))"),
        Arbitraries.strings().alpha().numeric().withChars(" -()").ofMaxLength(30));
    Arbitrary<String> ref = Arbitraries.of("W1", "W2", "W9", "2.1", "2.2 (Contracts)", "Phase 1 complete", "Phases 2 + 3",
        "CC1", "CC4", "None", "All services", "Everything else", "Real Gmail Sync", "W1/W3", "", "(", "3 complete");
    Arbitrary<String> heading = Combinators.combine(Arbitraries.integers().between(1, 6),
        Arbitraries.of("Worker 1: ", "Worker 2: ", "W3 - ", "Phase 1: ", "Phase 2: ", "2.1 ", "2.2 ", "CC1: ", "CC2: ", "", ""),
        title).as((level, prefix, t) -> "#".repeat(level) + " " + prefix + t);
    Arbitrary<String> field = Combinators.combine(
        Arbitraries.of("Task", "Depends On", "Dependencies", "Starts After", "Blocking", "Acceptance Criteria",
            "Handoff", "Duration", "Files", "Worker kind", "Review", "Score", "U/I/C/M", "Tier", "ID", "Goal", "Skill"),
        Arbitraries.oneOf(ref, Arbitraries.of("3 days", "~2 hours", "soon", "10/10/8/10", "38/40", "required", "oauth-sync")),
        Arbitraries.of("**%s:** %s", "- %s: %s", "**%s**: %s", "%s: %s")).as((l, v, f) -> f.formatted(l, v));
    Arbitrary<String> checklist = Combinators.combine(Arbitraries.of("- [ ] ", "- [x] ", "* [ ] ", "1. "), title)
        .as((m, t) -> m + t);
    Arbitrary<String> table = Combinators.combine(
        Arbitraries.of("| Task | Score | U/I/C/M | Tier | Worker | Est. Time |", "| Worker | Task | Depends On |",
            "| Task |", "| Layer | Gap |"),
        Combinators.combine(title, Arbitraries.of("38/40", "10/10/8/10", "11/0/0/0", "x"), Arbitraries.of("W1", "W2", "Manual", ""),
            Arbitraries.of("3 days", "0.5 day", "soon", "")).as((t, s, w, e) -> "| " + t + " | " + s + " | " + w + " | " + e + " |")
            .list().ofMaxSize(5))
        .as((header, rows) -> header + "\n|---|---|---|---|---|---|\n" + String.join("\n", rows));
    return Arbitraries.oneOf(heading, heading, field, field, checklist, table,
        Arbitraries.of("```\ncode\n```", "> **Depends On:** W1", "---", "", "    indented", "<div>html</div>"));
  }

  @Provide
  Arbitrary<String> mutatedSamples() {
    return mutate(Arbitraries.of(SAMPLES.get(0), SAMPLES.get(1)));
  }

  @Provide
  Arbitrary<String> mutatedYaml() throws IOException {
    Arbitrary<String> generated = Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.longs())
        .as(PlanGenerator::yaml);
    String example = Files.readString(Path.of("docs/examples/sample-plan.yaml"));
    return mutate(Arbitraries.oneOf(generated, Arbitraries.just(example)));
  }

  /** 1-5 random edits: delete a span, duplicate or drop a line, insert tricky characters, truncate. */
  private static Arbitrary<String> mutate(Arbitrary<String> texts) {
    Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 40))
        .as((kind, at, len) -> new int[] {kind, at, len}).list().ofMinSize(1).ofMaxSize(5);
    Arbitrary<String> inserts = Arbitraries.of("|", "**", ":", "- [ ] ", "\n#", "(", ")", "ğŸ”µ", "\t", "W9", "[", "{", "&a ", "*", "\"");
    return Combinators.combine(texts, edits, inserts).as((text, list, insert) -> {
      String s = text;
      for (int[] e : list) {
        if (s.isEmpty()) {
          break;
        }
        int at = e[1] % s.length();
        int end = Math.min(s.length(), at + e[2]);
        s = switch (e[0]) {
          case 0 -> s.substring(0, at) + s.substring(end);
          case 1 -> s.substring(0, at) + insert + s.substring(at);
          case 2 -> s.substring(0, end) + s.substring(at, end) + s.substring(end);
          case 3 -> s.substring(0, at);
          default -> swapLines(s, at);
        };
      }
      return s;
    });
  }

  private static String swapLines(String s, int at) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    if (lines.size() < 2) {
      return s;
    }
    int i = at % (lines.size() - 1);
    String tmp = lines.get(i);
    lines.set(i, lines.get(i + 1));
    lines.set(i + 1, tmp);
    return String.join("\n", lines);
  }
}
