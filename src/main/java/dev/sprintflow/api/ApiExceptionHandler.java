package dev.sprintflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import dev.sprintflow.process.EngineUnavailableException;
import dev.sprintflow.process.ProcessNotFoundException;
import dev.sprintflow.process.ProcessStartRejectedException;
import dev.sprintflow.review.InvalidDecisionException;
import dev.sprintflow.review.ReviewConflictException;
import dev.sprintflow.review.ReviewNotFoundException;
import dev.sprintflow.webapps.WebAppException;
import dev.sprintflow.webapps.WebAppNotConfiguredException;
import dev.sprintflow.webapps.WebAppUnavailableException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail that says what was wrong and where; no stack
 * traces, and unexpected failures are logged here and answered with a generic 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  static final String TYPE_BASE = "https://sprintflow.dev/problems/";

  private final long retryAfterSeconds;

  public ApiExceptionHandler(@Value("${sprintflow.api.retry-after:5s}") java.time.Duration retryAfter) {
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(InvalidDecisionException.class)
  ProblemDetail invalidDecision(InvalidDecisionException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    p.setProperty("field", e.field());
    return p;
  }

  @ExceptionHandler(ReviewNotFoundException.class)
  ProblemDetail reviewNotFound(ReviewNotFoundException e) {
    ProblemDetail p = problem(HttpStatus.NOT_FOUND, "review-not-found", "Task not found", e.getMessage());
    p.setProperty("field", "id");
    p.setProperty("id", e.id());
    return p;
  }

  @ExceptionHandler(ReviewConflictException.class)
  ProblemDetail reviewConflict(ReviewConflictException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "review-closed", "Task already decided", e.getMessage());
    p.setProperty("field", "id");
    p.setProperty("id", e.id());
    return p;
  }

  @ExceptionHandler(ProcessNotFoundException.class)
  ProblemDetail notFound(ProcessNotFoundException e) {
    ProblemDetail p = problem(HttpStatus.NOT_FOUND, "process-not-found", "Process not found", e.getMessage());
    p.setProperty("bpmnProcessId", e.bpmnProcessId());
    return p;
  }

  @ExceptionHandler(ProcessStartRejectedException.class)
  ProblemDetail rejected(ProcessStartRejectedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "start-rejected", "Start rejected by the engine", e.getMessage());
  }

  @ExceptionHandler(EngineUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(EngineUnavailableException e) {
    LOG.warn("Engine unavailable: {}", e.getMessage());
    ProblemDetail p = problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "engine-unavailable",
        "Engine unavailable",
        "The workflow engine cannot be reached right now; try again later. (" + e.getMessage() + ")");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
        .body(p);
  }

  /** The service's own database (sprints, progress) does not answer: like the engine, try again later. */
  @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
      org.springframework.transaction.CannotCreateTransactionException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
    LOG.warn("Database unavailable: {}", e.getMessage());
    ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
        "The service's database cannot be reached right now; try again later.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
        .body(p);
  }

  @ExceptionHandler(WebAppUnavailableException.class)
  ResponseEntity<ProblemDetail> webAppUnavailable(WebAppUnavailableException e) {
    LOG.warn("Web application unavailable: {}", e.getMessage());
    ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "webapp-unavailable", "Operate or Tasklist unavailable",
        e.getMessage() + "; try again later.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
        .body(p);
  }

  /** Operate or Tasklist refused or failed a request the service made: a gateway error, not the caller's. */
  @ExceptionHandler(WebAppException.class)
  ProblemDetail webAppFailed(WebAppException e) {
    LOG.warn("Web application error: {}", e.getMessage());
    return problem(HttpStatus.BAD_GATEWAY, "webapp-error", "Operate or Tasklist failed", e.getMessage());
  }

  @ExceptionHandler(WebAppNotConfiguredException.class)
  ProblemDetail notConfigured(WebAppNotConfiguredException e) {
    return problem(HttpStatus.NOT_IMPLEMENTED, "not-configured", "Not available on this runtime", e.getMessage());
  }

  @ExceptionHandler(dev.sprintflow.sprint.InvalidPlanException.class)
  ProblemDetail invalidPlan(dev.sprintflow.sprint.InvalidPlanException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-plan", "Invalid plan",
        "The plan has " + e.errors().size() + " error(s); each is listed with its file, line and column");
    p.setProperty("errors", e.errors().stream().map(err -> java.util.Map.of(
        "file", err.file(), "line", err.line(), "column", err.column(), "message", err.message())).toList());
    p.setProperty("warnings", e.warnings());
    return p;
  }

  @ExceptionHandler(dev.sprintflow.compiler.SprintCompileException.class)
  ProblemDetail compileFailed(dev.sprintflow.compiler.SprintCompileException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "compile-failed", "Plan could not be compiled", e.getMessage());
  }

  @ExceptionHandler(UnsupportedPlanTypeException.class)
  ProblemDetail unsupportedPlanType(UnsupportedPlanTypeException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", e.getMessage());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Plan too large", e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail p = problem(HttpStatus.NOT_FOUND, e.resource() + "-not-found", "Not found", e.getMessage());
    if (e.field() != null) {
      p.setProperty("field", e.field());
    }
    return p;
  }

  /** Sent as problem JSON whatever the Accept header said: the client must learn what it can ask for. */
  @ExceptionHandler(NotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(NotAcceptableException e) {
    ProblemDetail p = problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", e.getMessage());
    p.setProperty("field", "Accept");
    p.setProperty("supported", e.supported());
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("Unexpected error while handling a request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "The request failed unexpectedly; the service log has the details.");
  }

  /** Malformed JSON: say where the parser stopped instead of Spring's generic text. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "The request body is not valid JSON";
    if (ex.getCause() instanceof JsonProcessingException jpe) {
      JsonLocation at = jpe.getLocation();
      detail += at == null ? "" : " (line %d, column %d)".formatted(at.getLineNr(), at.getColumnNr());
      detail += ": " + jpe.getOriginalMessage();
    } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
      detail = "The request body is missing; send a JSON object (to start a process: its variables, possibly {})";
    }
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request body", detail);
    p.setProperty("field", "body");
    return ResponseEntity.badRequest().body(p);
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_BASE + type));
    p.setTitle(title);
    return p;
  }
}
