package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Abort the whole sprint" from a triage task ends the calling sprint process cleanly. */
class SprintAbortTest extends LifecycleTestBase {

  @Test
  void abortingOneTaskEndsTheWholeSprint() {
    SprintParentProcess.deploy(client, "portBackend", "gmailSync");
    Map<String, Object> port = LifecycleDriver.contract();
    Map<String, Object> gmail = LifecycleDriver.contract();
    String sprintId = (String) port.get(LifecycleVariables.SPRINT_ID);
    Map<String, Object> sprint = new HashMap<>();
    sprint.put(LifecycleVariables.SPRINT_ID, sprintId);
    sprint.put("portBackend", port);
    sprint.put("gmailSync", gmail);
    long parent = client.newCreateInstanceCommand().bpmnProcessId(SprintParentProcess.PROCESS_ID).latestVersion()
        .variables(sprint).send().join().getProcessInstanceKey();

    ActivatedJob portJob = driver.awaitJob((String) port.get(LifecycleVariables.WORKER_KIND));
    ActivatedJob gmailJob = driver.awaitJob((String) gmail.get(LifecycleVariables.WORKER_KIND)); // still in progress
    client.newThrowErrorCommand(portJob).errorCode(LifecycleErrors.MIGRATION_INVALID).errorMessage("008 clashes with 007")
        .variables(Map.of(LifecycleVariables.ERROR_CODE, LifecycleErrors.MIGRATION_INVALID,
            LifecycleVariables.ERROR_MESSAGE, "Migration 008 clashes with 007"))
        .send().join();
    driver.decide(driver.awaitTask(sprintId, "triage"), "abort", "The cartridge port blocks everything");
    driver.awaitInstanceCompleted(parent);

    assertThat(records.completedElements(parent))
        .containsSubsequence("aborted-portBackend", "sprint-aborted-portBackend")
        .doesNotContain("sprint-done", "join");
    List<Long> children = driver.childInstances(parent);
    assertThat(children).hasSize(2).allSatisfy(child -> {
      assertThat(terminated(child)).as("child %s ended by the abort", child).isTrue();
      assertThat(driver.incidents(child)).isEmpty();
    });
    assertThat(driver.incidents(parent)).isEmpty();
    // the other task's work was cancelled with the sprint
    assertThatThrownBy(() -> client.newCompleteCommand(gmailJob).send().join())
        .isInstanceOf(ClientStatusException.class)
        .hasMessageContaining("NOT_FOUND");
  }

  private boolean terminated(long processInstanceKey) {
    return records.processInstanceEvents(processInstanceKey).anyMatch(r ->
        r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS);
  }
}
