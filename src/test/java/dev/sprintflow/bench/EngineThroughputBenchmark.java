package dev.sprintflow.bench;

import dev.sprintflow.engine.EmbeddedZeebeEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Instances per second for start -> one service task -> end on the embedded engine, through the
 * Camunda client over gRPC, with at most 64 instances in flight. Compares job streaming (our
 * default) with polling, side by side in one run. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineThroughputBenchmark {

  static final int BATCH = 500;
  static final int IN_FLIGHT = 64;

  @Param({"stream", "poll"})
  public String activation;

  private EmbeddedZeebeEngine engine;
  private CamundaClient client;
  private JobWorker worker;

  @Setup(Level.Trial)
  public void start() {
    engine = EmbeddedZeebeEngine.start(0);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .restAddress(URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .build();
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("bench")
            .startEvent().serviceTask("work", t -> t.zeebeJobType("bench.work")).endEvent().done(), "bench.bpmn")
        .send().join();
    worker = client.newWorker()
        .jobType("bench.work")
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job).variables("{\"done\":true}").send())
        .maxJobsActive(IN_FLIGHT)
        .pollInterval(Duration.ofMillis(100))
        .streamEnabled("stream".equals(activation))
        .open();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int startAndComplete() throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> all = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      inFlight.acquire();
      CompletableFuture<?> f = client.newCreateInstanceCommand().bpmnProcessId("bench").latestVersion()
          .withResult().send().toCompletableFuture();
      f.whenComplete((r, e) -> inFlight.release());
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return all.size();
  }

  @TearDown(Level.Trial)
  public void stop() {
    worker.close();
    client.close();
    engine.destroy();
  }
}
