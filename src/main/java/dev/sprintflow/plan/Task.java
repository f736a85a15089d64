package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One work item of a plan.
 *
 * @param id stable slug other tasks refer to
 * @param title human title
 * @param worker the job worker kind that does the work ({@code manual} for human-only work)
 * @param score urgency/impact/confidence/momentum, if the plan scores the task
 * @param tier the tier as written in the plan; the decision table decides the effective tier later
 * @param estimate how long the task is expected to take
 * @param dependsOn ids of the tasks that must finish first
 * @param acceptance checklist that says when the task is done
 * @param review how the result is reviewed
 * @param inputs free data handed to the worker (description, files, handoff, ...)
 * @param source where the plan defines the task
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "id", "title", "worker", "score", "tier", "estimate", "dependsOn", "acceptance", "review", "inputs", "source"
})
public record Task(
    String id,
    String title,
    String worker,
    Score score,
    String tier,
    @JsonSerialize(using = EstimateSerializer.class) Duration estimate,
    List<String> dependsOn,
    List<Criterion> acceptance,
    Review review,
    Map<String, Object> inputs,
    SourceRef source) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(worker, "worker");
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    acceptance = acceptance == null ? List.of() : List.copyOf(acceptance);
    review = review == null ? Review.AUTO : review;
    inputs = Inputs.immutableCopy(inputs);
  }

  public Task withDependsOn(List<String> newDependsOn) {
    return new Task(id, title, worker, score, tier, estimate, newDependsOn, acceptance, review, inputs, source);
  }
}
