package dev.sprintflow.compiler.bpmn;

import dev.sprintflow.compiler.graph.FlowEdge;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.graph.FlowNode;
import dev.sprintflow.compiler.layout.Bounds;
import dev.sprintflow.compiler.layout.DiagramLayout;
import dev.sprintflow.compiler.layout.Point;
import dev.sprintflow.compiler.layout.ShapeSizes;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a laid-out sprint graph as executable BPMN with full diagram interchange: every flow
 * node has a shape, every flow an edge with waypoints, every event its label bounds. It streams
 * XML (StAX) in one pass: the Zeebe model API resolves references by searching the document, which
 * made writing quadratic (6 s for 100 tasks). The result is parsed and validated by
 * {@code SprintCompiler}. Every id derives from the plan, so the same plan gives the same bytes.
 */
public final class SprintProcessWriter {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";
  /** Diagrams target Camunda 8.6 so they also run on the local 8.6 stack. */
  static final String PLATFORM_VERSION = "8.6.0";
  static final String ABORT_ERROR_ID = "error_sprint_aborted";
  /** Id prefix of the terminate end events "Sprint aborted" (one per call activity). */
  public static final String ABORTED_END_PREFIX = "aborted_";

  /**
   * Everything needed to write one sprint process.
   *
   * @param progressListeners whether gates and end events carry the progress execution listeners
   *     (docs/progress.md); without them the process runs without Sprintflow's progress worker
   */
  public record Input(
      String processId,
      String name,
      String documentation,
      FlowGraph graph,
      DiagramLayout layout,
      Map<String, TaskCall> tasks,
      Map<String, GateTask> gates,
      boolean progressListeners) {}

  /** An abort path of one call activity: boundary event, terminate end, the flow between, their DI. */
  private record AbortPath(String callId, Bounds boundary, Bounds boundaryLabel, Bounds end, Bounds endLabel, double x) {
    String boundaryId() {
      return "abort_" + callId;
    }

    String endId() {
      return ABORTED_END_PREFIX + callId;
    }

    String flowId() {
      return "flow_abort_" + callId;
    }
  }

