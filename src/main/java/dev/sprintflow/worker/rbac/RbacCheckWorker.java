package dev.sprintflow.worker.rbac;

import dev.sprintflow.lifecycle.LifecycleErrors;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Job type {@code rbac-check} (workers/rbac-check.md): probes a configured target as every role of
 * the task's matrix. Passed: completes with the report as {@code result}. Cells that differ:
 * BPMN error {@code RBAC_VIOLATION}; cells without a verdict: {@code RBAC_CHECK_INCONCLUSIVE};
 * unusable input or configuration: {@code RBAC_CONFIG_INVALID}; each carries errorCode,
 * errorMessage (the report) and the evidence to the lifecycle's triage. An unreachable target
 * fails the job with a backoff, so Zeebe retries it and raises an incident when retries run out.
 */
@Component
public class RbacCheckWorker {

  public static final String JOB_TYPE = "rbac-check";
  public static final String CONFIG_INVALID = "RBAC_CONFIG_INVALID";
  public static final String INCONCLUSIVE = "RBAC_CHECK_INCONCLUSIVE";
  /** Job timeout: generous, the service stops probing after sprintflow.rbac.max-duration anyway. */
  static final long TIMEOUT_MS = 15 * 60 * 1000;
  private static final Logger LOG = LoggerFactory.getLogger(RbacCheckWorker.class);

  private final RbacCheckService service;
  private final RbacTargets targets;

  public RbacCheckWorker(RbacCheckService service, RbacTargets targets) {
    this.service = service;
    this.targets = targets;
  }

  @JobWorker(type = JOB_TYPE, fetchVariables = {RbacCheckInput.VARIABLE}, timeout = TIMEOUT_MS)
  public RbacCheckResult check(ActivatedJob job, @Variable(name = RbacCheckInput.VARIABLE) Map<String, Object> inputs) {
    RbacCheckOutcome outcome;
    try {
      outcome = service.check(RbacCheckInput.from(inputs));
    } catch (RbacConfigInvalidException e) {
      LOG.info("rbac-check job {}: {}", job.getKey(), e.getMessage());
      String message = "The RBAC check cannot run as configured:\n\n- " + String.join("\n- ", e.problems());
      throw LifecycleErrors.workFailure(CONFIG_INVALID, message, Map.of("rbacProblems", e.problems()));
    } catch (TargetUnreachableException e) {
      int retries = Math.max(0, job.getRetries() - 1);
      LOG.warn("rbac-check job {}: {}; {} retries left", job.getKey(), e.getMessage(), retries);
      throw CamundaError.jobError(e.getMessage(), Map.of(), retries, targets.retryBackoff(), e);
    }
    return switch (outcome.status()) {
      case PASSED -> RbacCheckResult.of(outcome);
      case VIOLATION -> throw failure(LifecycleErrors.RBAC_VIOLATION, outcome);
      case INCONCLUSIVE -> throw failure(INCONCLUSIVE, outcome);
    };
  }

  /** The report is the message the lead reads in triage; the evidence rides along for Operate. */
  private static RuntimeException failure(String code, RbacCheckOutcome outcome) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("rbacSummary", outcome.summary());
    variables.put("rbacObserved", outcome.observed());
    variables.put("rbacEvidence", outcome.evidence());
    var error = LifecycleErrors.workFailure(code, outcome.report(), variables);
    // The command's own message stays one line (Operate lists it); the report travels as errorMessage.
    return CamundaError.bpmnError(code, outcome.headline(), error.getVariables());
  }
}
