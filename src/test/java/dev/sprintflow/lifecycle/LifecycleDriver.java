package dev.sprintflow.lifecycle;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.review.ReviewInbox;
import dev.sprintflow.review.ReviewTask;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives sprint-task instances in tests: starts them with the compiler's contract variables, acts
 * as the job worker of a test-unique worker kind, finds their tasks in the inbox, and reads what
 * the engine recorded.
 */
final class LifecycleDriver {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;
  private final EngineRecords records;
  private final ReviewInbox inbox;

  LifecycleDriver(CamundaClient client, EngineRecords records, ReviewInbox inbox) {
    this.client = client;
    this.records = records;
    this.inbox = inbox;
  }

  /** The compiler's input variables for one task; unique sprint id and worker kind per call. */
  static Map<String, Object> contract() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> vars = new HashMap<>();
    vars.put(LifecycleVariables.SPRINT_ID, "sprint-" + unique);
    vars.put(LifecycleVariables.TASK_ID, "task-" + unique);
    vars.put(LifecycleVariables.TASK_TITLE, "Port Cartridge Backend " + unique);
    vars.put(LifecycleVariables.WORKER_KIND, "test-work-" + unique);
    vars.put(LifecycleVariables.SCORE, score(10, 10, 8, 10));
    vars.put(LifecycleVariables.ESTIMATE, "P3D");
    vars.put(LifecycleVariables.ACCEPTANCE, List.of("All 12 cartridge endpoints respond", "53-test suite passes"));
    vars.put(LifecycleVariables.REVIEW, "required");
    vars.put(LifecycleVariables.FORCE_RUN, false);
    vars.put(LifecycleVariables.INPUTS, Map.of("source", "RevOS", "target", "AudienceOS"));
    return vars;
  }

  static Map<String, Object> score(int urgency, int impact, int confidence, int momentum) {
    return Map.of("urgency", urgency, "impact", impact, "confidence", confidence, "momentum", momentum);
  }

  long start(Map<String, Object> variables) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(LifecycleVariables.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Activates the next job of a type (the test is its only worker), waiting for it to exist. */
  ActivatedJob awaitJob(String jobType) {
    AtomicReference<ActivatedJob> job = new AtomicReference<>();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
      List<ActivatedJob> jobs = client.newActivateJobsCommand()
          .jobType(jobType)
          .maxJobsToActivate(1)
          .timeout(Duration.ofHours(1))
          .send()
          .join()
          .getJobs();
      if (jobs.isEmpty()) {
        return false;
      }
      job.set(jobs.get(0));
      return true;
    });
    return job.get();
  }

  void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job).variables(variables).send().join();
  }

  /** The open inbox task of this sprint and kind, once the inbox has it. */
  ReviewTask awaitTask(String sprintId, String kind) {
    AtomicReference<ReviewTask> task = new AtomicReference<>();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
      inbox.list(sprintId, null).stream().filter(t -> t.kind().equals(kind)).findFirst().ifPresent(task::set);
      return task.get() != null;
    });
    return task.get();
  }

  void decide(ReviewTask task, String decision, String comment) {
    inbox.decide(Long.parseLong(task.id()), decision, comment);
  }

  /** Waits until the element has completed (n times) in the instance. */
  void awaitCompleted(long processInstanceKey, String elementId, int times) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(
        () -> records.completedElements(processInstanceKey).stream().filter(elementId::equals).count() >= times);
  }

  void awaitInstanceCompleted(long processInstanceKey) {
    records.awaitCompleted(processInstanceKey, TIMEOUT);
  }

  /** The latest value of each variable in the instance's own (process) scope. */
  Map<String, Object> processVariables(long processInstanceKey) {
    Map<String, Object> vars = new LinkedHashMap<>();
    records.all()
        .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getRecordType() == RecordType.EVENT)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getScopeKey() == processInstanceKey)
        .forEach(v -> vars.put(v.getName(), decode(v.getValue())));
    return vars;
  }

  /** Incidents raised in the instance (a healthy lifecycle raises none). */
  List<String> incidents(long processInstanceKey) {
    return records.all()
        .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .map(v -> v.getErrorType() + ": " + v.getErrorMessage())
        .toList();
  }

  /** Elements that were activated in the instance, in order (including ones still active). */
  List<String> activatedElements(long processInstanceKey) {
    return records.processInstanceEvents(processInstanceKey)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /** Keys of the process instances the given one called (its call activities' children). */
  List<Long> childInstances(long parentInstanceKey) {
    return records.all()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE && r.getRecordType() == RecordType.EVENT
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .map(r -> ((Record<?>) r).getValue())
        .map(ProcessInstanceRecordValue.class::cast)
        .filter(v -> v.getParentProcessInstanceKey() == parentInstanceKey
            && v.getBpmnElementType() == io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS)
        .map(ProcessInstanceRecordValue::getProcessInstanceKey)
        .distinct()
        .toList();
  }

  private static Object decode(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new IllegalStateException("Variable value is not JSON: " + json, e);
    }
  }
}