  public String write(Input in) {
    StringWriter out = new StringWriter(64 * 1024);
    try {
      Xml xml = new Xml(XMLOutputFactory.newInstance().createXMLStreamWriter(out));
      write(xml, in);
      xml.w.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write BPMN XML: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private void write(Xml x, Input in) throws XMLStreamException {
    String pid = in.processId();
    String flat = pid.replace('-', '_');
    Map<String, List<String>> incoming = new LinkedHashMap<>();
    Map<String, List<String>> outgoing = new LinkedHashMap<>();
    for (FlowEdge e : in.graph().edges()) {
      outgoing.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.id());
      incoming.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e.id());
    }
    List<AbortPath> aborts = new ArrayList<>();
    for (FlowNode n : in.graph().nodes()) {
      if (n.kind() == FlowNode.Kind.TASK) {
        aborts.add(abortPath(n.id(), in.layout().shapes().get(n.id())));
      }
    }

    x.w.writeStartDocument("UTF-8", "1.0");
    x.nl(0);
    x.w.writeStartElement("bpmn", "definitions", BPMN);
    x.w.writeNamespace("bpmn", BPMN);
    x.w.writeNamespace("bpmndi", BPMNDI);
    x.w.writeNamespace("dc", DC);
    x.w.writeNamespace("di", DI);
    x.w.writeNamespace("zeebe", ZEEBE);
    x.w.writeNamespace("modeler", MODELER);
    x.attr("id", "definitions_" + flat);
    x.attr("targetNamespace", "https://sprintflow.dev/bpmn/" + pid);
    x.attr("exporter", "Sprintflow");
    x.attr("exporterVersion", "1");
    x.w.writeAttribute("modeler", MODELER, "executionPlatform", "Camunda Cloud");
    x.w.writeAttribute("modeler", MODELER, "executionPlatformVersion", PLATFORM_VERSION);

    x.empty(1, "bpmn", BPMN, "error", "id", ABORT_ERROR_ID, "name", "Sprint aborted",
        "errorCode", LifecycleContract.ABORT_CODE);

    x.start(1, "bpmn", BPMN, "process", "id", pid, "name", in.name(), "isExecutable", "true");
    if (in.documentation() != null && !in.documentation().isBlank()) {
      x.start(2, "bpmn", BPMN, "documentation");
      x.w.writeCharacters(in.documentation());
      x.w.writeEndElement();
    }
    for (FlowNode n : in.graph().nodes()) {
      node(x, n, in, incoming.getOrDefault(n.id(), List.of()), outgoing.getOrDefault(n.id(), List.of()));
    }
    for (AbortPath a : aborts) {
      x.start(2, "bpmn", BPMN, "boundaryEvent", "id", a.boundaryId(), "name", "Abort", "attachedToRef", a.callId());
      x.text(3, "bpmn", BPMN, "outgoing", a.flowId());
      x.empty(3, "bpmn", BPMN, "errorEventDefinition", "id", a.boundaryId() + "_definition", "errorRef", ABORT_ERROR_ID);
      x.end(2);
      x.start(2, "bpmn", BPMN, "endEvent", "id", a.endId(), "name", "Sprint aborted");
      if (in.progressListeners()) {
        x.start(3, "bpmn", BPMN, "extensionElements");
        progressListeners(x, true, false);
        x.end(3);
      }
      x.text(3, "bpmn", BPMN, "incoming", a.flowId());
      x.empty(3, "bpmn", BPMN, "terminateEventDefinition", "id", a.endId() + "_definition");
      x.end(2);
    }
    for (FlowEdge e : in.graph().edges()) {
      x.empty(2, "bpmn", BPMN, "sequenceFlow", "id", e.id(), "sourceRef", e.source(), "targetRef", e.target());
    }
    for (AbortPath a : aborts) {
      x.empty(2, "bpmn", BPMN, "sequenceFlow", "id", a.flowId(), "sourceRef", a.boundaryId(), "targetRef", a.endId());
    }
    x.end(1);

    x.start(1, "bpmndi", BPMNDI, "BPMNDiagram", "id", "diagram_" + flat);
    x.start(2, "bpmndi", BPMNDI, "BPMNPlane", "id", "plane_" + flat, "bpmnElement", pid);
    for (FlowNode n : in.graph().nodes()) {
      shape(x, n.id(), in.layout().shapes().get(n.id()), in.layout().labels().get(n.id()));
    }
    for (AbortPath a : aborts) {
      shape(x, a.boundaryId(), a.boundary(), a.boundaryLabel());
      shape(x, a.endId(), a.end(), a.endLabel());
    }
    for (FlowEdge e : in.graph().edges()) {
      edge(x, e.id(), in.layout().waypoints().get(e.id()));
    }
    for (AbortPath a : aborts) {
      edge(x, a.flowId(), List.of(new Point(a.x(), a.boundary().bottom()), new Point(a.x(), a.end().y())));
    }
    x.end(2);
    x.end(1);
    x.end(0);
    x.w.writeCharacters("\n");
    x.w.writeEndDocument();
  }

  private void node(Xml x, FlowNode n, Input in, List<String> incoming, List<String> outgoing) throws XMLStreamException {
    String tag = switch (n.kind()) {
      case START -> "startEvent";
      case END -> "endEvent";
      case FORK, JOIN -> "parallelGateway";
      case TASK -> "callActivity";
      case GATE -> "userTask";
    };
    if (n.name() != null) {
      x.start(2, "bpmn", BPMN, tag, "id", n.id(), "name", n.name());
    } else {
      x.start(2, "bpmn", BPMN, tag, "id", n.id());
    }
    if (n.kind() == FlowNode.Kind.TASK) {
      callActivityExtensions(x, in.tasks().get(n.ref()));
    } else if (n.kind() == FlowNode.Kind.GATE) {
      gateExtensions(x, in.gates().get(n.ref()), in.progressListeners());
    } else if (n.kind() == FlowNode.Kind.END && in.progressListeners()) {
      x.start(3, "bpmn", BPMN, "extensionElements");
      progressListeners(x, true, false);
      x.end(3);
    }
    for (String flow : incoming) {
      x.text(3, "bpmn", BPMN, "incoming", flow);
    }
    for (String flow : outgoing) {
      x.text(3, "bpmn", BPMN, "outgoing", flow);
    }
    x.end(2);
  }

