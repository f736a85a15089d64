package dev.sprintflow.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependencies of a sprint's plan snapshot (the JSON of docs/plan.schema.json stored with the
 * sprint): what each task waits for, and the tasks each gate comes after. Read as a tree so that a
 * snapshot written by an older or newer version still yields what it has.
 */
public record PlanGraph(Map<String, List<String>> dependsOn, Map<String, List<String>> gateAfter) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static final PlanGraph EMPTY = new PlanGraph(Map.of(), Map.of());

  /** The graph of a snapshot; empty when there is none (a sprint known from events only) or it is unreadable. */
  public static PlanGraph of(String planJson) {
    if (planJson == null || planJson.isBlank()) {
      return EMPTY;
    }
    JsonNode plan;
    try {
      plan = JSON.readTree(planJson);
    } catch (IOException e) {
      return EMPTY;
    }
    Map<String, List<String>> deps = new LinkedHashMap<>();
    List<String> allTasks = new ArrayList<>();
    for (JsonNode task : plan.path("tasks")) {
      String id = task.path("id").asText();
      allTasks.add(id);
      deps.put(id, strings(task.path("dependsOn")));
    }
    Map<String, List<String>> gates = new LinkedHashMap<>();
    for (JsonNode gate : plan.path("gates")) {
      List<String> after = strings(gate.path("after"));
      // As the compiler does: a gate that names no tasks comes after all of them.
      gates.put(gate.path("id").asText(), after.isEmpty() ? List.copyOf(allTasks) : after);
    }
    return new PlanGraph(deps, gates);
  }

  public List<String> dependenciesOf(String taskId) {
    return dependsOn.getOrDefault(taskId, List.of());
  }

  public List<String> tasksBefore(String gateId) {
    return gateAfter.getOrDefault(gateId, List.of());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
