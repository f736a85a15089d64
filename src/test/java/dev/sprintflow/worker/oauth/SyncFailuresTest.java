package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.lifecycle.LifecycleErrors;
import dev.sprintflow.oauth.AuthorizeLinks;
import dev.sprintflow.oauth.OAuthProperties;
import dev.sprintflow.oauth.ProviderNotConfiguredException;
import dev.sprintflow.oauth.TokenEndpointException;
import dev.sprintflow.oauth.UnknownConnectionException;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which failure becomes a BPMN error for a person and which a job retry, with which backoff. */
class SyncFailuresTest {

  final SyncFailures failures = new SyncFailures(
      new AuthorizeLinks(new OAuthProperties(null, URI.create("https://sprintflow.example/"), null, null, null, Map.of())),
      new SyncProperties(null, null, null, null, Duration.ofSeconds(10), Duration.ofSeconds(30), null, Duration.ofMinutes(15)));

  @Test
  void rateLimitsKeepTheirRetryAfter() {
    JobError e = (JobError) failures.toJobOutcome(new RateLimitedException("slow down", Duration.ofSeconds(42)), 3);
    assertThat(e.getRetries()).isEqualTo(2);
    assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(42));
    JobError token = (JobError) failures.toJobOutcome(new TokenEndpointException(
        TokenEndpointException.Kind.UNAVAILABLE, null, "429", Duration.ofHours(2)), 1);
    assertThat(token.getRetries()).isZero();
    assertThat(token.getRetryBackoff()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void transientFailuresBackOffExponentiallyUpToTheCap() {
    assertThat(((JobError) failures.toJobOutcome(new ProviderUnavailableException("503"), 3)).getRetryBackoff())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(((JobError) failures.toJobOutcome(new ProviderUnavailableException("503"), 2)).getRetryBackoff())
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(((JobError) failures.toJobOutcome(new ProviderUnavailableException("503"), 1)).getRetryBackoff())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void whatAPersonMustFixIsABpmnErrorWithCodeAndMessageVariables() {
    BpmnError unknown = (BpmnError) failures.toJobOutcome(new UnknownConnectionException("gone"), 3);
    assertThat(unknown.getErrorCode()).isEqualTo(LifecycleErrors.WORK_FAILED);
    assertThat(((Map<?, ?>) unknown.getVariables()).keySet()).extracting(Object::toString).contains("errorCode", "errorMessage");
    BpmnError options = (BpmnError) failures.toJobOutcome(new InvalidSyncOptionsException("syncOptions.channel", "needs a channel"), 3);
    assertThat(options.getErrorMessage()).isEqualTo("needs a channel");
  }

  @Test
  void misconfigurationFailsWithoutRetriesSoAnOperatorSeesItAtOnce() {
    JobError config = (JobError) failures.toJobOutcome(new ProviderNotConfiguredException("gmail"), 3);
    assertThat(config.getRetries()).isZero();
    assertThat(config.getErrorMessage()).contains("SPRINTFLOW_OAUTH_GMAIL_CLIENT_ID");
    JobError client = (JobError) failures.toJobOutcome(new TokenEndpointException(
        TokenEndpointException.Kind.REJECTED, "invalid_client", "invalid_client", null), 3);
    assertThat(client.getRetries()).isZero();
    JobError database = (JobError) failures.toJobOutcome(new org.springframework.dao.QueryTimeoutException("slow"), 3);
    assertThat(database.getRetries()).isEqualTo(2);
    assertThat(database.getErrorMessage()).contains("service's database");
    RuntimeException other = new IllegalStateException("bug");
    assertThat(failures.toJobOutcome(other, 3)).isSameAs(other);
  }
}
