package dev.sprintflow.compiler.layout;

import dev.sprintflow.compiler.graph.FlowEdge;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.graph.FlowNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a compiled sprint with Eclipse ELK's layered algorithm: left to right, orthogonal
 * edges, layer-sweep crossing minimisation, network-simplex placement (which keeps a join on the
 * line of its branches). Each node gets one west and one east port so that every flow enters a
 * shape on its left and leaves on its right, as people draw BPMN. A fixed random seed keeps the
 * result, and so the XML, identical from run to run.
 */
public final class ElkDiagramLayouter {

  /** Up to this many flow nodes (a few hundred tasks) the layout favours looks over speed. */
  static final int SMALL_GRAPH_NODES = 300;

  /** Room around the diagram so it does not stick to Modeler's canvas edge. */
  static final double ORIGIN_X = 150;
  static final double ORIGIN_Y = 80;

  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  public DiagramLayout layout(FlowGraph graph) {
    boolean small = graph.nodes().size() <= SMALL_GRAPH_NODES;
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.RANDOM_SEED, 1);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
    root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
    // Network simplex lines joins up with their branches and model order keeps the plan's order top
    // to bottom; both cost super-linear time, so very large generated plans use Brandes-Koepf
    // placement and free ordering instead (docs/benchmarks.md has the figures).
    root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY,
        small ? NodePlacementStrategy.NETWORK_SIMPLEX : NodePlacementStrategy.BRANDES_KOEPF);
    root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
        small ? OrderingStrategy.NODES_AND_EDGES : OrderingStrategy.NONE);

    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 20.0);
    root.setProperty(LayeredOptions.SPACING_LABEL_NODE, 6.0);

    Map<String, ElkNode> nodes = new LinkedHashMap<>();
    Map<String, ElkPort[]> ports = new LinkedHashMap<>();
    for (FlowNode n : graph.nodes()) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier(n.id());
      double w = ShapeSizes.width(n.kind()), h = ShapeSizes.height(n.kind());
      double reserved = n.kind() == FlowNode.Kind.TASK ? ShapeSizes.ABORT_ZONE : 0;
      node.setDimensions(w, h + reserved);
      if (small) {
        node.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
        ElkPort in = port(node, 0, h / 2, PortSide.WEST);
        ElkPort out = port(node, w, h / 2, PortSide.EAST);
        ports.put(n.id(), new ElkPort[] {in, out});
      }
      if (hasExternalLabel(n)) {
        ElkLabel label = ElkGraphUtil.createLabel(n.name(), node);
        double[] size = ShapeSizes.label(n.name());
        label.setDimensions(size[0], size[1]);
        node.setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.outsideBottomCenter());
        node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.noneOf(SizeConstraint.class));
      }
      nodes.put(n.id(), node);
    }
    Map<String, ElkEdge> edges = new LinkedHashMap<>();
    for (FlowEdge e : graph.edges()) {
      edges.put(e.id(), small
          ? ElkGraphUtil.createSimpleEdge(ports.get(e.source())[1], ports.get(e.target())[0])
          // One shared port per side turns a gateway's flows into hyperedges, whose crossing
          // count is quadratic; large graphs let ELK give every flow its own port instead.
          : ElkGraphUtil.createSimpleEdge(nodes.get(e.source()), nodes.get(e.target())));
    }

    runWithLargeStack(() -> new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor()));

    Map<String, Bounds> shapes = new LinkedHashMap<>();
    Map<String, Bounds> labels = new LinkedHashMap<>();
    Map<String, FlowNode> byId = graph.nodesById();
    nodes.forEach((id, node) -> {
      // The shape itself; a task's reserved abort zone below it stays empty for the writer.
      double h = ShapeSizes.height(byId.get(id).kind());
      Bounds b = new Bounds(round(ORIGIN_X + node.getX()), round(ORIGIN_Y + node.getY()), node.getWidth(), h);
      shapes.put(id, b);
      if (!node.getLabels().isEmpty()) {
        ElkLabel l = node.getLabels().get(0);
        labels.put(id, new Bounds(round(b.x() + l.getX()), round(b.y() + l.getY()), Math.ceil(l.getWidth()), l.getHeight()));
      }
    });
    Map<String, List<Point>> waypoints = new LinkedHashMap<>();
    edges.forEach((id, edge) -> waypoints.put(id, route(edge)));
    return new DiagramLayout(shapes, labels, waypoints);
  }

  /** ELK's network simplex walks the graph recursively; a default stack overflows near 1,000 tasks. */
  static final long LAYOUT_STACK_BYTES = 512L * 1024 * 1024;

  private static void runWithLargeStack(Runnable layout) {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        layout.run();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "elk-layout", LAYOUT_STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during layout", e);
    }
    if (failure[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failure[0] instanceof Error err) {
      throw err;
    }
  }

  private static boolean hasExternalLabel(FlowNode n) {
    return (n.kind() == FlowNode.Kind.START || n.kind() == FlowNode.Kind.END) && n.name() != null && !n.name().isBlank();
  }

  private static ElkPort port(ElkNode node, double x, double y, PortSide side) {
    ElkPort port = ElkGraphUtil.createPort(node);
    port.setDimensions(0, 0);
    port.setLocation(x, y);
    port.setProperty(CoreOptions.PORT_SIDE, side);
    return port;
  }

  private static List<Point> route(ElkEdge edge) {
    List<Point> points = new ArrayList<>();
    ElkEdgeSection s = edge.getSections().get(0);
    points.add(new Point(round(ORIGIN_X + s.getStartX()), round(ORIGIN_Y + s.getStartY())));
    for (ElkBendPoint bp : s.getBendPoints()) {
      points.add(new Point(round(ORIGIN_X + bp.getX()), round(ORIGIN_Y + bp.getY())));
    }
    points.add(new Point(round(ORIGIN_X + s.getEndX()), round(ORIGIN_Y + s.getEndY())));
    return points;
  }

  /** Whole pixels: stable XML and crisp lines in Modeler. */
  private static double round(double v) {
    return Math.round(v);
  }
}
