package dev.sprintflow.compiler.bpmn;

import dev.sprintflow.compiler.graph.FlowEdge;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.layout.DiagramLayout;
import dev.sprintflow.compiler.layout.Point;
import dev.sprintflow.compiler.layout.ShapeSizes;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnDiagram;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnLabel;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnPlane;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a laid-out sprint graph as executable BPMN with full diagram interchange: every flow
 * node has a shape, every flow an edge with waypoints, every event its label bounds. Element ids
 * come from the plan's ids, so the XML is the same for the same plan.
 */
public final class SprintProcessWriter {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  /** Diagrams target Camunda 8.6 so they also run on the local 8.6 stack. */
  static final String PLATFORM_VERSION = "8.6.0";

  /** Everything needed to write one sprint process. */
  public record Input(
      String processId,
      String name,
      String documentation,
      FlowGraph graph,
      DiagramLayout layout,
      Map<String, TaskCall> tasks,
      Map<String, GateTask> gates) {}

  public BpmnModelInstance write(Input in) {
    BpmnModelInstance model = emptyModel(in.processId());
    Definitions definitions = model.getDefinitions();

    Error abort = model.newInstance(Error.class);
    abort.setId("error_sprint_aborted");
    abort.setName("Sprint aborted");
    abort.setErrorCode(LifecycleContract.ABORT_CODE);
    definitions.addChildElement(abort);

    Process process = model.newInstance(Process.class);
    process.setId(in.processId());
    process.setName(in.name());
    process.setExecutable(true);
    definitions.addChildElement(process);
    if (in.documentation() != null && !in.documentation().isBlank()) {
      Documentation doc = model.newInstance(Documentation.class);
      doc.setAttributeValue("id", "documentation_" + in.processId().replace('-', '_'), true);
      doc.setTextContent(in.documentation());
      process.getDocumentations().add(doc);
    }

    BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
    diagram.setId("diagram_" + in.processId().replace('-', '_'));
    BpmnPlane plane = model.newInstance(BpmnPlane.class);
    plane.setId("plane_" + in.processId().replace('-', '_'));
    plane.setBpmnElement(process);
    diagram.setBpmnPlane(plane);
    definitions.addChildElement(diagram);

    Map<String, FlowNode> elements = new LinkedHashMap<>();
    for (dev.sprintflow.compiler.graph.FlowNode node : in.graph().nodes()) {
      FlowNode element = element(model, process, node, in);
      elements.put(node.id(), element);
      shape(model, plane, element, in.layout().shapes().get(node.id()), in.layout().labels().get(node.id()));
      if (node.kind() == dev.sprintflow.compiler.graph.FlowNode.Kind.TASK) {
        abortPath(model, process, plane, (CallActivity) element, abort, in.layout().shapes().get(node.id()));
      }
    }
    for (FlowEdge e : in.graph().edges()) {
      SequenceFlow flow = flow(model, process, e.id(), elements.get(e.source()), elements.get(e.target()));
      edge(model, plane, flow, in.layout().waypoints().get(e.id()));
    }
    return model;
  }

