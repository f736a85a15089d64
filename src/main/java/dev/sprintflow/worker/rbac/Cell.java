package dev.sprintflow.worker.rbac;

/**
 * One cell of a permission matrix: may {@code role} do {@code action} on {@code resource}, in
 * {@code scope} (e.g. "assigned" to the caller, "unassigned"; null for an unscoped resource)?
 */
public record Cell(String role, String resource, String scope, String action) {

  /** {@code clients} or {@code clients/assigned}: how the matrix names the row. */
  public String row() {
    return scope == null ? resource : resource + "/" + scope;
  }

  @Override
  public String toString() {
    return role + " " + action + " " + row();
  }
}
