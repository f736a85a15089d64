package dev.sprintflow.compiler;

import static dev.sprintflow.compiler.graph.FlowNode.Kind.FORK;
import static dev.sprintflow.compiler.graph.FlowNode.Kind.JOIN;
import static dev.sprintflow.compiler.graph.FlowNode.Kind.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.compiler.graph.FlowEdge;
import dev.sprintflow.compiler.graph.FlowGraph;
import dev.sprintflow.compiler.graph.FlowGraphBuilder;
import dev.sprintflow.compiler.graph.FlowNode;
import dev.sprintflow.compiler.graph.WorkItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlowGraphBuilderTest {

  static WorkItem task(String id, String... after) {
    return new WorkItem(id, TASK, id, id, List.of(after));
  }

  @Test
  void gatewaysSitExactlyWhereTheGraphForksAndJoins() {
    // a -> {b, c} -> d : one fork after a, one join before d, no other gateway
    FlowGraph g = FlowGraphBuilder.build(List.of(task("a"), task("b", "a"), task("c", "a"), task("d", "b", "c")), "s", "e");

    assertThat(g.nodes()).filteredOn(n -> n.kind() == FORK).extracting(FlowNode::id).containsExactly("fork_after_a");
    assertThat(g.nodes()).filteredOn(n -> n.kind() == JOIN).extracting(FlowNode::id).containsExactly("join_before_d");
    assertNoPassThroughGateway(g);
    assertThat(g.outgoing("fork_after_a")).extracting(FlowEdge::target).containsExactly("b", "c");
  }

  @Test
  void redundantDependenciesAreDropped() {
    // c depends on a and b, b on a: the a -> c edge is implied and must not be drawn
    FlowGraph g = FlowGraphBuilder.build(List.of(task("a"), task("b", "a"), task("c", "a", "b")), "s", "e");

    assertThat(g.nodes()).extracting(FlowNode::kind).doesNotContain(FORK, JOIN);
    assertThat(g.edges()).extracting(e -> e.source() + ">" + e.target())
        .containsExactly("sprint_started>a", "a>b", "b>c", "c>sprint_completed");
  }

  @Test
  void independentRootsForkFromTheStartAndSinksJoinBeforeTheEnd() {
    FlowGraph g = FlowGraphBuilder.build(List.of(task("x"), task("y")), "s", "e");

    assertThat(g.outgoing("sprint_started")).extracting(FlowEdge::target).containsExactly("fork_after_sprint_started");
    assertThat(g.incoming("sprint_completed")).extracting(FlowEdge::source).containsExactly("join_before_sprint_completed");
    assertNoPassThroughGateway(g);
  }

  @Test
  void everyNodeIsReachableFromStartAndReachesTheEnd() {
    FlowGraph g = FlowGraphBuilder.build(List.of(task("a"), task("b", "a"), task("c"), task("d", "b", "c"), task("e", "a")), "s", "e");
    Map<String, List<String>> out = g.edges().stream().collect(Collectors.groupingBy(FlowEdge::source,
        Collectors.mapping(FlowEdge::target, Collectors.toList())));
    Map<String, List<String>> in = g.edges().stream().collect(Collectors.groupingBy(FlowEdge::target,
        Collectors.mapping(FlowEdge::source, Collectors.toList())));

    assertThat(reach("sprint_started", out)).containsExactlyInAnyOrderElementsOf(g.nodesById().keySet());
    assertThat(reach("sprint_completed", in)).containsExactlyInAnyOrderElementsOf(g.nodesById().keySet());
  }

  @Test
  void anEmptyPlanIsStartToEnd() {
    FlowGraph g = FlowGraphBuilder.build(List.of(), "s", "e");
    assertThat(g.edges()).extracting(FlowEdge::id).containsExactly("flow_sprint_started__sprint_completed");
  }

  static java.util.Set<String> reach(String from, Map<String, List<String>> adj) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(adj.getOrDefault(n, List.of()));
      }
    }
    return seen;
  }

  static void assertNoPassThroughGateway(FlowGraph g) {
    for (FlowNode n : g.nodes()) {
      if (n.kind() == FORK) {
        assertThat(g.outgoing(n.id())).as(n.id()).hasSizeGreaterThan(1);
        assertThat(g.incoming(n.id())).as(n.id()).hasSize(1);
      }
      if (n.kind() == JOIN) {
        assertThat(g.incoming(n.id())).as(n.id()).hasSizeGreaterThan(1);
        assertThat(g.outgoing(n.id())).as(n.id()).hasSize(1);
      }
    }
  }
}
