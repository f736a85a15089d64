package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.worker.rbac.RbacCheckOutcome.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacReportTest {

  static CellEvidence cell(String role, String scope, String action, String expected, String observed, String excerpt) {
    return new CellEvidence(role, "clients", scope, action, expected, observed, expected.equals(observed),
        "GET /api/clients/" + scope, observed.equals("error") ? 500 : 200, excerpt,
        observed.equals("error") ? "HTTP 500: the target failed; neither allow nor deny" : null, 5, null, false);
  }

  static RbacSummary summary(Status status, int cells, int mismatches, int errors) {
    return new RbacSummary("staging", status.label(), 2, cells, cells - mismatches - errors, mismatches, errors, 0, 0, 0, 1500);
  }

  @Test
  void tableCellsCannotBreakTheTable() {
    List<CellEvidence> evidence = List.of(
        cell("owner", "a", "read", "allow", "allow", "ok"),
        cell("member", "a", "read", "deny", "allow", "{\"note\": \"a|b\nc `x`\"}"));
    String md = RbacReport.render(Status.VIOLATION, summary(Status.VIOLATION, 2, 1, 0), "https://staging.example.com",
        List.of("owner", "member"), evidence);

    assertThat(md).contains("| member | clients/a | read | deny | **allow** | `GET /api/clients/a` | 200 | {\"note\": \"a\\|b c 'x'\"} |  |");
    assertThat(md).contains("| clients/a | read | allow | **allow** |");
    assertThat(md).contains("Target `staging` (https://staging.example.com): 2 roles, 2 cells, 1 match, 1 differ, 0 without verdict");
    assertThat(md).doesNotContain("Cells without a verdict");
  }

  @Test
  void largeMatricesShowOnlyTheRowsWithFindings() {
    List<CellEvidence> evidence = new ArrayList<>();
    for (int i = 0; i < RbacReport.FULL_MATRIX_ROWS + 10; i++) {
      evidence.add(cell("owner", "s" + i, "read", "allow", i == 7 ? "error" : "allow", "ok"));
    }
    String md = RbacReport.render(Status.INCONCLUSIVE, summary(Status.INCONCLUSIVE, evidence.size(), 0, 1), "http://t",
        List.of("owner"), evidence);

    assertThat(md).contains("rows with findings only; every other row of the 70 matches; see rbacObserved");
    assertThat(md).contains("| clients/s7 | read | **ERROR** |").doesNotContain("| clients/s8 | read |");
    assertThat(md).contains("**Cells without a verdict** (not counted as deny)")
        .contains("| owner | clients/s7 | read | allow | HTTP 500: the target failed; neither allow nor deny |");
  }
}
