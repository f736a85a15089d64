package dev.sprintflow.progress;

import dev.sprintflow.compiler.bpmn.SprintProcessWriter;
import dev.sprintflow.compiler.graph.FlowGraphBuilder;
import dev.sprintflow.lifecycle.LifecycleVariables;
import dev.sprintflow.plan.Estimates;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a progress listener job into a {@link ProgressEvent}: which sprint, which task or gate,
 * and the facts the element knows at that moment (tier, reviewers, decision, error).
 */
public final class ProgressEventReader {

  static final String GATE_ID = "gateId";
  static final String GATE_TITLE = "gateTitle";
  /** The gate form's fields, local to the gate's user task when its end listener runs. */
  static final String GATE_DECISION = "decision";
  static final String GATE_COMMENT = "comment";

  /** The only variables a progress job fetches: small, and the same on every runtime. */
  public static final List<String> VARIABLES = List.of(
      LifecycleVariables.SPRINT_ID, LifecycleVariables.TASK_ID, LifecycleVariables.TASK_TITLE,
      LifecycleVariables.WORKER_KIND, LifecycleVariables.ESTIMATE, LifecycleVariables.TIER,
      LifecycleVariables.REVIEW_POLICY, LifecycleVariables.REVIEW_DECISION, LifecycleVariables.REVIEW_COMMENT,
      LifecycleVariables.TRIAGE_DECISION, LifecycleVariables.TRIAGE_COMMENT,
      LifecycleVariables.ERROR_CODE, LifecycleVariables.ERROR_MESSAGE,
      GATE_ID, GATE_TITLE, GATE_DECISION, GATE_COMMENT);

  private ProgressEventReader() {}

  /** The event, or empty when the job belongs to no sprint task, gate or sprint end Sprintflow knows. */
  public static Optional<ProgressEvent> read(ActivatedJob job, ListenerEvent event, Instant at) {
    Map<String, Object> v = job.getVariablesAsMap();
    String sprintId = string(v, LifecycleVariables.SPRINT_ID);
    if (sprintId == null) {
      return Optional.empty();
    }
    String element = job.getElementId();
    ProgressEvent.Subject subject;
    String subjectId = null;
    ProgressEvent.Facts facts;
    if (LifecycleVariables.PROCESS_ID.equals(job.getBpmnProcessId())) {
      subject = ProgressEvent.Subject.TASK;
      subjectId = string(v, LifecycleVariables.TASK_ID);
      facts = taskFacts(v, element);
    } else if (string(v, GATE_ID) != null && element.startsWith("gate_")) {
      subject = ProgressEvent.Subject.GATE;
      subjectId = string(v, GATE_ID);
      facts = new ProgressEvent.Facts(string(v, GATE_TITLE), null, null, null, null,
          string(v, GATE_DECISION), string(v, GATE_COMMENT), null, null);
    } else if (element.equals(FlowGraphBuilder.END_ID) || element.startsWith(SprintProcessWriter.ABORTED_END_PREFIX)) {
      subject = ProgressEvent.Subject.SPRINT;
      facts = ProgressEvent.Facts.NONE;
    } else {
      return Optional.empty();
    }
    if (subject != ProgressEvent.Subject.SPRINT && subjectId == null) {
      return Optional.empty();
    }
    return Optional.of(new ProgressEvent(job.getKey(), job.getProcessInstanceKey(), job.getBpmnProcessId(), element,
        job.getElementInstanceKey(), event, at, sprintId, subject, subjectId, facts));
  }

  private static ProgressEvent.Facts taskFacts(Map<String, Object> v, String element) {
    String decision = null;
    String comment = null;
    if (element.equals(LifecycleElements.REVIEW)) {
      decision = string(v, LifecycleVariables.REVIEW_DECISION);
      comment = string(v, LifecycleVariables.REVIEW_COMMENT);
    } else if (element.equals(LifecycleElements.TRIAGE) || element.equals(LifecycleElements.ABORTED)) {
      decision = string(v, LifecycleVariables.TRIAGE_DECISION);
      comment = string(v, LifecycleVariables.TRIAGE_COMMENT);
    }
    return new ProgressEvent.Facts(
        string(v, LifecycleVariables.TASK_TITLE),
        string(v, LifecycleVariables.WORKER_KIND),
        estimate(string(v, LifecycleVariables.ESTIMATE)),
        string(v, LifecycleVariables.TIER),
        reviewers(v.get(LifecycleVariables.REVIEW_POLICY)),
        decision,
        comment,
        string(v, LifecycleVariables.ERROR_CODE),
        string(v, LifecycleVariables.ERROR_MESSAGE));
  }

  private static String reviewers(Object policy) {
    if (policy instanceof Map<?, ?> m && m.get("candidateGroups") instanceof Collection<?> groups && !groups.isEmpty()) {
      return groups.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return null;
  }

  private static Duration estimate(String iso) {
    return iso == null ? null : Estimates.parse(iso).orElse(null);
  }

  private static String string(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null ? null : value.toString();
  }
}
