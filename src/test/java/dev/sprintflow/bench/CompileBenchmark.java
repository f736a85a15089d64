package dev.sprintflow.bench;

import dev.sprintflow.compiler.CompiledSprint;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.Review;
import dev.sprintflow.plan.Score;
import dev.sprintflow.plan.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Compile time (graph + ELK layout + BPMN + validation + XML) for generated DAG plans. Each task
 * depends on up to three of the 20 tasks before it, like the waves of a real sprint plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {

  /** "production-sample" (the 7-task sample plan) or a number of generated tasks. */
  @Param({"production-sample", "100", "1000", "5000"})
  public String tasks;

  private Plan plan;
  private final SprintCompiler compiler = new SprintCompiler();

  @Setup
  public void generate() {
    plan = tasks.equals("production-sample")
        ? dev.sprintflow.plan.PlanLoader.withDefaults()
            .load(java.nio.file.Path.of("src/test/resources/plans/audienceos-production-sprint.md")).plan()
        : generatedPlan(Integer.parseInt(tasks), 42);
  }

  @Benchmark
  public CompiledSprint compile() {
    return compiler.compile(plan);
  }

  public static Plan generatedPlan(int n, long seed) {
    Random random = new Random(seed);
    List<Task> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> deps = new ArrayList<>();
      for (int k = 0; k < 3 && i > 0; k++) {
        int dep = Math.max(0, i - 1 - random.nextInt(Math.min(i, 20)));
        if (random.nextDouble() < 0.7 && !deps.contains("t" + dep)) {
          deps.add("t" + dep);
        }
      }
      list.add(new Task("t" + i, "Generated task " + i, i % 3 == 0 ? "migration-port" : "oauth-sync",
          new Score(random.nextInt(11), random.nextInt(11), random.nextInt(11), random.nextInt(11)), null,
          Duration.ofHours(1 + random.nextInt(24)), deps, List.of(), Review.AUTO, Map.of(), null));
    }
    return new Plan("generated-" + n, "Generated plan of " + n + " tasks", null, list, List.of(), List.of());
  }
}
