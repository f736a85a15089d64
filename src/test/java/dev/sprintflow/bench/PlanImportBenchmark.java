package dev.sprintflow.bench;

import dev.sprintflow.plan.PlanFixtures;
import dev.sprintflow.plan.PlanFormat;
import dev.sprintflow.plan.PlanGenerator;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + validate time per plan (PlanLoader.load: read, import, validate), for the two sample plans
 * and generated plans of 100 and 1,000 tasks in Markdown and YAML. Results: docs/benchmarks.md.
 * Run: scripts/bench PlanImport -f 1 -wi 2 -i 3 -prof gc
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PlanImportBenchmark {

  @Param({"production-sprint.md", "integration.md", "generated-100.md", "generated-1000.md",
      "generated-100.yaml", "generated-1000.yaml"})
  public String plan;

  private final PlanLoader loader = PlanLoader.withDefaults();
  private String text;
  private PlanFormat format;

  @Setup
  public void setUp() {
    format = plan.endsWith(".md") ? PlanFormat.MARKDOWN : PlanFormat.YAML;
    text = switch (plan) {
      case "production-sprint.md" -> PlanFixtures.text(PlanFixtures.PRODUCTION);
      case "integration.md" -> PlanFixtures.text(PlanFixtures.INTEGRATION);
      case "generated-100.md" -> PlanGenerator.markdown(100, 42);
      case "generated-1000.md" -> PlanGenerator.markdown(1000, 42);
      case "generated-100.yaml" -> PlanGenerator.yaml(100, 42);
      case "generated-1000.yaml" -> PlanGenerator.yaml(1000, 42);
      default -> throw new IllegalArgumentException(plan);
    };
    PlanLoadResult check = loader.load(plan, text, format);
    if (!check.valid()) {
      throw new IllegalStateException(plan + " is not valid: " + check.errors());
    }
  }

  @Benchmark
  public PlanLoadResult parseAndValidate() {
    return loader.load(plan, text, format);
  }
}
