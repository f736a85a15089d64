package dev.sprintflow.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.compiler.bpmn.GateTask;
import dev.sprintflow.compiler.bpmn.LifecycleContract;
import dev.sprintflow.compiler.bpmn.SprintProcessWriter;
import dev.sprintflow.compiler.bpmn.TaskCall;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.graph.FlowGraphBuilder;
import dev.sprintflow.compiler.graph.FlowNode;
import dev.sprintflow.compiler.graph.WorkItem;
import dev.sprintflow.compiler.layout.ElkDiagramLayouter;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer's output runs on the real engine: a production-shaped sprint (one task, five in
 * parallel after it, one after all, three gates) against a stub lifecycle. Asserts from the
 * engine's records that no task started before its dependencies completed and that the five
 * independent tasks were active at the same time.
 */
class SprintProcessWriterEngineTest {

  static EmbeddedZeebeEngine engine;
  static CamundaClient client;

  @BeforeAll
  static void start() {
    engine = EmbeddedZeebeEngine.start(0);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .restAddress(URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false)
        .numJobWorkerExecutionThreads(8) // the parallel-work handler blocks until five jobs are in hand
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    engine.destroy();
  }

  @Test
  void dependentTasksWaitAndIndependentTasksRunInParallel() throws Exception {
    Map<String, TaskCall> calls = new LinkedHashMap<>();
    List<WorkItem> items = new ArrayList<>();
    add(items, calls, "port", "migration-port", List.of());
    List<String> middle = List.of("rbac", "gmail", "slack", "gads", "meta");
    for (String t : middle) {
      add(items, calls, t, "parallel-work", List.of("task_port"));
    }
    List<String> all = new ArrayList<>(List.of("task_port"));
    middle.forEach(t -> all.add("task_" + t));
    add(items, calls, "final", "manual-check", all);
    Map<String, GateTask> gates = new LinkedHashMap<>();
    for (String g : List.of("tier-1", "tier-2")) {
      gates.put(g, new GateTask(g, "Gate " + g, List.of("criterion a", "criterion \"b\"")));
      items.add(new WorkItem("gate_" + g.replace('-', '_'), FlowNode.Kind.GATE, "Gate " + g, g, List.of("task_final")));
    }
    FlowGraph graph = FlowGraphBuilder.build(items, "Sprint started", "Sprint completed");
    String xml = new SprintProcessWriter().write(new SprintProcessWriter.Input(
        "sprint-test", "Test sprint", "A test", graph, new ElkDiagramLayouter().layout(graph), calls, gates, true));
    BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Bpmn.validateModel(model);
    java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "compiler"));
    java.nio.file.Path file = out.resolve("sprint-test.bpmn");
    java.nio.file.Files.writeString(file, xml);
    var lint = dev.sprintflow.test.ModelerLint.lint(file);
    assertThat(lint.errors()).as(lint.describe()).isEmpty();

    var deploy = client.newDeployResourceCommand()
        .addResourceBytes(stubLifecycle(), "sprint-task.bpmn")
        .addResourceStringUtf8(xml, "sprint-test.bpmn");
    deploy.addResourceFile("bpmn/sprint-gate.form").send().join(); // the shared gate form, as at start-up

    CountDownLatch allFiveActive = new CountDownLatch(middle.size());
    AtomicInteger maxConcurrent = new AtomicInteger();
    AtomicInteger active = new AtomicInteger();
    List<JobWorker> workers = new ArrayList<>();
    workers.add(worker("migration-port", job -> Map.of("summary", "ported")));
    workers.add(worker("manual-check", job -> Map.of("summary", "checked")));
    workers.add(client.newWorker().jobType("parallel-work").handler((jc, job) -> {
      maxConcurrent.accumulateAndGet(active.incrementAndGet(), Math::max);
      allFiveActive.countDown();
      // Hold each job until all five are active: only possible if the engine runs them in parallel.
      allFiveActive.await(20, TimeUnit.SECONDS);
      active.decrementAndGet();
      jc.newCompleteCommand(job).variables(Map.of("summary", "done " + job.getVariablesAsMap().get("taskId"))).send().join();
    }).maxJobsActive(10).open());
    // The progress listeners (docs/progress.md) block their elements until a worker completes them.
    List<String> progressEvents = java.util.Collections.synchronizedList(new ArrayList<>());
    for (String type : List.of(LifecycleContract.PROGRESS_START_JOB_TYPE, LifecycleContract.PROGRESS_END_JOB_TYPE)) {
      workers.add(client.newWorker().jobType(type).handler((jc, job) -> {
        progressEvents.add(job.getElementId() + ":" + type.substring(type.lastIndexOf('.') + 1));
        jc.newCompleteCommand(job).send().join();
      }).open());
    }
    workers.add(client.newWorker().jobType("io.camunda.zeebe:userTask").handler((jc, job) ->
        jc.newCompleteCommand(job).variables(Map.of("decision", "passed", "comment", "verified " + job.getVariablesAsMap().get("gateId"),
            "verifiedCriteria", List.of("criterion-1", "criterion-2"))).send().join()).open());
    try {
      long key = client.newCreateInstanceCommand().bpmnProcessId("sprint-test").latestVersion()
          .variables(Map.of("sprintId", "s-1")).send().join().getProcessInstanceKey();
      EngineRecords records = new EngineRecords(engine);
      records.awaitCompleted(key, Duration.ofSeconds(60));

      assertThat(maxConcurrent.get()).isEqualTo(middle.size());
      Map<String, Long> activated = positions(records, key, ProcessInstanceIntent.ELEMENT_ACTIVATING);
      Map<String, Long> completed = positions(records, key, ProcessInstanceIntent.ELEMENT_COMPLETED);
      for (WorkItem item : items) {
        for (String dep : item.after()) {
          assertThat(activated.get(item.elementId())).as("%s starts after %s completed", item.elementId(), dep)
              .isGreaterThan(completed.get(dep));
        }
      }
      Map<String, Object> vars = records.variables(key);
      for (String task : List.of("port", "rbac", "gmail", "slack", "gads", "meta", "final")) {
        assertThat(vars.get(SprintProcessWriter.taskResultVariable(task))).as(task)
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("outcome", "done");
      }
      assertThat(vars.get("task_gmail")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("result", "done gmail").containsEntry("tier", "IMMEDIATE");
      assertThat(vars.get("gate_tier_2")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("passed", true).containsEntry("comment", "verified tier-2");
      assertThat(progressEvents).containsExactlyInAnyOrder("gate_tier_1:start", "gate_tier_1:end",
          "gate_tier_2:start", "gate_tier_2:end", "sprint_completed:start");
    } finally {
      workers.forEach(JobWorker::close);
    }
  }

  private static void add(List<WorkItem> items, Map<String, TaskCall> calls, String id, String kind, List<String> after) {
    calls.put(id, new TaskCall(id, "Task " + id, kind, Map.of("urgency", 9, "impact", 9, "confidence", 9, "momentum", 9),
        "P1D", List.of("it works"), "auto", false, Map.of("note", "x")));
    items.add(new WorkItem("task_" + id, FlowNode.Kind.TASK, "Task " + id, id, after));
  }

  private JobWorker worker(String type, java.util.function.Function<io.camunda.client.api.response.ActivatedJob, Map<String, Object>> result) {
    return client.newWorker().jobType(type)
        .handler((jc, job) -> jc.newCompleteCommand(job).variables(result.apply(job)).send().join()).open();
  }

  private static Map<String, Long> positions(EngineRecords records, long key, ProcessInstanceIntent intent) {
    Map<String, Long> out = new LinkedHashMap<>();
    records.processInstanceEvents(key).filter(r -> r.getIntent() == intent)
        .forEach((Record<ProcessInstanceRecordValue> r) -> out.putIfAbsent(r.getValue().getElementId(), r.getPosition()));
    return out;
  }

  private static byte[] stubLifecycle() throws IOException {
    try (InputStream in = SprintProcessWriterEngineTest.class.getResourceAsStream("/compiler/stub-sprint-task.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
  }
}
