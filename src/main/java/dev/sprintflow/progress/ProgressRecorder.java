package dev.sprintflow.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a listener event and applies it to the read model in one transaction: the event row
 * (whose key makes a second delivery a no-op) and the task, gate or sprint it moves. Any database
 * failure propagates, so the job is failed and retried, never completed without the record.
 */
@Service
public class ProgressRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressRecorder.class);

  /** What recording an event did. */
  public enum Outcome {
    RECORDED,
    /** Recorded before (a retried or re-delivered job): nothing changed. */
    DUPLICATE
  }

  private final ProgressRepository repository;
  private final TransactionTemplate tx;

  public ProgressRecorder(ProgressRepository repository, TransactionTemplate tx) {
    this.repository = repository;
    this.tx = tx;
  }

  public Outcome record(ProgressEvent e) {
    Outcome outcome = tx.execute(status -> {
      if (!repository.insertEvent(e)) {
        return Outcome.DUPLICATE;
      }
      switch (e.subject()) {
        case TASK -> applyToTask(e);
        case GATE -> applyToGate(e);
        case SPRINT -> applyToSprint(e);
      }
      return Outcome.RECORDED;
    });
    LOG.debug("Progress {} {} {} of sprint {} ({} {}): {}", e.subject(), e.subjectId(), e.event(), e.sprintId(),
        e.elementId(), e.elementInstanceKey(), outcome);
    return outcome;
  }

  // Known sprints and tasks (the usual case) cost three statements: insert the event, lock the row,
  // update it. Only a task or gate seen for the first time takes the discovery path.

  private void applyToTask(ProgressEvent e) {
    TaskProgress current = repository.lockTask(e.sprintId(), e.subjectId()).orElseGet(() -> {
      repository.insertDiscoveredSprint(e.sprintId(), e.at());
      repository.insertTaskIfAbsent(e.sprintId(), e.subjectId(), e.facts().title());
      return repository.lockTask(e.sprintId(), e.subjectId()).orElseThrow();
    });
    TaskProgress next = TaskProjection.apply(current, e);
    if (!next.equals(current)) {
      repository.updateTask(next);
    }
  }

  private void applyToGate(ProgressEvent e) {
    GateProgress current = repository.lockGate(e.sprintId(), e.subjectId()).orElseGet(() -> {
      repository.insertDiscoveredSprint(e.sprintId(), e.at());
      repository.fillProcess(e.sprintId(), e.bpmnProcessId(), e.processInstanceKey());
      repository.insertGateIfAbsent(e.sprintId(), e.subjectId(), e.facts().title());
      return repository.lockGate(e.sprintId(), e.subjectId()).orElseThrow();
    });
    GateProgress next = current.apply(e);
    if (!next.equals(current)) {
      repository.updateGate(next);
    }
  }

  private void applyToSprint(ProgressEvent e) {
    repository.insertDiscoveredSprint(e.sprintId(), e.at());
    repository.fillProcess(e.sprintId(), e.bpmnProcessId(), e.processInstanceKey());
    SprintState ended = e.elementId().startsWith(dev.sprintflow.compiler.bpmn.SprintProcessWriter.ABORTED_END_PREFIX)
        ? SprintState.ABORTED : SprintState.COMPLETED;
    repository.endSprint(e.sprintId(), ended, e.at());
  }
}
