package dev.sprintflow.worker.rbac;

import java.util.List;

/** A row of the matrix: a resource, optionally in one scope, with the actions probed on it. */
public record ResourceRow(String resource, String scope, List<String> actions) {

  public ResourceRow {
    actions = List.copyOf(actions);
  }

  public String name() {
    return scope == null ? resource : resource + "/" + scope;
  }
}
