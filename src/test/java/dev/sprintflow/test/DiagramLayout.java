package dev.sprintflow.test;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnLabel;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks a diagram's interchange (DI) the way a reader would notice: every element and flow is
 * drawn, labels exist, no shapes overlap, flows start and end on their elements and pass through
 * no other element, labels sit clear of shapes and of each other. Returns readable problems.
 */
public final class DiagramLayout {

  /** An axis-aligned rectangle. */
  record Box(double x, double y, double w, double h) {
    static Box of(Bounds b) {
      return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    boolean overlaps(Box o, double pad) {
      return x < o.x + o.w + pad && o.x < x + w + pad && y < o.y + o.h + pad && o.y < y + h + pad;
    }

    boolean contains(Box o) {
      return x <= o.x && y <= o.y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }

    Box shrink(double by) {
      return new Box(x + by, y + by, w - 2 * by, h - 2 * by);
    }

    boolean onBorder(double px, double py, double tolerance) {
      boolean inside = px >= x - tolerance && px <= x + w + tolerance && py >= y - tolerance && py <= y + h + tolerance;
      boolean near = Math.min(Math.min(Math.abs(px - x), Math.abs(px - x - w)), Math.min(Math.abs(py - y), Math.abs(py - y - h)))
          <= tolerance;
      return inside && near;
    }

    /** Liang-Barsky: does the segment p-q enter the box's interior? */
    boolean crossedBy(double x1, double y1, double x2, double y2) {
      double t0 = 0;
      double t1 = 1;
      double dx = x2 - x1;
      double dy = y2 - y1;
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {x1 - x, x + w - x1, y1 - y, y + h - y1};
      for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
          if (q[i] <= 0) {
            return false;
          }
        } else {
          double t = q[i] / p[i];
          if (p[i] < 0) {
            t0 = Math.max(t0, t);
          } else {
            t1 = Math.min(t1, t);
          }
          if (t0 >= t1) {
            return false;
          }
        }
      }
      return true;
    }
  }

  private DiagramLayout() {}

  public static List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    Map<String, Box> shapes = new LinkedHashMap<>();
    Map<String, Box> labels = new LinkedHashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      shapes.put(element.getId(), Box.of(shape.getBounds()));
      BpmnLabel label = shape.getBpmnLabel();
      if (label != null && label.getBounds() != null) {
        labels.put("label of " + element.getId(), Box.of(label.getBounds()));
      } else if (element instanceof Event || element instanceof Gateway && hasName(element)) {
        problems.add(element.getId() + " has no label bounds");
      }
    }
    Map<String, List<double[]>> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      List<double[]> points = edge.getWaypoints().stream().map(w -> new double[] {w.getX(), w.getY()}).toList();
      edges.put(edge.getBpmnElement().getId(), points);
      BpmnLabel label = edge.getBpmnLabel();
      if (label != null && label.getBounds() != null) {
        labels.put("label of " + edge.getBpmnElement().getId(), Box.of(label.getBounds()));
      } else if (hasName(edge.getBpmnElement())) {
        problems.add("flow " + edge.getBpmnElement().getId() + " has a name but no label bounds");
      }
    }

    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    for (FlowNode node : nodes) {
      if (!shapes.containsKey(node.getId())) {
        problems.add(node.getId() + " has no BPMNShape");
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        Box ba = shapes.get(a.getId());
        Box bb = shapes.get(b.getId());
        if (ba == null || bb == null || nests(a, b) || nests(b, a) || attached(a, b) || attached(b, a)) {
          continue;
        }
        if (ba.overlaps(bb, 0)) {
          problems.add("shapes of " + a.getId() + " and " + b.getId() + " overlap");
        }
      }
      if (nodes.get(i) instanceof BoundaryEvent be && shapes.containsKey(be.getId())) {
        Box e = shapes.get(be.getId());
        Box host = shapes.get(be.getAttachedTo().getId());
        if (host != null && !host.onBorder(e.x() + e.w() / 2, e.y() + e.h() / 2, 1)) {
          problems.add(be.getId() + " is not drawn on the border of " + be.getAttachedTo().getId());
        }
      }
    }

    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      List<double[]> points = edges.get(flow.getId());
      if (points == null || points.size() < 2) {
        problems.add("flow " + flow.getId() + " has no BPMNEdge with at least two waypoints");
        continue;
      }
      FlowNode source = flow.getSource();
      FlowNode target = flow.getTarget();
      double[] first = points.get(0);
      double[] last = points.get(points.size() - 1);
      if (!shapes.get(source.getId()).onBorder(first[0], first[1], 1)) {
        problems.add("flow " + flow.getId() + " does not start on the border of " + source.getId());
      }
      if (!shapes.get(target.getId()).onBorder(last[0], last[1], 1)) {
        problems.add("flow " + flow.getId() + " does not end on the border of " + target.getId());
      }
      for (int k = 0; k + 1 < points.size(); k++) {
        double[] p = points.get(k);
        double[] q = points.get(k + 1);
        for (FlowNode node : nodes) {
          if (node == source || node == target || encloses(node, source) || encloses(node, target) || attached(source, node)) {
            continue;
          }
          Box box = shapes.get(node.getId());
          if (box != null && box.shrink(1).crossedBy(p[0], p[1], q[0], q[1])) {
            problems.add("flow " + flow.getId() + " passes through " + node.getId());
          }
        }
      }
    }

    List<String> labelIds = new ArrayList<>(labels.keySet());
    for (int i = 0; i < labelIds.size(); i++) {
      Box label = labels.get(labelIds.get(i));
      for (Map.Entry<String, Box> shape : shapes.entrySet()) {
        ModelElementInstance element = model.getModelElementById(shape.getKey());
        if (element instanceof SubProcess) {
          if (label.overlaps(shape.getValue(), 0) && !shape.getValue().contains(label)) {
            problems.add(labelIds.get(i) + " straddles the border of " + shape.getKey());
          }
        } else if (label.overlaps(shape.getValue(), 0)) {
          problems.add(labelIds.get(i) + " overlaps the shape of " + shape.getKey());
        }
      }
      for (int j = i + 1; j < labelIds.size(); j++) {
        if (label.overlaps(labels.get(labelIds.get(j)), 0)) {
          problems.add(labelIds.get(i) + " overlaps " + labelIds.get(j));
        }
      }
    }
    return problems;
  }

  private static boolean hasName(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name != null && !name.isBlank();
  }

  /** inner lies (at any depth) inside the subprocess outer. */
  private static boolean nests(FlowNode outer, FlowNode inner) {
    return encloses(outer, inner);
  }

  private static boolean encloses(FlowNode outer, FlowNode inner) {
    if (!(outer instanceof SubProcess)) {
      return false;
    }
    for (ModelElementInstance p = inner.getParentElement(); p != null; p = p.getParentElement()) {
      if (p == outer) {
        return true;
      }
    }
    return false;
  }

  private static boolean attached(FlowNode event, FlowNode host) {
    return event instanceof BoundaryEvent be && be.getAttachedTo() == host && host instanceof Activity;
  }
}
