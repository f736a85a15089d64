package dev.sprintflow.worker.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected permissions: roles x resource rows x actions, each cell allow or deny. Built by
 * {@link PermissionMatrixParser} from the compact form (workers/rbac-check.md).
 */
public record PermissionMatrix(List<String> roles, List<ResourceRow> rows, Map<Cell, Access> expected) {

  public PermissionMatrix {
    roles = List.copyOf(roles);
    rows = List.copyOf(rows);
    expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
  }

  /** Every cell, role by role, row by row, action by action (the order reports use). */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (String role : roles) {
      for (ResourceRow row : rows) {
        for (String action : row.actions()) {
          cells.add(new Cell(role, row.resource(), row.scope(), action));
        }
      }
    }
    return cells;
  }

  public Access expected(Cell cell) {
    Access access = expected.get(cell);
    if (access == null) {
      throw new IllegalArgumentException("Not a cell of this matrix: " + cell);
    }
    return access;
  }
}
