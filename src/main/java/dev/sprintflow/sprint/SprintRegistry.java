package dev.sprintflow.sprint;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The sprints started by this service, kept in memory: enough to hand back a sprint's diagram.
 * It is lost on restart, like the embedded engine's state; the progress read model (a later
 * issue) will keep sprints in the service's database.
 */
@Component
public class SprintRegistry {

  private final Map<String, SprintRecord> sprints = new ConcurrentHashMap<>();

  public void add(SprintRecord sprint) {
    sprints.put(sprint.sprintId(), sprint);
  }

  public Optional<SprintRecord> find(String sprintId) {
    return Optional.ofNullable(sprints.get(sprintId));
  }
}
