package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A sprint plan in its one normalised form, whatever file it came from. Serialised by Jackson to the
 * JSON documented in docs/plan.schema.json; tasks keep the order in which the plan first names them.
 *
 * @param id slug naming the plan
 * @param name human title
 * @param goal what the sprint is for, if the plan says
 * @param tasks the work items
 * @param gates verification gates taken from the plan's success criteria
 * @param warnings what the reader could not interpret, with where it sits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "goal", "tasks", "gates", "warnings"})
public record Plan(
    String id, String name, String goal, List<Task> tasks, List<Gate> gates, List<PlanWarning> warnings) {

  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    gates = gates == null ? List.of() : List.copyOf(gates);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
