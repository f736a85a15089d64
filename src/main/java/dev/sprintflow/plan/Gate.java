package dev.sprintflow.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A verification gate: criteria checked once the tasks it comes after are done.
 *
 * @param after ids of the tasks the gate waits for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "title", "criteria", "after", "source"})
public record Gate(String id, String title, List<Criterion> criteria, List<String> after, SourceRef source) {
  public Gate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    after = after == null ? List.of() : List.copyOf(after);
  }
}
