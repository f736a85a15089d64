package scratch;

import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.engine.ModelResources;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void run() throws Exception {
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(0);
    try (CamundaClient client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress())).restAddress(URI.create(engine.grpcAddress()))
        .preferRestOverGrpc(false).build()) {
      var cmd = client.newDeployResourceCommand();
      io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 c2 = null;
      for (var f : ModelResources.find(List.of("bpmn", "dmn"))) {
        c2 = c2 == null ? cmd.addResourceBytes(f.content(), f.name()) : c2.addResourceBytes(f.content(), f.name());
      }
      var dep = c2.send().join();
      System.out.println("DEPLOYED " + dep.getProcesses() + dep.getDecisions() + dep.getForm());
      for (var row : List.of(Map.of("urgency", 10, "impact", 10, "confidence", 8, "momentum", 10), Map.of("urgency", 1))) {
        var r = client.newEvaluateDecisionCommand().decisionId("priority-tier").variables(row).send().join();
        System.out.println("EVAL " + row + " -> " + r.getDecisionOutput());
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("sprintId", "s1"); vars.put("taskId", "t1"); vars.put("taskTitle", "Port it");
      vars.put("workerKind", "scratch-kind"); vars.put("score", Map.of("urgency", 10, "impact", 10, "confidence", 8, "momentum", 10));
      vars.put("estimate", "P3D"); vars.put("acceptance", List.of("a", "b")); vars.put("review", "required");
      vars.put("forceRun", false); vars.put("inputs", Map.of("x", 1));
      long pik = client.newCreateInstanceCommand().bpmnProcessId("sprint-task").latestVersion().variables(vars).send().join().getProcessInstanceKey();
      ActivatedJob work = activate(client, "scratch-kind").get(0);
      System.out.println("WORK vars " + work.getVariablesAsMap());
      client.newCompleteCommand(work).variables(Map.of("result", "did it")).send().join();
      ActivatedJob review = activate(client, "io.camunda.zeebe:userTask").get(0);
      System.out.println("REVIEW " + review.getElementId() + " " + review.getCustomHeaders() + " vars " + review.getVariablesAsMap());
      client.newCompleteCommand(review).variables(Map.of("decision", "rework", "comment", "more tests")).send().join();
      work = activate(client, "scratch-kind").get(0);
      System.out.println("WORK2 vars " + work.getVariablesAsMap());
      client.newThrowErrorCommand(work).errorCode("RBAC_VIOLATION").errorMessage("nope").variables(Map.of("errorCode", "RBAC_VIOLATION", "errorMessage", "Members can edit")).send().join();
      ActivatedJob triage = activate(client, "io.camunda.zeebe:userTask").get(0);
      System.out.println("TRIAGE " + triage.getElementId() + " " + triage.getCustomHeaders() + " vars " + triage.getVariablesAsMap());
      client.newCompleteCommand(triage).variables(Map.of("decision", "abort")).send().join();
      Thread.sleep(500);
      for (Record<?> r : engine.records()) {
        if (r.getRecordType() == RecordType.EVENT && (r.getValueType() == ValueType.INCIDENT || r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent().name().equals("ELEMENT_COMPLETED"))) {
          System.out.println("REC " + r.getValueType() + " " + r.getIntent() + " " + r.getValue().toString().substring(0, Math.min(300, r.getValue().toString().length())));
        }
      }
    } finally {
      engine.destroy();
    }
  }

  static List<ActivatedJob> activate(CamundaClient client, String type) {
    for (int i = 0; i < 50; i++) {
      var jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofMinutes(5)).send().join().getJobs();
      if (!jobs.isEmpty()) return jobs;
      try { Thread.sleep(100); } catch (InterruptedException e) { throw new RuntimeException(e); }
    }
    throw new IllegalStateException("no job " + type);
  }
}
