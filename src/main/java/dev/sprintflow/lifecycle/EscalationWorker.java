package dev.sprintflow.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves {@code sprint.escalate}, raised by the lifecycle's non-interrupting timer when work
 * outlasts the task's estimate: records the escalation and logs it. Notification channels (mail,
 * Slack) come later and will read the repository.
 */
@Component
public class EscalationWorker {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationWorker.class);

  private final EscalationRepository escalations;
  private final Clock clock;

  public EscalationWorker(EscalationRepository escalations, Clock clock) {
    this.escalations = escalations;
    this.clock = clock;
  }

  /** The variables the escalation needs; the job fetches only these. */
  public record EscalationJob(String sprintId, String taskId, String taskTitle, String workerKind, String estimate) {}

  /** Result variable: the id under which the escalation was recorded. */
  public record EscalationRaised(String escalationId) {}

  @JobWorker(type = LifecycleVariables.ESCALATION_JOB_TYPE)
  public EscalationRaised escalate(ActivatedJob job, @VariablesAsType EscalationJob input) {
    String reason = input.estimate() == null
        ? "The work has run longer than the lifecycle's default estimate (the task had none)."
        : "The work has run longer than its estimate of " + input.estimate() + ".";
    Escalation recorded = escalations.record(new Escalation(
        Long.toString(job.getKey()),
        input.sprintId(),
        input.taskId(),
        input.taskTitle(),
        input.workerKind(),
        input.estimate(),
        reason,
        job.getProcessInstanceKey(),
        clock.instant()));
    LOG.warn("Escalation {}: sprint {}, task {} '{}' ({}): {}",
        recorded.id(), recorded.sprintId(), recorded.taskId(), recorded.taskTitle(), recorded.workerKind(), reason);
    return new EscalationRaised(recorded.id());
  }
}
