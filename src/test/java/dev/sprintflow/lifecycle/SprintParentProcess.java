package dev.sprintflow.lifecycle;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.model.bpmn.builder.CallActivityBuilder;
import java.util.List;

/**
 * A small stand-in for the compiler's sprint process: one call activity per task, all in
 * parallel, called as docs/lifecycle.md says (no variables leak either way), each with an error
 * boundary event on SPRINT_ABORTED that terminates the whole sprint.
 */
final class SprintParentProcess {

  static final String PROCESS_ID = "test-sprint";

  /** Contract inputs copied from the parent's variable named after the task. */
  static final List<String> TASK_INPUTS = List.of(
      LifecycleVariables.TASK_ID, LifecycleVariables.TASK_TITLE, LifecycleVariables.WORKER_KIND,
      LifecycleVariables.SCORE, LifecycleVariables.ESTIMATE, LifecycleVariables.ACCEPTANCE,
      LifecycleVariables.REVIEW, LifecycleVariables.FORCE_RUN, LifecycleVariables.INPUTS);

  static final List<String> TASK_OUTPUTS = List.of(
      LifecycleVariables.TASK_OUTCOME, LifecycleVariables.TIER, LifecycleVariables.RESULT, LifecycleVariables.REWORK_COUNT);

  private SprintParentProcess() {}

  static void deploy(CamundaClient client, String... tasks) {
    client.newDeployResourceCommand().addProcessModel(model(tasks), PROCESS_ID + ".bpmn").send().join();
  }

  static BpmnModelInstance model(String... tasks) {
    AbstractFlowNodeBuilder<?, ?> fork = Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent("sprint-started")
        .parallelGateway("fork");
    for (int i = 0; i < tasks.length; i++) {
      String task = tasks[i];
      AbstractFlowNodeBuilder<?, ?> branch = (i == 0 ? fork : fork.moveToNode("fork"))
          .callActivity("call-" + task, c -> callTask(c, task))
          .boundaryEvent("aborted-" + task, b -> b.error(LifecycleErrors.SPRINT_ABORTED)
              .endEvent("sprint-aborted-" + task, e -> e.terminate()))
          .moveToActivity("call-" + task);
      if (i == 0) {
        branch.parallelGateway("join").endEvent("sprint-done");
      } else {
        branch.connectTo("join");
      }
    }
    return fork.done();
  }

  /** Output variable in the parent for one of a task's outputs, e.g. portBackend_taskOutcome. */
  static String output(String task, String name) {
    return task + "_" + name;
  }

  private static void callTask(CallActivityBuilder call, String task) {
    call.zeebeProcessId(LifecycleVariables.PROCESS_ID)
        .zeebePropagateAllChildVariables(false)
        .zeebePropagateAllParentVariables(false)
        .zeebeInputExpression(LifecycleVariables.SPRINT_ID, LifecycleVariables.SPRINT_ID);
    for (String name : TASK_INPUTS) {
      call.zeebeInputExpression(task + "." + name, name);
    }
    for (String name : TASK_OUTPUTS) {
      call.zeebeOutputExpression(name, output(task, name));
    }
  }
}
