package dev.sprintflow.review;

import dev.sprintflow.engine.EngineConfigurationException;
import dev.sprintflow.lifecycle.LifecycleVariables;
import dev.sprintflow.webapps.TasklistClient;
import dev.sprintflow.webapps.TasklistTask;
import dev.sprintflow.webapps.WebAppException;
import dev.sprintflow.webapps.WebApps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The review inbox over Tasklist's REST API ({@code sprintflow.review.backend=tasklist}): lists the
 * open Sprintflow user tasks Tasklist shows and completes them there. Nothing is held in memory, so
 * the inbox and Tasklist always agree, survive restarts of the service, and a task decided in one
 * is closed in the other at once. The service logs in with {@code sprintflow.webapps.username}; a
 * decision assigns the task to that user (taking it over from whoever claimed it in Tasklist, as
 * the jobs backend does) and completes it with the form's {@code decision} and {@code comment}.
 */
@Service
@ConditionalOnProperty(name = "sprintflow.review.backend", havingValue = "tasklist")
public class TasklistReviewInbox implements ReviewBackend {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistReviewInbox.class);
  private static final List<String> ALWAYS = List.of(
      LifecycleVariables.SPRINT_ID, LifecycleVariables.TASK_ID, LifecycleVariables.TASK_TITLE);

  private final TasklistClient tasklist;
  private final UserTaskCatalog userTasks;
  private final FormCatalog forms;
  private final Clock clock;

  @Autowired
  public TasklistReviewInbox(WebApps webApps, UserTaskCatalog userTasks, FormCatalog forms, Clock clock) {
    this(webApps.tasklist().orElseThrow(() -> new EngineConfigurationException(
        "sprintflow.review.backend=tasklist needs Tasklist's address: set sprintflow.webapps.tasklist-url"
            + " (e.g. SPRINTFLOW_WEBAPPS_TASKLISTURL=http://127.0.0.1:8088; the local-stack profile sets it)")),
        userTasks, forms, clock);
  }

  TasklistReviewInbox(TasklistClient tasklist, UserTaskCatalog userTasks, FormCatalog forms, Clock clock) {
    this.tasklist = tasklist;
    this.userTasks = userTasks;
    this.forms = forms;
    this.clock = clock;
    LOG.info("Review inbox reads and completes tasks through Tasklist at {} (user tasks {})", tasklist.session().base(),
        userTasks.entries().stream().map(UserTaskCatalog.Entry::elementId).toList());
  }

  @Override
  public List<ReviewTask> list(String sprintId, String candidateGroup) {
    Map<String, Object> filter = sprintId == null ? Map.of() : Map.of(LifecycleVariables.SPRINT_ID, sprintId);
    List<ReviewTask> open = new ArrayList<>();
    for (UserTaskCatalog.Entry entry : userTasks.entries()) {
      Optional<ReviewForm> form = forms.find(entry.formId());
      if (form.isEmpty()) {
        continue; // FormCatalog logged why; the jobs backend skips such tasks too
      }
      for (TasklistTask task : tasklist.openTasks(entry.elementId(), filter, variables(form.get()))) {
        if (candidateGroup == null || task.candidateGroups().contains(candidateGroup)) {
          open.add(view(task, entry, form.get()));
        }
      }
    }
    open.sort(Comparator.comparing((ReviewTask t) -> Long.parseLong(t.id())));
    return open;
  }

  @Override
  public DecisionRecorded decide(long id, String decision, String comment) {
    String key = Long.toString(id);
    TasklistTask task = tasklist.task(key).orElseThrow(() -> new ReviewNotFoundException(key));
    UserTaskCatalog.Entry entry = userTasks.byElementId(task.taskDefinitionId())
        .orElseThrow(() -> new ReviewNotFoundException(key)); // some other process's task: not ours to decide
    ReviewForm form = forms.find(entry.formId()).orElseThrow(() -> new ReviewNotFoundException(key));
    if (!task.open()) {
      throw new ReviewConflictException(key, "Task " + id + " is " + task.state()
          + " in Tasklist (decided already, or its process ended); a task is decided once.");
    }
    form.check(decision, comment);
    String value = decision.strip();
    Map<String, Object> variables = new HashMap<>();
    variables.put(FormCatalog.DECISION_KEY, value);
    variables.put(FormCatalog.COMMENT_KEY, comment);
    try {
      tasklist.assignToSelf(key);
      tasklist.complete(key, variables);
    } catch (WebAppException e) {
      // Tasklist answers 400 "Task is not active" when someone completed it in between.
      if (e.status() == 400 || e.status() == 404 || e.status() == 409) {
        throw new ReviewConflictException(key, "Task " + id + " could not be completed in Tasklist: " + e.getMessage());
      }
      throw e;
    }
    LOG.info("Decided {} task {} ({}) in Tasklist: {}", entry.kind(), id, task.taskDefinitionId(), value);
    return new DecisionRecorded(key, entry.kind(), value, comment, clock.instant());
  }

  /** The variables the form shows plus those every inbox entry carries. */
  private static Set<String> variables(ReviewForm form) {
    Set<String> names = new LinkedHashSet<>(ALWAYS);
    names.addAll(form.shownVariables());
    return names;
  }

  private static ReviewTask view(TasklistTask task, UserTaskCatalog.Entry entry, ReviewForm form) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (String name : form.shownVariables()) {
      data.put(name, task.variables().get(name));
    }
    String title = string(task.variables().get(LifecycleVariables.TASK_TITLE));
    return new ReviewTask(
        task.id(),
        entry.kind(),
        ReviewInbox.name(entry.kind(), title),
        string(task.variables().get(LifecycleVariables.SPRINT_ID)),
        string(task.variables().get(LifecycleVariables.TASK_ID)),
        title,
        task.processInstanceKey(),
        task.taskDefinitionId(),
        task.candidateGroups(),
        task.dueDate(),
        new ReviewTask.Form(form.id(), data, form.decisionOptions(), form.commentMaxLength()));
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