  private void callActivityExtensions(Xml x, TaskCall task) throws XMLStreamException {
    x.start(3, "bpmn", BPMN, "extensionElements");
    x.empty(4, "zeebe", ZEEBE, "calledElement", "processId", LifecycleContract.PROCESS_ID,
        "propagateAllChildVariables", "false");
    x.start(4, "zeebe", ZEEBE, "ioMapping");
    input(x, "=sprintId", "sprintId");
    input(x, FeelLiterals.expression(task.taskId()), "taskId");
    input(x, FeelLiterals.expression(task.title()), "taskTitle");
    input(x, FeelLiterals.expression(task.workerKind()), "workerKind");
    input(x, FeelLiterals.expression(task.score()), "score");
    input(x, FeelLiterals.expression(task.estimate()), "estimate");
    input(x, FeelLiterals.expression(task.acceptance()), "acceptance");
    input(x, FeelLiterals.expression(task.review()), "review");
    input(x, FeelLiterals.expression(task.forceRun()), "forceRun");
    input(x, FeelLiterals.expression(task.inputs()), "inputs");
    // One top-level result variable per task. A nested target such as `tasks.<id>` loses updates
    // when parallel call activities complete (seen on the engine), a variable of its own cannot.
    x.empty(5, "zeebe", ZEEBE, "output",
        "source", "={outcome: taskOutcome, tier: tier, result: result, reworkCount: reworkCount}",
        "target", taskResultVariable(task.taskId()));
    x.end(4);
    x.end(3);
  }

  private void gateExtensions(Xml x, GateTask gate, boolean progress) throws XMLStreamException {
    x.start(3, "bpmn", BPMN, "extensionElements");
    if (progress) {
      progressListeners(x, true, true);
    }
    x.empty(4, "zeebe", ZEEBE, "formDefinition", "formId", LifecycleContract.GATE_FORM_ID);
    x.empty(4, "zeebe", ZEEBE, "assignmentDefinition", "candidateGroups", LifecycleContract.GATE_CANDIDATE_GROUPS);
    x.start(4, "zeebe", ZEEBE, "taskHeaders");
    x.empty(5, "zeebe", ZEEBE, "header", "key", LifecycleContract.KIND_HEADER, "value", LifecycleContract.GATE_KIND);
    x.empty(5, "zeebe", ZEEBE, "header", "key", LifecycleContract.FORM_HEADER, "value", LifecycleContract.GATE_FORM_ID);
    x.end(4);
    x.start(4, "zeebe", ZEEBE, "ioMapping");
    input(x, "=sprintId", "sprintId");
    input(x, FeelLiterals.expression(gate.gateId()), "gateId");
    input(x, FeelLiterals.expression(gate.title()), "gateTitle");
    input(x, FeelLiterals.expression(gate.criteria()), "criteria");
    List<Map<String, String>> options = new ArrayList<>();
    for (int i = 0; i < gate.criteria().size(); i++) {
      options.add(Map.of("label", gate.criteria().get(i), "value", "criterion-" + (i + 1)));
    }
    input(x, FeelLiterals.expression(options), "criteriaOptions");
    // A failed gate does not stop the sprint: it is recorded for the lead and the report.
    x.empty(5, "zeebe", ZEEBE, "output",
        "source", "={passed: decision = \"passed\", decision: decision, comment: comment, verified: verifiedCriteria}",
        "target", gateResultVariable(gate.gateId()));
    x.end(4);
    x.end(3);
  }

  /** Listeners whose jobs the progress worker records: a gate opens and is decided, the sprint ends. */
  private static void progressListeners(Xml x, boolean start, boolean end) throws XMLStreamException {
    x.start(4, "zeebe", ZEEBE, "executionListeners");
    if (start) {
      x.empty(5, "zeebe", ZEEBE, "executionListener", "eventType", "start",
          "type", LifecycleContract.PROGRESS_START_JOB_TYPE, "retries", LifecycleContract.PROGRESS_RETRIES);
    }
    if (end) {
      x.empty(5, "zeebe", ZEEBE, "executionListener", "eventType", "end",
          "type", LifecycleContract.PROGRESS_END_JOB_TYPE, "retries", LifecycleContract.PROGRESS_RETRIES);
    }
    x.end(4);
  }

