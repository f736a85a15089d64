package dev.sprintflow.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * Escalations in memory: gone when the service restarts, like the embedded engine's state. Keeps
 * the newest {@link #CAPACITY} so a long-running service cannot grow without bound.
 */
@Repository
public class InMemoryEscalationRepository implements EscalationRepository {

  static final int CAPACITY = 10_000;

  private final Map<String, Escalation> byId = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Escalation> eldest) {
      return size() > CAPACITY;
    }
  };

  @Override
  public synchronized Escalation record(Escalation escalation) {
    return byId.computeIfAbsent(escalation.id(), id -> escalation);
  }

  @Override
  public synchronized List<Escalation> find(String sprintId) {
    List<Escalation> found = new ArrayList<>();
    for (Escalation e : byId.values()) {
      if (sprintId == null || sprintId.equals(e.sprintId())) {
        found.add(e);
      }
    }
    found.sort(Comparator.comparing(Escalation::raisedAt));
    return found;
  }
}
