package dev.sprintflow.worker.oauth;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Serves job type {@code oauth-sync} (workers/oauth-sync.md): syncs one connection's messages into
 * {@code communications}. Works in the sprint lifecycle (workerKind {@code oauth-sync}), in
 * bpmn/oauth-sync-schedule.bpmn and in any process using workers/oauth-sync.json.
 */
@Component
public class OAuthSyncWorker {

  public static final String JOB_TYPE = "oauth-sync";
  private static final Logger LOG = LoggerFactory.getLogger(OAuthSyncWorker.class);

  private final SyncService sync;
  private final SyncFailures failures;

  public OAuthSyncWorker(SyncService sync, SyncFailures failures) {
    this.sync = sync;
    this.failures = failures;
  }

  // Ten minutes: a run stops at sprintflow.oauth.sync.max-duration (4 min) well before that.
  // The job rather than @VariablesAsType: a variable of the wrong type must become a BPMN error
  // naming it, and the backoff needs the job's retries.
  @JobWorker(type = JOB_TYPE, timeout = 600_000L, fetchVariables = {"connectionId", "syncOptions", "inputs"})
  public OAuthSyncResult sync(ActivatedJob job) {
    try {
      OAuthSyncInput input = OAuthSyncInput.from(job.getVariablesAsMap());
      return OAuthSyncResult.of(sync.sync(input.effectiveConnectionId(), input.effectiveOptions()));
    } catch (DataAccessException e) {
      LOG.warn("oauth-sync job {}: the service's database failed: {}", job.getKey(), e.getMessage());
      throw failures.toJobOutcome(e, job.getRetries());
    } catch (RuntimeException e) {
      throw failures.toJobOutcome(e, job.getRetries());
    }
  }
}
