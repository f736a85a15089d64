package dev.sprintflow.compiler;

import dev.sprintflow.compiler.bpmn.GateTask;
import dev.sprintflow.compiler.bpmn.SprintProcessWriter;
import dev.sprintflow.compiler.bpmn.TaskCall;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.graph.FlowGraphBuilder;
import dev.sprintflow.compiler.graph.FlowNode;
import dev.sprintflow.compiler.graph.WorkItem;
import dev.sprintflow.compiler.layout.ElkDiagramLayouter;
import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.Task;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a valid plan into process {@code sprint-<planId>}: one call activity of the task
 * lifecycle per task, parallel gateways where the dependency graph forks and joins, one user task
 * per verification gate (shared form bpmn/sprint-gate.form), laid out by ELK, checked by Zeebe's model validator. Same plan, same bytes.
 */
public final class SprintCompiler {

  private final ElkDiagramLayouter layouter = new ElkDiagramLayouter();
  private final SprintProcessWriter writer = new SprintProcessWriter();
  private final boolean progressListeners;

  /** A compiler whose processes report progress to Sprintflow's progress worker (docs/progress.md). */
  public SprintCompiler() {
    this(true);
  }

  private SprintCompiler(boolean progressListeners) {
    this.progressListeners = progressListeners;
  }

  /**
   * A compiler whose processes carry no progress listeners: for engines without Sprintflow's
   * progress worker, and to measure what tracking costs (docs/benchmarks.md).
   */
  public static SprintCompiler withoutProgressListeners() {
    return new SprintCompiler(false);
  }

  public static String processId(String planId) {
    return "sprint-" + planId;
  }

  /** @param plan a plan that passed validation (acyclic, references resolved) */
  public CompiledSprint compile(Plan plan) {
    String processId = processId(plan.id());
    List<WorkItem> items = new ArrayList<>();
    Map<String, TaskCall> calls = new LinkedHashMap<>();
    List<String> allTasks = new ArrayList<>();
    for (Task t : plan.tasks()) {
      String element = taskElementId(t.id());
      allTasks.add(element);
      items.add(new WorkItem(element, FlowNode.Kind.TASK, t.title(), t.id(),
          t.dependsOn().stream().map(SprintCompiler::taskElementId).toList()));
      calls.put(t.id(), taskCall(t));
    }
    Map<String, GateTask> gates = new LinkedHashMap<>();
    for (Gate g : plan.gates()) {
      // A gate that names no tasks verifies the whole sprint: it waits for every task.
      List<String> after = g.after().isEmpty() ? allTasks : g.after().stream().map(SprintCompiler::taskElementId).toList();
      items.add(new WorkItem(gateElementId(g.id()), FlowNode.Kind.GATE, g.title(), g.id(), after));
      gates.put(g.id(), new GateTask(g.id(), g.title(), g.criteria().stream().map(Criterion::text).toList()));
    }
    FlowGraph graph = FlowGraphBuilder.build(items, "Sprint started", "Sprint completed");
    String xml = writer.write(new SprintProcessWriter.Input(
        processId, plan.name(), plan.goal(), graph, layouter.layout(graph), calls, gates, progressListeners));
    validate(xml, plan);
    return new CompiledSprint(processId, xml);
  }

  static TaskCall taskCall(Task t) {
    Map<String, Integer> score = null;
    if (t.score() != null) {
      score = new LinkedHashMap<>();
      score.put("urgency", t.score().urgency());
      score.put("impact", t.score().impact());
      score.put("confidence", t.score().confidence());
      score.put("momentum", t.score().momentum());
    }
    return new TaskCall(
        t.id(),
        t.title(),
        t.worker(),
        score,
        t.estimate() == null ? null : t.estimate().toString(),
        t.acceptance().stream().map(Criterion::text).toList(),
        t.review().name().toLowerCase(Locale.ROOT),
        false,
        t.inputs());
  }

  public static String taskElementId(String taskId) {
    return "task_" + taskId.replace('-', '_');
  }

  public static String gateElementId(String gateId) {
    return "gate_" + gateId.replace('-', '_');
  }

  /** Parses the XML with the Zeebe model API and runs its validator, as the engine would on deploy. */
  private static void validate(String xml, Plan plan) {
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(
          new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c.getMessage() != null && c.getMessage().contains("EntitySizeLimit")) {
          // JDK 24+ caps entity text per document; thousands of FEEL literals (&quot;) exceed it.
          throw new SprintCompileException("Plan '" + plan.id() + "' with " + plan.tasks().size()
              + " tasks is too large for the JDK's XML limits (" + c.getMessage() + "). Split the plan, or run"
              + " with -Djdk.xml.maxGeneralEntitySizeLimit=0 -Djdk.xml.totalEntitySizeLimit=0.", e);
        }
      }
      // Say which plan task an element belongs to, so the lead knows where to look.
      for (Task t : plan.tasks()) {
        message = message.replace(taskElementId(t.id()), "task '" + t.id() + "' (" + taskElementId(t.id()) + ")");
      }
      throw new SprintCompileException("The compiled process for plan '" + plan.id() + "' is invalid: " + message, e);
    }
  }
}
