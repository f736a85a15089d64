package dev.sprintflow.lifecycle;

import java.util.List;

/** Where escalations are kept until a read model (and notification channels) take over. */
public interface EscalationRepository {

  /** Records an escalation; recording the same id again keeps the first one. */
  Escalation record(Escalation escalation);

  /** Escalations of one sprint (all when sprintId is null), oldest first. */
  List<Escalation> find(String sprintId);
}
