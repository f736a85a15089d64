package dev.sprintflow.worker.oauth;

import dev.sprintflow.lifecycle.LifecycleErrors;
import dev.sprintflow.oauth.AuthorizeLinks;
import dev.sprintflow.oauth.ProviderNotConfiguredException;
import dev.sprintflow.oauth.ReauthRequiredException;
import dev.sprintflow.oauth.TokenEndpointException;
import dev.sprintflow.oauth.UnknownConnectionException;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * How a failed sync reaches the process (workers/oauth-sync.md): outcomes a person decides about
 * are BPMN errors (caught by the lifecycle's triage), transient ones fail the job with a backoff,
 * misconfiguration fails it without retries so an operator sees the incident at once.
 */
@Component
public class SyncFailures {

  /** The retries the lifecycle and the schedule give the sync task; the backoff doubles per used one. */
  static final int DEFAULT_RETRIES = 3;

  private final AuthorizeLinks links;
  private final SyncProperties properties;

  public SyncFailures(AuthorizeLinks links, SyncProperties properties) {
    this.links = links;
    this.properties = properties;
  }

  /** The exception for the starter to act on (throw it from the worker). */
  public RuntimeException toJobOutcome(RuntimeException failure, int retriesLeft) {
    return switch (failure) {
      case ReauthRequiredException e -> reauth(e);
      case UnknownConnectionException e -> LifecycleErrors.workFailure(LifecycleErrors.WORK_FAILED, e.getMessage(),
          Map.of("connectionId", e.connectionId()));
      case InvalidSyncOptionsException e -> LifecycleErrors.workFailure(LifecycleErrors.WORK_FAILED, e.getMessage());
      case RateLimitedException e -> CamundaError.jobError(e.getMessage(), null, retriesLeft - 1, e.retryAfter());
      case ProviderUnavailableException e -> retry(e.getMessage(), retriesLeft);
      case MalformedResponseException e -> retry(e.getMessage() + " (nothing of this page was stored; the cursor did not move)",
          retriesLeft);
      case ProviderRequestException e -> retry(e.getMessage(), retriesLeft);
      case TokenEndpointException e -> tokenEndpoint(e, retriesLeft);
      case ProviderNotConfiguredException e -> CamundaError.jobError(e.getMessage(), null, 0, Duration.ZERO);
      // The service's own database: transient as far as the job can tell; the log has the details.
      case DataAccessException e -> retry("The service's database failed (" + e.getClass().getSimpleName()
          + "); nothing of the failed page was stored", retriesLeft);
      default -> failure;
    };
  }

  private RuntimeException reauth(ReauthRequiredException e) {
    String link = links.authorize(e.provider(), e.connectionId()).toString();
    String message = "Reconnect account: the %s account %s (connection %s) must be authorised again: %s. Open %s to reconnect, then choose retry."
        .formatted(e.provider(), e.account(), e.connectionId(), e.reason(), link);
    return LifecycleErrors.workFailure(LifecycleErrors.OAUTH_REAUTH_REQUIRED, message,
        Map.of("connectionId", e.connectionId(), "reconnectUrl", link));
  }

  private RuntimeException tokenEndpoint(TokenEndpointException e, int retriesLeft) {
    return switch (e.kind()) {
      case UNAVAILABLE -> e.retryAfter() != null
          ? CamundaError.jobError(e.getMessage(), null, retriesLeft - 1, cap(e.retryAfter()))
          : retry(e.getMessage(), retriesLeft);
      case MALFORMED -> retry(e.getMessage(), retriesLeft);
      // invalid_grant never gets here (the refresher turns it into ReauthRequiredException);
      // anything else is the client registration: an operator must look, retrying cannot help.
      case REJECTED, INVALID_GRANT -> CamundaError.jobError(e.getMessage()
          + ". Check the client registration (sprintflow.oauth.providers.*)", null, 0, Duration.ZERO);
    };
  }

  private RuntimeException retry(String message, int retriesLeft) {
    return CamundaError.jobError(message, null, retriesLeft - 1, backoff(retriesLeft));
  }

  /** Base backoff, doubled for every retry already used (counted from the model's 3). */
  Duration backoff(int retriesLeft) {
    int used = Math.max(0, Math.min(10, DEFAULT_RETRIES - retriesLeft));
    Duration backoff = properties.retryBackoff().multipliedBy(1L << used);
    return backoff.compareTo(properties.maxRetryBackoff()) > 0 ? properties.maxRetryBackoff() : backoff;
  }

  private Duration cap(Duration wait) {
    return wait.compareTo(properties.maxRateLimitBackoff()) > 0 ? properties.maxRateLimitBackoff() : wait;
  }
}
