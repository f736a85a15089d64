package dev.sprintflow.review;

import dev.sprintflow.lifecycle.LifecycleVariables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * The open review, triage and manual-work tasks of every runtime, decided over REST.
 *
 * <p>Tasks arrive as activated {@code io.camunda.zeebe:userTask} jobs ({@link UserTaskJobSubscription})
 * and are held in memory: on the embedded engine nothing else could list them, and on a cluster
 * Tasklist keeps showing the same tasks (it does not care who activated a job). A job activated
 * again after its timeout replaces its snapshot; a task that is not re-activated within its lease
 * (completed in Tasklist, cancelled with its process) drops out of the list. The service's memory
 * is the only store: after a restart tasks reappear once their jobs time out and are activated again.
 * The default {@link ReviewBackend}; {@code sprintflow.review.backend=tasklist} replaces it.
 */
@Service
@ConditionalOnProperty(name = "sprintflow.review.backend", havingValue = "jobs", matchIfMissing = true)
public class ReviewInbox implements ReviewBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewInbox.class);

  private final FormCatalog forms;
  private final JobCompleter completer;
  private final Clock clock;
  private final Map<Long, OpenUserTask> open = new HashMap<>();
  /** Ids decided here or found closed, remembered (bounded) to answer a second decision with 409. */
  private final Map<Long, Instant> decided;

  public ReviewInbox(FormCatalog forms, JobCompleter completer, Clock clock, ReviewProperties properties) {
    this.forms = forms;
    this.completer = completer;
    this.clock = clock;
    int remember = properties.rememberDecisions();
    this.decided = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
        return size() > remember;
      }
    };
  }

  /**
   * Holds a task (again). Returns false, and holds nothing, for a task whose form the inbox cannot
   * serve or that was decided meanwhile (a late activation of a completed job).
   */
  public synchronized boolean hold(OpenUserTask task) {
    if (decided.containsKey(task.key())) {
      return false;
    }
    if (forms.find(task.formId()).isEmpty()) {
      LOG.warn("User task {} ({}) links form '{}', which the service does not deploy; it stays in Tasklist only",
          task.key(), task.elementId(), task.formId());
      return false;
    }
    OpenUserTask previous = open.put(task.key(), task);
    if (previous == null) {
      LOG.info("Open {} task {}: {}", task.kind(), task.key(), name(task));
    }
    return true;
  }

  /** Open tasks, oldest first, optionally of one sprint and/or offered to one candidate group. */
  @Override
  public List<ReviewTask> list(String sprintId, String candidateGroup) {
    List<OpenUserTask> snapshot;
    synchronized (this) {
      dropExpired();
      snapshot = new ArrayList<>(open.values());
    }
    return snapshot.stream()
        .filter(t -> sprintId == null || sprintId.equals(t.stringVariable(LifecycleVariables.SPRINT_ID)))
        .filter(t -> candidateGroup == null || t.candidateGroups().contains(candidateGroup))
        .sorted(Comparator.comparingLong(OpenUserTask::key))
        .map(this::view)
        .toList();
  }

  /**
   * Completes the task with the decision and comment as the form's {@code decision} and
   * {@code comment} fields, exactly what Tasklist would submit.
   *
   * @throws ReviewNotFoundException no open task with this id
   * @throws ReviewConflictException decided before, or closed meanwhile
   * @throws InvalidDecisionException decision missing or not one of the form's options, comment too long
   */
  @Override
  public DecisionRecorded decide(long id, String decision, String comment) {
    OpenUserTask task = claim(id, decision, comment);
    String value = decision.strip();
    Map<String, Object> variables = new HashMap<>();
    variables.put(FormCatalog.DECISION_KEY, value);
    variables.put(FormCatalog.COMMENT_KEY, comment);
    try {
      completer.complete(id, variables);
    } catch (ReviewConflictException e) {
      LOG.info("Task {} was closed elsewhere before the decision: {}", id, e.getMessage());
      throw e; // stays in 'decided': it is gone from the engine
    } catch (RuntimeException e) {
      release(task); // the engine did not take it: the task is still open
      throw e;
    }
    LOG.info("Decided {} task {} ({}): {}", task.kind(), id, name(task), value);
    return new DecisionRecorded(Long.toString(id), task.kind(), value, comment, decidedAt(id));
  }

  /** Validates the decision and takes the task out of the open set, so it is decided once. */
  private synchronized OpenUserTask claim(long id, String decision, String comment) {
    dropExpired();
    OpenUserTask task = open.get(id);
    if (task == null) {
      if (decided.containsKey(id)) {
        throw new ReviewConflictException(Long.toString(id),
            "Task " + id + " was decided already (at " + decided.get(id) + ") or closed; a task is decided once.");
      }
      throw new ReviewNotFoundException(Long.toString(id));
    }
    forms.find(task.formId()).orElseThrow().check(decision, comment); // hold() admits only tasks with a known form
    open.remove(id);
    decided.put(id, clock.instant());
    return task;
  }

  private synchronized Instant decidedAt(long id) {
    return decided.getOrDefault(id, clock.instant());
  }

  private synchronized void release(OpenUserTask task) {
    decided.remove(task.key());
    open.putIfAbsent(task.key(), task);
  }

  private void dropExpired() {
    Instant now = clock.instant();
    open.values().removeIf(t -> t.leaseUntil().isBefore(now));
  }

  private ReviewTask view(OpenUserTask task) {
    ReviewForm form = forms.find(task.formId()).orElseThrow();
    Map<String, Object> data = new LinkedHashMap<>();
    for (String name : form.shownVariables()) {
      data.put(name, task.variable(name));
    }
    return new ReviewTask(
        Long.toString(task.key()),
        task.kind(),
        name(task),
        task.stringVariable(LifecycleVariables.SPRINT_ID),
        task.stringVariable(LifecycleVariables.TASK_ID),
        task.stringVariable(LifecycleVariables.TASK_TITLE),
        task.processInstanceKey(),
        task.elementId(),
        task.candidateGroups(),
        task.dueDate(),
        new ReviewTask.Form(form.id(), data, form.decisionOptions(), form.commentMaxLength()));
  }

  /** "Review: Port Cartridge Backend": BPMN names are static, so the title comes from the variables. */
  static String name(OpenUserTask task) {
    return name(task.kind(), task.stringVariable(LifecycleVariables.TASK_TITLE));
  }

  static String name(String kind, String title) {
    String k = kind == null || kind.isEmpty() ? "Task" : kind;
    String label = k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1);
    return title == null ? label : label + ": " + title;
  }
}
