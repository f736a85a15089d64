package dev.sprintflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.compiler.bpmn.LifecycleContract;
import dev.sprintflow.plan.PlanLoader;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The progress listeners sit exactly where the progress worker expects them, in the lifecycle and in compiled sprints. */
class ProgressListenersModelTest {

  @Test
  void theLifecycleCarriesTheListenersTheProjectionKnows() {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/sprint-task.bpmn").toFile());
    Map<String, Set<ListenerEvent>> expected = new TreeMap<>(LifecycleElements.LISTENERS);
    assertThat(listeners(model)).isEqualTo(expected);
  }

  @Test
  void compiledSprintsReportGatesAndTheirEndAndNothingElse() throws Exception {
    String markdown;
    try (InputStream in = getClass().getResourceAsStream("/plans/audienceos-production-sprint.md")) {
      markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var plan = PlanLoader.withDefaults().load("audienceos-production-sprint.md", markdown).plan();
    Map<String, Set<ListenerEvent>> found = listeners(parse(new SprintCompiler().compile(plan).bpmnXml()));
    Set<String> withBoth = found.entrySet().stream().filter(e -> e.getValue().size() == 2).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(withBoth).containsExactly("gate_tier_1", "gate_tier_2", "gate_tier_3");
    Set<String> startOnly = found.entrySet().stream().filter(e -> e.getValue().equals(Set.of(ListenerEvent.START)))
        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    assertThat(startOnly).contains("sprint_completed", "aborted_task_port_cartridge_backend")
        .allMatch(id -> id.equals("sprint_completed") || id.startsWith("aborted_task_"))
        .hasSize(1 + plan.tasks().size());

    assertThat(SprintCompiler.withoutProgressListeners().compile(plan).bpmnXml()).doesNotContain("executionListener");
  }

  /** Element id to its listener events; every listener uses the event's job type and the documented retries. */
  static Map<String, Set<ListenerEvent>> listeners(BpmnModelInstance model) {
    Map<String, Set<ListenerEvent>> out = new TreeMap<>();
    for (ZeebeExecutionListeners block : model.getModelElementsByType(ZeebeExecutionListeners.class)) {
      BaseElement element = (BaseElement) block.getParentElement().getParentElement();
      for (ZeebeExecutionListener l : block.getExecutionListeners()) {
        ListenerEvent event = l.getEventType() == ZeebeExecutionListenerEventType.start ? ListenerEvent.START : ListenerEvent.END;
        assertThat(l.getType()).as(element.getId()).isEqualTo(event.jobType());
        assertThat(l.getRetries()).as(element.getId()).isEqualTo(LifecycleContract.PROGRESS_RETRIES);
        out.computeIfAbsent(element.getId(), k -> new TreeSet<>()).add(event);
      }
    }
    return out;
  }

  private static BpmnModelInstance parse(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
