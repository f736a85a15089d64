package dev.sprintflow.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.Task;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Compiles the sample plans and checks the structure, the diagram and the determinism of the XML. */
class SprintCompilerTest {

  static Plan load(String name) throws IOException {
    try (InputStream in = SprintCompilerTest.class.getResourceAsStream("/plans/" + name)) {
      PlanLoadResult result = PlanLoader.withDefaults().load(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(result.errors()).isEmpty();
      return result.plan();
    }
  }

  static BpmnModelInstance parse(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"audienceos-production-sprint.md", "audienceos-integration.md"})
  void samplePlansCompileToTheirDependencyGraph(String name) throws IOException {
    Plan plan = load(name);
    CompiledSprint compiled = new SprintCompiler().compile(plan);
    BpmnModelInstance model = parse(compiled.bpmnXml());

    assertThat(compiled.processId()).isEqualTo("sprint-" + plan.id());
    var calls = model.getModelElementsByType(CallActivity.class);
    assertThat(calls).hasSize(plan.tasks().size());
    for (CallActivity call : calls) {
      ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
      assertThat(called.getProcessId()).isEqualTo("sprint-task");
      assertThat(called.isPropagateAllChildVariablesEnabled()).isFalse();
    }
    assertThat(model.getModelElementsByType(UserTask.class)).hasSize(plan.gates().size());
    for (UserTask gate : model.getModelElementsByType(UserTask.class)) {
      // Linked to the shared gate form and marked for the review inbox.
      assertThat(gate.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class).getFormId())
          .isEqualTo("sprint-gate");
      assertThat(gate.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders.class).getHeaders())
          .extracting(h -> h.getKey() + "=" + h.getValue()).contains("sprintflow.kind=gate", "sprintflow.formId=sprint-gate");
    }

    // Every task starts only after its (non-implied) dependencies: walk back through gateways.
    for (Task t : plan.tasks()) {
      FlowNode node = model.getModelElementById(SprintCompiler.taskElementId(t.id()));
      Set<String> direct = upstreamWork(node);
      for (String dep : direct) {
        assertThat(t.dependsOn().stream().map(SprintCompiler::taskElementId).toList().contains(dep)
            || transitivelyDependsOn(plan, t, dep)).as("%s after %s", t.id(), dep).isTrue();
      }
      if (t.dependsOn().isEmpty()) {
        assertThat(direct).as(t.id()).isEmpty();
      }
    }
    // Gateways only where the graph forks or joins.
    for (ParallelGateway g : model.getModelElementsByType(ParallelGateway.class)) {
      assertThat(g.getIncoming().size() > 1 || g.getOutgoing().size() > 1).as(g.getId()).isTrue();
      assertThat(g.getIncoming().size() > 1 && g.getOutgoing().size() > 1).as(g.getId()).isFalse();
    }
    // Full diagram interchange.
    Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shaped).contains(n.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edged).contains(f.getId()));
  }

  @Test
  void productionSprintHasTheFanOutAfterThePortAndTheJoinBeforeFinalVerification() throws IOException {
    Plan plan = load("audienceos-production-sprint.md");
    BpmnModelInstance model = parse(new SprintCompiler().compile(plan).bpmnXml());
    Task port = plan.tasks().get(0);
    FlowNode portNode = model.getModelElementById(SprintCompiler.taskElementId(port.id()));

    assertThat(portNode.getOutgoing()).hasSize(1);
    FlowNode fork = portNode.getOutgoing().iterator().next().getTarget();
    assertThat(fork).isInstanceOf(ParallelGateway.class);
    assertThat(fork.getOutgoing()).hasSize(5);
    Task last = plan.tasks().get(plan.tasks().size() - 1);
    FlowNode lastNode = model.getModelElementById(SprintCompiler.taskElementId(last.id()));
    assertThat(lastNode.getIncoming().iterator().next().getSource()).isInstanceOf(ParallelGateway.class);
    assertThat(lastNode.getIncoming().iterator().next().getSource().getIncoming()).hasSize(5);
  }

  @Test
  void compilingTwiceGivesIdenticalBytes() throws IOException {
    Plan plan = load("audienceos-production-sprint.md");
    assertThat(new SprintCompiler().compile(plan)).isEqualTo(new SprintCompiler().compile(plan));
  }

  @Test
  void renamingATaskChangesOnlyThatTasksNameAndTitleInput() throws IOException {
    Plan plan = load("audienceos-production-sprint.md");
    Task second = plan.tasks().get(1);
    List<Task> tasks = new ArrayList<>(plan.tasks());
    tasks.set(1, new Task(second.id(), "Renamed task", second.worker(), second.score(), second.tier(), second.estimate(),
        second.dependsOn(), second.acceptance(), second.review(), second.inputs(), second.source()));
    Plan renamed = new Plan(plan.id(), plan.name(), plan.goal(), tasks, plan.gates(), plan.warnings());

    List<String> before = new SprintCompiler().compile(plan).bpmnXml().lines().toList();
    List<String> after = new SprintCompiler().compile(renamed).bpmnXml().lines().toList();

    assertThat(after).hasSameSizeAs(before);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(after.get(i).strip());
      }
    }
    assertThat(changed).hasSize(2).allSatisfy(line -> assertThat(line).contains("Renamed task"));
    assertThat(changed.get(0)).contains("id=\"" + SprintCompiler.taskElementId(second.id()) + "\"", "name=\"Renamed task\"");
    assertThat(changed.get(1)).contains("target=\"taskTitle\"");
  }

  @Test
  void compiledSamplesPassModelersLinter() throws IOException {
    dev.sprintflow.test.ModelerLint.requireAvailable();
    Path dir = Files.createDirectories(Path.of("target", "compiled-samples"));
    for (String name : List.of("audienceos-production-sprint.md", "audienceos-integration.md")) {
      CompiledSprint c = new SprintCompiler().compile(load(name));
      Files.writeString(dir.resolve(c.bpmnResourceName()), c.bpmnXml());
    }
    var report = dev.sprintflow.test.ModelerLint.lint(dir);
    assertThat(report.files()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(report.errors()).as(report.describe()).isEmpty();
  }

  /** Element ids of the tasks reached by walking flows backwards through gateways only. */
  private static Set<String> upstreamWork(FlowNode node) {
    Set<String> out = new java.util.TreeSet<>();
    java.util.Deque<FlowNode> todo = new java.util.ArrayDeque<>();
    node.getIncoming().forEach(f -> todo.push(f.getSource()));
    while (!todo.isEmpty()) {
      FlowNode n = todo.pop();
      if (n instanceof ParallelGateway) {
        n.getIncoming().forEach(f -> todo.push(f.getSource()));
      } else if (n instanceof CallActivity) {
        out.add(n.getId());
      }
    }
    return out;
  }

  private static boolean transitivelyDependsOn(Plan plan, Task t, String elementId) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(t.dependsOn());
    Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      if (SprintCompiler.taskElementId(id).equals(elementId)) {
        return true;
      }
      plan.tasks().stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(x -> todo.addAll(x.dependsOn()));
    }
    return false;
  }
}
