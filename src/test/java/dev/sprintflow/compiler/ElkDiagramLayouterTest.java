package dev.sprintflow.compiler;

import static dev.sprintflow.compiler.graph.FlowNode.Kind.GATE;
import static dev.sprintflow.compiler.graph.FlowNode.Kind.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.compiler.graph.FlowEdge;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.graph.FlowGraphBuilder;
import dev.sprintflow.compiler.graph.WorkItem;
import dev.sprintflow.compiler.layout.Bounds;
import dev.sprintflow.compiler.layout.DiagramLayout;
import dev.sprintflow.compiler.layout.ElkDiagramLayouter;
import dev.sprintflow.compiler.layout.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElkDiagramLayouterTest {

  /** The production sprint's shape: one port, five items after it, verification after all, three gates. */
  static FlowGraph productionShape() {
    List<WorkItem> items = new ArrayList<>();
    items.add(new WorkItem("task_port", TASK, "Port Cartridge Backend", "port", List.of()));
    List<String> all = new ArrayList<>(List.of("task_port"));
    for (String t : List.of("rbac", "gmail", "slack", "gads", "meta")) {
      items.add(new WorkItem("task_" + t, TASK, t, t, List.of("task_port")));
      all.add("task_" + t);
    }
    items.add(new WorkItem("task_final", TASK, "Final Verification", "final", all));
    for (String gate : List.of("tier1", "tier2", "tier3")) {
      items.add(new WorkItem("gate_" + gate, GATE, gate, gate, List.of("task_final")));
    }
    return FlowGraphBuilder.build(items, "Sprint started", "Sprint completed");
  }

  static FlowGraph randomDag(int n, long seed) {
    Random random = new Random(seed);
    List<WorkItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> after = new ArrayList<>();
      for (int k = 0; k < 3 && i > 0; k++) {
        String dep = "t" + random.nextInt(Math.max(1, i));
        if (random.nextDouble() < 0.6 && !after.contains(dep) && !dep.equals("t" + i)) {
          after.add(dep);
        }
      }
      items.add(new WorkItem("t" + i, TASK, "Task " + i, "t" + i, after));
    }
    return FlowGraphBuilder.build(items, "Sprint started", "Sprint completed");
  }

  @Test
  void productionShapeHasNoOverlapsAndNoEdgeThroughAShape() {
    assertCleanLayout(productionShape());
  }

  @Test
  void generatedDagsHaveNoOverlapsAndNoEdgeThroughAShape() {
    for (long seed = 1; seed <= 3; seed++) {
      assertCleanLayout(randomDag(60, seed));
    }
  }

  @Test
  void largePlansUseTheFastSettingsAndStayClean() {
    FlowGraph g = randomDag(250, 11);
    assertThat(g.nodes().size()).isGreaterThan(300); // past the small-graph threshold
    assertCleanLayout(g);
  }

  @Test
  void layoutIsDeterministic() {
    DiagramLayout a = new ElkDiagramLayouter().layout(randomDag(40, 7));
    DiagramLayout b = new ElkDiagramLayouter().layout(randomDag(40, 7));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aJoinSitsOnTheLineOfItsBranchesAndFlowsRunLeftToRight() {
    FlowGraph g = productionShape();
    DiagramLayout layout = new ElkDiagramLayouter().layout(g);
    Bounds join = layout.shapes().get("join_before_task_final");
    List<Bounds> branches = g.incoming("join_before_task_final").stream()
        .map(e -> layout.shapes().get(e.source())).toList();
    double top = branches.stream().mapToDouble(Bounds::y).min().orElseThrow();
    double bottom = branches.stream().mapToDouble(Bounds::bottom).max().orElseThrow();
    assertThat(join.centerY()).isBetween(top, bottom);
    for (FlowEdge e : g.edges()) {
      assertThat(layout.shapes().get(e.source()).right()).as(e.id())
          .isLessThanOrEqualTo(layout.shapes().get(e.target()).x());
    }
  }

  static void assertCleanLayout(FlowGraph g) {
    DiagramLayout layout = new ElkDiagramLayouter().layout(g);
    Map<String, Bounds> shapes = layout.shapes();
    assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(g.nodesById().keySet());
    assertThat(layout.waypoints().keySet()).containsExactlyInAnyOrderElementsOf(g.edges().stream().map(FlowEdge::id).toList());
    List<Map.Entry<String, Bounds>> all = new ArrayList<>(shapes.entrySet());
    all.addAll(layout.labels().entrySet().stream().map(e -> Map.entry(e.getKey() + "#label", e.getValue())).toList());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(all.get(i).getValue().overlaps(all.get(j).getValue()))
            .as("%s overlaps %s", all.get(i).getKey(), all.get(j).getKey()).isFalse();
      }
    }
    for (FlowEdge e : g.edges()) {
      List<Point> route = layout.waypoints().get(e.id());
      assertThat(route).as(e.id()).hasSizeGreaterThanOrEqualTo(2);
      for (int k = 1; k < route.size(); k++) {
        Point a = route.get(k - 1), b = route.get(k);
        assertThat(a.x() == b.x() || a.y() == b.y()).as("%s segment %d is orthogonal", e.id(), k).isTrue();
        for (Map.Entry<String, Bounds> s : all) {
          String owner = s.getKey().replace("#label", "");
          if (owner.equals(e.source()) || owner.equals(e.target())) {
            continue;
          }
          assertThat(s.getValue().crossedBy(a, b, 1)).as("%s crosses %s", e.id(), s.getKey()).isFalse();
        }
      }
    }
  }
}