  private static void input(Xml x, String source, String target) throws XMLStreamException {
    x.empty(5, "zeebe", ZEEBE, "input", "source", source, "target", target);
  }

  /** The abort boundary sits right of centre under the task, in the zone ELK kept free for it. */
  private static AbortPath abortPath(String callId, Bounds task) {
    double e = ShapeSizes.EVENT;
    double cx = task.x() + task.width() - 30;
    Bounds boundary = new Bounds(cx - e / 2, task.bottom() - e / 2, e, e);
    Bounds end = new Bounds(cx - e / 2, boundary.bottom() + 30, e, e);
    double[] abortLabel = ShapeSizes.label("Abort");
    Bounds boundaryLabel = new Bounds(Math.round(boundary.x() - abortLabel[0] - 4), boundary.bottom() - abortLabel[1],
        abortLabel[0], abortLabel[1]);
    double[] endLabel = ShapeSizes.label("Sprint aborted");
    Bounds endLabelBounds = new Bounds(Math.round(cx - endLabel[0] / 2), end.bottom() + 4, endLabel[0], endLabel[1]);
    return new AbortPath(callId, boundary, boundaryLabel, end, endLabelBounds, cx);
  }

  private static void shape(Xml x, String elementId, Bounds b, Bounds label) throws XMLStreamException {
    x.start(3, "bpmndi", BPMNDI, "BPMNShape", "id", elementId + "_di", "bpmnElement", elementId);
    bounds(x, 4, b);
    if (label != null) {
      x.start(4, "bpmndi", BPMNDI, "BPMNLabel", "id", elementId + "_label");
      bounds(x, 5, label);
      x.end(4);
    }
    x.end(3);
  }

  private static void edge(Xml x, String flowId, List<Point> points) throws XMLStreamException {
    x.start(3, "bpmndi", BPMNDI, "BPMNEdge", "id", flowId + "_di", "bpmnElement", flowId);
    for (Point p : points) {
      x.empty(4, "di", DI, "waypoint", "x", num(p.x()), "y", num(p.y()));
    }
    x.end(3);
  }

  private static void bounds(Xml x, int depth, Bounds b) throws XMLStreamException {
    x.empty(depth, "dc", DC, "Bounds", "x", num(b.x()), "y", num(b.y()), "width", num(b.width()), "height", num(b.height()));
  }

  /** Whole numbers without ".0", as Modeler writes them. */
  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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

  /** A StAX writer with two-space indentation, one element per line. */
  private static final class Xml {
    final XMLStreamWriter w;

    Xml(XMLStreamWriter w) {
      this.w = w;
    }

    void nl(int depth) throws XMLStreamException {
      w.writeCharacters("\n" + "  ".repeat(depth));
    }

    void attr(String name, String value) throws XMLStreamException {
      w.writeAttribute(name, value);
    }

    void start(int depth, String prefix, String ns, String name, String... attrs) throws XMLStreamException {
      if (depth > 0) {
        nl(depth);
      }
      w.writeStartElement(prefix, name, ns);
      for (int i = 0; i < attrs.length; i += 2) {
        w.writeAttribute(attrs[i], attrs[i + 1]);
      }
    }

    void empty(int depth, String prefix, String ns, String name, String... attrs) throws XMLStreamException {
      nl(depth);
      w.writeEmptyElement(prefix, name, ns);
      for (int i = 0; i < attrs.length; i += 2) {
        w.writeAttribute(attrs[i], attrs[i + 1]);
      }
    }

    void text(int depth, String prefix, String ns, String name, String text) throws XMLStreamException {
      nl(depth);
      w.writeStartElement(prefix, name, ns);
      w.writeCharacters(text);
      w.writeEndElement();
    }

    void end(int depth) throws XMLStreamException {
      nl(depth);
      w.writeEndElement();
    }
  }
}
