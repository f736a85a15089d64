package dev.sprintflow.engine;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;

/**
 * What went wrong when talking to the engine, independent of gRPC or REST: the one place that
 * reads the client's exceptions, so callers decide on a kind rather than on status codes.
 */
public record EngineFailure(Kind kind, String message) {

  public enum Kind {
    /** The thing asked for does not exist (e.g. no such process deployed). */
    NOT_FOUND,
    /** The engine refused the request as invalid. */
    REJECTED,
    /** The engine cannot be reached or is overloaded right now; worth retrying later. */
    UNAVAILABLE,
    /** Anything else. */
    OTHER
  }

  public static EngineFailure of(ClientException e) {
    if (e instanceof ClientStatusException s) {
      return new EngineFailure(kindOf(s.getStatusCode()), clean(s.getStatus().getDescription(), e));
    }
    if (e instanceof ProblemException p && p.details() != null) {
      int status = p.details().getStatus() == null ? 0 : p.details().getStatus();
      Kind kind = switch (status) {
        case 404 -> Kind.NOT_FOUND;
        case 400, 409 -> Kind.REJECTED;
        case 429, 502, 503, 504 -> Kind.UNAVAILABLE;
        default -> Kind.OTHER;
      };
      return new EngineFailure(kind, clean(p.details().getDetail(), e));
    }
    // Connection-level failures (refused, reset, timed out) surface without a status.
    return new EngineFailure(Kind.UNAVAILABLE, clean(null, e));
  }

  private static Kind kindOf(Status.Code code) {
    return switch (code) {
      case NOT_FOUND -> Kind.NOT_FOUND;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS -> Kind.REJECTED;
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED -> Kind.UNAVAILABLE;
      default -> Kind.OTHER;
    };
  }

  private static String clean(String description, Throwable e) {
    String text = description;
    if (text == null || text.isBlank()) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
    return text.strip();
  }
}
