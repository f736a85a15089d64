package dev.sprintflow.api;

import dev.sprintflow.oauth.ConsentException;
import dev.sprintflow.oauth.InvalidConnectionException;
import dev.sprintflow.oauth.ProviderNotConfiguredException;
import dev.sprintflow.oauth.TokenDecryptionException;
import dev.sprintflow.oauth.UnknownConnectionException;
import dev.sprintflow.oauth.UnknownProviderException;
import dev.sprintflow.worker.oauth.InvalidSyncOptionsException;
import dev.sprintflow.worker.oauth.ScheduleConflictException;
import dev.sprintflow.worker.oauth.ScheduleNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the connection API and the consent endpoints, each naming the field at fault.
 * Ordered before {@link ApiExceptionHandler}, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice(assignableTypes = {ConnectionController.class, ConsentController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OAuthExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthExceptionHandler.class);

  @ExceptionHandler(UnknownConnectionException.class)
  ProblemDetail unknownConnection(UnknownConnectionException e, HttpServletRequest request) {
    String field = request.getRequestURI().startsWith("/oauth/") ? "connection" : "id";
    return withField(ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "connection-not-found", "Connection not found",
        e.getMessage()), field);
  }

  @ExceptionHandler(UnknownProviderException.class)
  ProblemDetail unknownProvider(UnknownProviderException e) {
    return withField(ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "provider-not-found", "Provider not found",
        e.getMessage()), "provider");
  }

  @ExceptionHandler(ProviderNotConfiguredException.class)
  ProblemDetail notConfigured(ProviderNotConfiguredException e) {
    return withField(ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "provider-not-configured",
        "Provider not configured", e.getMessage()), "provider");
  }

  @ExceptionHandler(InvalidConnectionException.class)
  ProblemDetail invalidConnection(InvalidConnectionException e) {
    return withField(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        e.getMessage()), e.field());
  }

  @ExceptionHandler(InvalidSyncOptionsException.class)
  ProblemDetail invalidOptions(InvalidSyncOptionsException e) {
    return withField(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        e.getMessage()), e.field());
  }

  @ExceptionHandler(ScheduleConflictException.class)
  ProblemDetail scheduleConflict(ScheduleConflictException e) {
    return withField(ApiExceptionHandler.problem(HttpStatus.CONFLICT, "schedule-exists", "Schedule exists",
        e.getMessage()), "id");
  }

  @ExceptionHandler(ScheduleNotFoundException.class)
  ProblemDetail scheduleNotFound(ScheduleNotFoundException e) {
    return withField(ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "schedule-not-found", "Schedule not found",
        e.getMessage()), "id");
  }

  @ExceptionHandler(ConsentException.class)
  ProblemDetail consent(ConsentException e) {
    if (e.providerUnavailable()) {
      LOG.warn("Consent could not complete: {}", e.getMessage());
      return ApiExceptionHandler.problem(HttpStatus.BAD_GATEWAY, "provider-failed", "Provider failed", e.getMessage());
    }
    return withField(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "consent-failed", "Consent failed",
        e.getMessage()), e.field());
  }

  @ExceptionHandler(TokenDecryptionException.class)
  ProblemDetail undecryptable(TokenDecryptionException e) {
    // A consent state sealed with a key that is gone (restart with an ephemeral key): start again.
    return withField(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST, "consent-failed", "Consent failed",
        e.getMessage() + "; start consent again"), "state");
  }

  private static ProblemDetail withField(ProblemDetail problem, String field) {
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }
}
