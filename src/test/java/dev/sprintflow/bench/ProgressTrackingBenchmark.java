package dev.sprintflow.bench;

import dev.sprintflow.compiler.CompiledSprint;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanFormat;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.progress.ProgressJobSubscription;
import dev.sprintflow.progress.ProgressProperties;
import dev.sprintflow.progress.ProgressStore;
import dev.sprintflow.sprint.SprintRecord;
import dev.sprintflow.test.PostgresTestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What progress tracking costs: completed sprint instances per second of a 10-task plan (one task,
 * eight in parallel after it, one after all; no reviews, so no person is needed) on the embedded
 * engine with the real lifecycle, one scripted worker completing every task. {@code untracked}
 * strips the progress listeners from the lifecycle and compiles the sprint without them;
 * {@code tracked-h2} and {@code tracked-postgres} run them with the service's progress worker
 * recording into H2 (the default database) or PostgreSQL, and register each sprint first as
 * {@code POST /api/sprints} does. Per sprint that is 21 listener jobs beside the 10 task jobs.
 *
 * <pre>scripts/bench ProgressTrackingBenchmark -f 1 -wi 1 -i 3 -w 20s -r 30s</pre>
 * Without PostgreSQL: {@code -p tracking=untracked,tracked-h2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dlogback.configurationFile=bench-logback.xml"})
public class ProgressTrackingBenchmark {

  static final int BATCH = 40;
  static final int IN_FLIGHT = 16;
  static final String WORKER = "bench-task";

  @Param({"untracked", "tracked-h2", "tracked-postgres"})
  public String tracking;

  private EmbeddedZeebeEngine engine;
  private CamundaClient client;
  private JobWorker worker;
  private ProgressStore store;
  private ProgressJobSubscription progress;
  private String pgSchema;
  private Plan plan;
  private Process process;
  private String bpmnXml;
  private final AtomicLong sprints = new AtomicLong();

  /** The 10-task plan: a, then b1..b8 in parallel, then z; every task has an estimate and no review. */
  static String plan() {
    StringBuilder yaml = new StringBuilder("id: bench-ten\nname: Ten tasks\ntasks:\n");
    yaml.append("  - {id: a, title: A, worker: ").append(WORKER).append(", review: none, estimate: 1 day}\n");
    List<String> middle = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      middle.add("b" + i);
      yaml.append("  - {id: b").append(i).append(", title: B").append(i).append(", worker: ").append(WORKER)
          .append(", review: none, estimate: 2 days, dependsOn: [a]}\n");
    }
    yaml.append("  - {id: z, title: Z, worker: ").append(WORKER).append(", review: none, estimate: 12 hours, dependsOn: [")
        .append(String.join(", ", middle)).append("]}\n");
    return yaml.toString();
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    boolean tracked = !tracking.equals("untracked");
    engine = EmbeddedZeebeEngine.start(0);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress())).restAddress(URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false).defaultRequestTimeout(Duration.ofSeconds(60)).numJobWorkerExecutionThreads(4)
        .build();
    plan = PlanLoader.withDefaults().load("bench.yaml", plan().getBytes(StandardCharsets.UTF_8), PlanFormat.YAML).plan();
    CompiledSprint compiled = (tracked ? new SprintCompiler() : SprintCompiler.withoutProgressListeners()).compile(plan);
    bpmnXml = compiled.bpmnXml();
    String lifecycle = Files.readString(Path.of("bpmn/sprint-task.bpmn"));
    if (!tracked) {
      lifecycle = lifecycle.replaceAll("(?s)\\s*<zeebe:executionListeners>.*?</zeebe:executionListeners>", "");
    }
    var deploy = client.newDeployResourceCommand().addResourceStringUtf8(lifecycle, "sprint-task.bpmn");
    for (String file : List.of("dmn/priority-tier.dmn", "dmn/review-policy.dmn", "bpmn/sprint-task-review.form",
        "bpmn/sprint-task-triage.form", "bpmn/sprint-task-manual.form", "bpmn/sprint-gate.form")) {
      deploy = deploy.addResourceFile(file);
    }
    process = deploy.addResourceStringUtf8(bpmnXml, compiled.bpmnResourceName()).send().join().getProcesses().stream()
        .filter(p -> p.getBpmnProcessId().equals(compiled.processId())).findFirst().orElseThrow();

    if (tracked) {
      if (tracking.equals("tracked-postgres")) {
        PostgresTestDatabase.Server server = PostgresTestDatabase.server();
        pgSchema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + pgSchema);
        }
        store = ProgressStore.postgres(new PostgresTestDatabase.Schema(pgSchema, server));
      } else {
        store = ProgressStore.h2();
      }
      progress = new ProgressJobSubscription(client, store.recorder, new ProgressProperties(null, null, 64, null, null),
          Clock.systemUTC());
      progress.start();
    }
    worker = client.newWorker().jobType(WORKER)
        .handler((jc, job) -> jc.newCompleteCommand(job).variables("{\"result\":\"ok\"}").send())
        .maxJobsActive(64).open();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int completeSprints() throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> all = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      inFlight.acquire();
      String sprintId = "bench-" + sprints.incrementAndGet();
      if (store != null) {
        // As POST /api/sprints does before it starts the instance.
        store.registry.register(new SprintRecord(sprintId, plan.id(), process.getBpmnProcessId(), process.getVersion(),
            process.getProcessDefinitionKey(), 0, bpmnXml, java.time.Instant.now()), plan);
      }
      CompletableFuture<?> f = client.newCreateInstanceCommand().processDefinitionKey(process.getProcessDefinitionKey())
          .variables(Map.of("sprintId", sprintId, "planId", plan.id(), "planName", plan.name()))
          .withResult().requestTimeout(Duration.ofSeconds(60)).send().toCompletableFuture();
      f.whenComplete((r, e) -> inFlight.release());
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return all.size();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    worker.close();
    if (progress != null) {
      progress.stop();
      if (store != null) {
        System.err.printf("%s: %d sprints, %d progress events recorded%n", tracking, sprints.get(),
            store.jdbc.sql("SELECT COUNT(*) FROM progress_event").query(Long.class).single());
      }
    }
    client.close();
    engine.destroy();
    if (store != null) {
      store.close();
    }
    if (pgSchema != null) {
      try (Connection c = PostgresTestDatabase.server().connect(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
      }
    }
  }
}
