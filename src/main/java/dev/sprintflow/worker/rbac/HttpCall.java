package dev.sprintflow.worker.rbac;

import java.util.List;

/** A request to the target, its path relative to the base URL; placeholders may remain in follow-ups. */
public record HttpCall(String method, String path, String body, List<Header> headers) {

  public HttpCall {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** A header the worker sends besides Authorization (configured, never secret). */
  public record Header(String name, String value) {
    @Override
    public String toString() {
      return name + ": " + value;
    }
  }

  /** {@code PATCH /api/clients/c-2}, what evidence shows of the request. */
  public String line() {
    return method + " " + path;
  }
}
