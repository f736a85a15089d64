package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of docs/lifecycle.md, exercised from a calling process as the compiler will. */
class LifecycleContractTest extends LifecycleTestBase {

  @Test
  void theCallingSprintGetsTheOutputsBackAndNothingElse() {
    SprintParentProcess.deploy(client, "finalVerification");
    Map<String, Object> task = LifecycleDriver.contract();
    task.put(LifecycleVariables.REVIEW, "none");
    Map<String, Object> sprint = new HashMap<>();
    sprint.put(LifecycleVariables.SPRINT_ID, task.get(LifecycleVariables.SPRINT_ID));
    sprint.put("finalVerification", task);
    long parent = client.newCreateInstanceCommand().bpmnProcessId(SprintParentProcess.PROCESS_ID).latestVersion()
        .variables(sprint).send().join().getProcessInstanceKey();

    driver.complete(driver.awaitJob((String) task.get(LifecycleVariables.WORKER_KIND)),
        Map.of(LifecycleVariables.RESULT, "All checks green"));
    driver.awaitInstanceCompleted(parent);

    long child = driver.childInstances(parent).get(0);
    Map<String, Object> childVars = driver.processVariables(child);
    Map<String, Object> parentVars = driver.processVariables(parent);
    assertThat(records.completedElements(parent)).contains("call-finalVerification", "sprint-done");
    for (String name : SprintParentProcess.TASK_OUTPUTS) {
      assertThat(childVars).as("the lifecycle sets output %s", name).containsKey(name);
      assertThat(parentVars).containsEntry(SprintParentProcess.output("finalVerification", name), childVars.get(name));
    }
    assertThat(parentVars.get(SprintParentProcess.output("finalVerification", LifecycleVariables.TASK_OUTCOME)))
        .isEqualTo(LifecycleVariables.OUTCOME_DONE);
    assertThat(parentVars).doesNotContainKeys(
        LifecycleVariables.REVIEW_POLICY, LifecycleVariables.PRIORITY, LifecycleVariables.TASK_OUTCOME);
    // the child saw the contract inputs, not the parent's other variables
    assertThat(childVars).containsEntry(LifecycleVariables.TASK_TITLE, task.get(LifecycleVariables.TASK_TITLE))
        .doesNotContainKey("finalVerification");
  }
}
