package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sprintflow.lifecycle.LifecycleErrors;
import dev.sprintflow.worker.rbac.RbacCheckOutcome.Status;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the worker turns the service's outcomes into a completed job, a BPMN error or a retry. */
class RbacCheckWorkerTest {

  final RbacCheckService service = mock(RbacCheckService.class);
  final RbacTargets targets = new RbacTargets(Map.of(), Duration.ofSeconds(45), null);
  final RbacCheckWorker worker = new RbacCheckWorker(service, targets);
  final ActivatedJob job = mock(ActivatedJob.class);
  final Map<String, Object> inputs = Map.of("target", "staging", "matrix", Map.of(), "description", "free text");

  static RbacCheckOutcome outcome(Status status, int mismatches, int errors) {
    CellEvidence differing = new CellEvidence("manager", "clients", "unassigned", "update", "deny", "allow", false,
        "PATCH /api/clients/c-2", 200, "{}", null, 4, null, false);
    RbacSummary summary = new RbacSummary("staging", status.label(), 4, 48, 48 - mismatches - errors, mismatches, errors,
        0, 0, 0, 120);
    return new RbacCheckOutcome(status, summary, Map.of("manager", Map.of("clients/unassigned", Map.of("update", "allow"))),
        mismatches > 0 ? List.of(differing) : List.of(), "### the report");
  }

  @Test
  void aPassedCheckCompletesWithTheReportAsResult() {
    when(service.check(new RbacCheckInput("staging", Map.of()))).thenReturn(outcome(Status.PASSED, 0, 0));

    RbacCheckResult result = worker.check(job, inputs);

    assertThat(result.result()).isEqualTo("### the report");
    assertThat(result.rbacSummary().status()).isEqualTo("passed");
    assertThat(result.rbacObserved()).containsKey("manager");
  }

  @Test
  void cellsThatDifferAreAnRbacViolationCarryingTheReportForTriage() {
    when(service.check(any())).thenReturn(outcome(Status.VIOLATION, 1, 0));

    assertThatThrownBy(() -> worker.check(job, inputs)).isInstanceOfSatisfying(BpmnError.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(LifecycleErrors.RBAC_VIOLATION);
      assertThat(e.getErrorMessage()).isEqualTo(
          "RBAC violation on target 'staging': 1 of 48 cells differ from the matrix"
              + " (first: manager update clients/unassigned is allow, expected deny)");
      @SuppressWarnings("unchecked")
      Map<String, Object> vars = (Map<String, Object>) e.getVariables();
      assertThat(vars).containsEntry("errorCode", LifecycleErrors.RBAC_VIOLATION)
          .containsEntry("errorMessage", "### the report")
          .containsKeys("rbacSummary", "rbacObserved", "rbacEvidence");
    });
  }

  @Test
  void cellsWithoutAVerdictAreInconclusiveNotPassed() {
    when(service.check(any())).thenReturn(outcome(Status.INCONCLUSIVE, 0, 2));

    assertThatThrownBy(() -> worker.check(job, inputs)).isInstanceOfSatisfying(BpmnError.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(RbacCheckWorker.INCONCLUSIVE);
      assertThat(e.getErrorMessage()).contains("2 of 48 cells have no verdict");
    });
  }

  @Test
  void anUnusableConfigurationIsABpmnErrorListingEveryProblem() {
    when(service.check(any())).thenThrow(new RbacConfigInvalidException(List.of(
        "inputs.target: no target 'prod' is configured (configured: staging)", "inputs.matrix.roles: is required")));

    assertThatThrownBy(() -> worker.check(job, inputs)).isInstanceOfSatisfying(BpmnError.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo(RbacCheckWorker.CONFIG_INVALID);
      @SuppressWarnings("unchecked")
      Map<String, Object> vars = (Map<String, Object>) e.getVariables();
      assertThat((String) vars.get("errorMessage"))
          .contains("- inputs.target: no target 'prod' is configured (configured: staging)")
          .contains("- inputs.matrix.roles: is required");
      assertThat(vars).containsEntry("errorCode", RbacCheckWorker.CONFIG_INVALID);
    });
  }

  @Test
  void missingInputsAreAConfigurationProblemToo() {
    assertThatThrownBy(() -> worker.check(job, null)).isInstanceOfSatisfying(BpmnError.class,
        e -> assertThat(e.getErrorCode()).isEqualTo(RbacCheckWorker.CONFIG_INVALID));
    assertThatThrownBy(() -> worker.check(job, Map.of("target", 42))).isInstanceOfSatisfying(BpmnError.class,
        e -> assertThat(e.getErrorMessage()).contains("inputs.target: must be the name of a configured target"));
  }

  @Test
  void anUnreachableTargetFailsTheJobWithOneRetryLessAndTheBackoff() {
    when(job.getRetries()).thenReturn(3);
    when(service.check(any())).thenThrow(new TargetUnreachableException("RBAC check target 'staging' is unreachable"));

    assertThatThrownBy(() -> worker.check(job, inputs)).isInstanceOfSatisfying(JobError.class, e -> {
      assertThat(e.getRetries()).isEqualTo(2);
      assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(45));
      assertThat(e.getErrorMessage()).contains("unreachable");
    });
  }
}
