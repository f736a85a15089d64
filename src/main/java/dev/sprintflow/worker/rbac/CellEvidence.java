package dev.sprintflow.worker.rbac;

/**
 * What was seen for one cell, as the worker reports it (the rbacEvidence variable): the request
 * (method and path, never credentials), the status, the start of the response with secrets
 * redacted, and what happened to restore the target.
 */
public record CellEvidence(
    String role,
    String resource,
    String scope,
    String action,
    String expected,
    String observed,
    boolean matches,
    String request,
    Integer status,
    String excerpt,
    String note,
    long millis,
    String restore,
    boolean restoreFailed) {

  public String row() {
    return scope == null ? resource : resource + "/" + scope;
  }
}