  /**
   * A model whose root declares the prefixes Modeler writes (bpmn, bpmndi, dc, di, zeebe, modeler),
   * so that the XML reads like a Modeler-saved file instead of ns0/ns1 soup.
   */
  private static BpmnModelInstance emptyModel(String processId) {
    String root = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:modeler="%s"
            id="definitions_%s" targetNamespace="https://sprintflow.dev/bpmn/%s"
            exporter="Sprintflow" exporterVersion="1"
            modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="%s"/>
        """.formatted(MODELER_NS, processId.replace('-', '_'), processId, PLATFORM_VERSION);
    return Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(root.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private FlowNode element(BpmnModelInstance model, Process process, dev.sprintflow.compiler.graph.FlowNode node, Input in) {
    FlowNode element = switch (node.kind()) {
      case START -> model.newInstance(StartEvent.class);
      case END -> model.newInstance(EndEvent.class);
      case FORK, JOIN -> model.newInstance(ParallelGateway.class);
      case TASK -> callActivity(model, in.tasks().get(node.ref()));
      case GATE -> gateTask(model, in.gates().get(node.ref()));
    };
    element.setId(node.id());
    if (node.name() != null) {
      element.setName(node.name());
    }
    process.addChildElement(element);
    return element;
  }

  private CallActivity callActivity(BpmnModelInstance model, TaskCall task) {
    CallActivity call = model.newInstance(CallActivity.class);
    ExtensionElements ext = model.newInstance(ExtensionElements.class);
    ZeebeCalledElement called = model.newInstance(ZeebeCalledElement.class);
    called.setProcessId(LifecycleContract.PROCESS_ID);
    called.setPropagateAllChildVariablesEnabled(false);
    ext.addChildElement(called);
    ZeebeIoMapping io = model.newInstance(ZeebeIoMapping.class);
    input(model, io, "=sprintId", "sprintId");
    input(model, io, FeelLiterals.expression(task.taskId()), "taskId");
    input(model, io, FeelLiterals.expression(task.title()), "taskTitle");
    input(model, io, FeelLiterals.expression(task.workerKind()), "workerKind");
    input(model, io, FeelLiterals.expression(task.score()), "score");
    input(model, io, FeelLiterals.expression(task.estimate()), "estimate");
    input(model, io, FeelLiterals.expression(task.acceptance()), "acceptance");
    input(model, io, FeelLiterals.expression(task.review()), "review");
    input(model, io, FeelLiterals.expression(task.forceRun()), "forceRun");
    input(model, io, FeelLiterals.expression(task.inputs()), "inputs");
    // One top-level result variable per task. A nested target such as `tasks.<id>` loses updates
    // when parallel call activities complete (seen on the engine), a variable of its own cannot.
    ZeebeOutput out = model.newInstance(ZeebeOutput.class);
    out.setSource("={outcome: taskOutcome, tier: tier, result: result, reworkCount: reworkCount}");
    out.setTarget(taskResultVariable(task.taskId()));
    io.addChildElement(out);
    ext.addChildElement(io);
    call.addChildElement(ext);
    return call;
  }

  private UserTask gateTask(BpmnModelInstance model, GateTask gate) {
    UserTask task = model.newInstance(UserTask.class);
    ExtensionElements ext = model.newInstance(ExtensionElements.class);
    ZeebeFormDefinition form = model.newInstance(ZeebeFormDefinition.class);
    form.setFormId(gate.formId());
    ext.addChildElement(form);
    ZeebeAssignmentDefinition assignment = model.newInstance(ZeebeAssignmentDefinition.class);
    assignment.setCandidateGroups(LifecycleContract.GATE_CANDIDATE_GROUPS);
    ext.addChildElement(assignment);
    ZeebeIoMapping io = model.newInstance(ZeebeIoMapping.class);
    input(model, io, FeelLiterals.expression(gate.gateId()), "gateId");
    input(model, io, FeelLiterals.expression(gate.title()), "gateTitle");
    input(model, io, FeelLiterals.expression(gate.criteria()), "criteria");
    ZeebeOutput out = model.newInstance(ZeebeOutput.class);
    out.setSource("={passed: true, comment: comment}");
    out.setTarget(gateResultVariable(gate.gateId()));
    io.addChildElement(out);
    ext.addChildElement(io);
    task.addChildElement(ext);
    return task;
  }

  /** Interrupting error boundary for "abort sprint", leading to a terminate end that ends every branch. */
  private void abortPath(BpmnModelInstance model, Process process, BpmnPlane plane, CallActivity call, Error abort,
      dev.sprintflow.compiler.layout.Bounds bounds) {
    BoundaryEvent boundary = model.newInstance(BoundaryEvent.class);
    boundary.setId("abort_" + call.getId());
    boundary.setName("Abort");
    boundary.setAttachedTo(call);
    boundary.setCancelActivity(true);
    ErrorEventDefinition def = model.newInstance(ErrorEventDefinition.class);
    def.setId("abort_" + call.getId() + "_definition");
    def.setError(abort);
    boundary.getEventDefinitions().add(def);
    process.addChildElement(boundary);

    EndEvent end = model.newInstance(EndEvent.class);
    end.setId("aborted_" + call.getId());
    end.setName("Sprint aborted");
    TerminateEventDefinition terminate = model.newInstance(TerminateEventDefinition.class);
    terminate.setId("aborted_" + call.getId() + "_definition");
    end.getEventDefinitions().add(terminate);
    process.addChildElement(end);

    double e = ShapeSizes.EVENT;
    double cx = bounds.x() + bounds.width() - 30; // right of centre: clear of the incoming flow's label area
    var boundaryBounds = new dev.sprintflow.compiler.layout.Bounds(cx - e / 2, bounds.bottom() - e / 2, e, e);
    var endBounds = new dev.sprintflow.compiler.layout.Bounds(cx - e / 2, boundaryBounds.bottom() + 30, e, e);
    double[] label = ShapeSizes.label("Sprint aborted");
    var endLabel = new dev.sprintflow.compiler.layout.Bounds(
        Math.round(cx - label[0] / 2), endBounds.bottom() + 4, label[0], label[1]);
    // "Abort" sits left of the boundary event, inside the zone kept free under the task.
    double[] abortLabel = ShapeSizes.label("Abort");
    var boundaryLabel = new dev.sprintflow.compiler.layout.Bounds(
        Math.round(boundaryBounds.x() - abortLabel[0] - 4), boundaryBounds.bottom() - abortLabel[1], abortLabel[0], abortLabel[1]);
    shape(model, plane, boundary, boundaryBounds, boundaryLabel);
    shape(model, plane, end, endBounds, endLabel);
    SequenceFlow flow = flow(model, process, "flow_abort_" + call.getId(), boundary, end);
    edge(model, plane, flow, List.of(new Point(cx, boundaryBounds.bottom()), new Point(cx, endBounds.y())));
  }

  private static void input(BpmnModelInstance model, ZeebeIoMapping io, String source, String target) {
    ZeebeInput input = model.newInstance(ZeebeInput.class);
    input.setSource(source);
    input.setTarget(target);
    io.addChildElement(input);
  }

  private static SequenceFlow flow(BpmnModelInstance model, Process process, String id, FlowNode from, FlowNode to) {
    SequenceFlow flow = model.newInstance(SequenceFlow.class);
    flow.setId(id);
    process.addChildElement(flow);
    flow.setSource(from);
    flow.setTarget(to);
    from.getOutgoing().add(flow);
    to.getIncoming().add(flow);
    return flow;
  }

  private static void shape(BpmnModelInstance model, BpmnPlane plane, BaseElement element,
      dev.sprintflow.compiler.layout.Bounds b, dev.sprintflow.compiler.layout.Bounds label) {
    BpmnShape shape = model.newInstance(BpmnShape.class);
    shape.setId(element.getId() + "_di");
    shape.setBpmnElement(element);
    shape.setBounds(bounds(model, b));
    if (label != null) {
      BpmnLabel l = model.newInstance(BpmnLabel.class);
      l.setAttributeValue("id", element.getId() + "_label", true); // the API's default id is random
      l.setBounds(bounds(model, label));
      shape.setBpmnLabel(l);
    }
    plane.addChildElement(shape);
  }

  private static void edge(BpmnModelInstance model, BpmnPlane plane, SequenceFlow flow, List<Point> points) {
    BpmnEdge edge = model.newInstance(BpmnEdge.class);
    edge.setId(flow.getId() + "_di");
    edge.setBpmnElement(flow);
    for (Point p : points) {
      Waypoint w = model.newInstance(Waypoint.class);
      w.setX(p.x());
      w.setY(p.y());
      edge.addChildElement(w);
    }
    plane.addChildElement(edge);
  }

  private static Bounds bounds(BpmnModelInstance model, dev.sprintflow.compiler.layout.Bounds b) {
    Bounds bounds = model.newInstance(Bounds.class);
    bounds.setX(b.x());
    bounds.setY(b.y());
    bounds.setWidth(b.width());
    bounds.setHeight(b.height());
    return bounds;
  }

  /** Parent variable holding a task's outcome, e.g. {@code task_port_cartridge_backend}. */
  public static String taskResultVariable(String taskId) {
    return "task_" + variableName(taskId);
  }

  /** Parent variable holding a gate's verification, e.g. {@code gate_tier_1}. */
  public static String gateResultVariable(String gateId) {
    return "gate_" + variableName(gateId);
  }

  /** Plan slugs use '-', which FEEL names cannot; slugs have no '_', so this cannot collide. */
  static String variableName(String slug) {
    return slug.replace('-', '_');
  }
}
