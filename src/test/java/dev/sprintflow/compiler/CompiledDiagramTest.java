package dev.sprintflow.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.bench.CompileBenchmark;
import dev.sprintflow.compiler.layout.Bounds;
import dev.sprintflow.compiler.layout.Point;
import dev.sprintflow.plan.Plan;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the diagram as written to the XML, boundary events and abort paths included: every flow
 * node and flow has DI, no two shapes or labels overlap (a boundary event sits on its own task),
 * and no flow passes through a shape it does not connect.
 */
class CompiledDiagramTest {

  static Stream<Arguments> plans() throws Exception {
    return Stream.of(
        Arguments.of("production sample", SprintCompilerTest.load("audienceos-production-sprint.md")),
        Arguments.of("integration sample", SprintCompilerTest.load("audienceos-integration.md")),
        Arguments.of("generated 150 tasks (large-graph settings)", CompileBenchmark.generatedPlan(150, 7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void theWrittenDiagramIsCompleteAndClean(String name, Plan plan) {
    String xml = new SprintCompiler().compile(plan).bpmnXml();
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

    Map<String, Bounds> shapes = new LinkedHashMap<>();
    Map<String, Bounds> labels = new LinkedHashMap<>();
    for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(s.getBpmnElement().getId(), bounds(s.getBounds()));
      if (s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null) {
        labels.put(s.getBpmnElement().getId(), bounds(s.getBpmnLabel().getBounds()));
      }
    }
    Map<String, List<Point>> edges = new LinkedHashMap<>();
    for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
      List<Point> points = new ArrayList<>();
      for (Waypoint w : e.getWaypoints()) {
        points.add(new Point(w.getX(), w.getY()));
      }
      edges.put(e.getBpmnElement().getId(), points);
    }
    model.getModelElementsByType(FlowNode.class).forEach(n -> assertThat(shapes).as(name).containsKey(n.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(f -> assertThat(edges.get(f.getId())).as(f.getId()).hasSizeGreaterThanOrEqualTo(2));

    Map<String, String> host = new LinkedHashMap<>();
    model.getModelElementsByType(BoundaryEvent.class).forEach(b -> host.put(b.getId(), b.getAttachedTo().getId()));
    List<Map.Entry<String, Bounds>> all = new ArrayList<>(shapes.entrySet());
    labels.forEach((id, b) -> all.add(Map.entry(id + "#label", b)));
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        String a = owner(all.get(i).getKey()), b = owner(all.get(j).getKey());
        if (a.equals(b) || a.equals(host.get(b)) || b.equals(host.get(a))) {
          continue; // an element and its own label, or a boundary event on its task
        }
        assertThat(all.get(i).getValue().overlaps(all.get(j).getValue()))
            .as("%s: %s overlaps %s", name, all.get(i).getKey(), all.get(j).getKey()).isFalse();
      }
    }
    for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
      String source = f.getSource().getId(), target = f.getTarget().getId();
      List<Point> route = edges.get(f.getId());
      for (int k = 1; k < route.size(); k++) {
        for (Map.Entry<String, Bounds> s : all) {
          String o = owner(s.getKey());
          if (o.equals(source) || o.equals(target) || o.equals(host.get(source)) || o.equals(host.get(target))) {
            continue;
          }
          assertThat(s.getValue().crossedBy(route.get(k - 1), route.get(k), 1))
              .as("%s: %s passes through %s", name, f.getId(), s.getKey()).isFalse();
        }
      }
    }
  }

  private static String owner(String key) {
    return key.replace("#label", "");
  }

  private static Bounds bounds(io.camunda.zeebe.model.bpmn.instance.dc.Bounds b) {
    return new Bounds(b.getX(), b.getY(), b.getWidth(), b.getHeight());
  }
}
