package dev.sprintflow.worker.rbac;

import dev.sprintflow.worker.rbac.RbacCheckOutcome.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown a reviewer (review form) or lead (triage form) reads: verdict, the cells that
 * differ or have no verdict with their evidence, failed restores, and the observed matrix with
 * differing cells in bold. Large matrices list only rows with findings, so the variable stays small.
 */
public final class RbacReport {

  /** Above this many matrix rows, the observed matrix shows only rows with findings. */
  static final int FULL_MATRIX_ROWS = 60;
  /** At most this many cells are listed per finding section. */
  static final int MAX_LISTED = 100;

  private RbacReport() {}

  public static String render(Status status, RbacSummary summary, String baseUrl, List<String> roles,
      List<CellEvidence> evidence) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(title(status, summary)).append("\n\n");
    md.append("Target `%s` (%s): %d roles, %d cells, %d match, %d differ, %d without verdict; %d dry-run probes, %d restores%s; %s.\n\n"
        .formatted(summary.target(), baseUrl, summary.roles(), summary.cells(), summary.matching(), summary.mismatches(),
            summary.errors(), summary.dryRunProbes(), summary.restored(),
            summary.restoreFailures() == 0 ? "" : " (" + summary.restoreFailures() + " failed)",
            seconds(summary.durationMillis())));

    List<CellEvidence> mismatches = evidence.stream()
        .filter(e -> !e.matches() && !e.observed().equals(Access.ERROR.label())).toList();
    if (!mismatches.isEmpty()) {
      md.append("**Cells that differ from the matrix**\n\n");
      md.append("| role | resource | action | expected | observed | request | status | response | note |\n");
      md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
      limit(mismatches).forEach(e -> md.append("| %s | %s | %s | %s | **%s** | `%s` | %s | %s | %s |\n".formatted(
          cell(e.role()), cell(e.row()), cell(e.action()), e.expected(), e.observed(), code(e.request()),
          e.status(), cell(e.excerpt()), cell(e.note()))));
      more(md, mismatches.size());
    }
    List<CellEvidence> errors = evidence.stream().filter(e -> e.observed().equals(Access.ERROR.label())).toList();
    if (!errors.isEmpty()) {
      md.append("**Cells without a verdict** (not counted as deny)\n\n");
      md.append("| role | resource | action | expected | why | request | response |\n");
      md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
      limit(errors).forEach(e -> md.append("| %s | %s | %s | %s | %s | `%s` | %s |\n".formatted(
          cell(e.role()), cell(e.row()), cell(e.action()), e.expected(), cell(e.note()), code(e.request()),
          cell(e.excerpt()))));
      more(md, errors.size());
    }
    List<CellEvidence> restores = evidence.stream()
        .filter(CellEvidence::restoreFailed).toList();
    if (!restores.isEmpty()) {
      md.append("**Restores that failed**: the target may still hold these probes' changes\n\n");
      limit(restores).forEach(e -> md.append("- %s %s %s: `%s`\n".formatted(e.role(), e.action(), e.row(), code(e.restore()))));
      md.append('\n');
    }
    matrix(md, roles, evidence);
    return md.toString();
  }

  private static String title(Status status, RbacSummary s) {
    return switch (status) {
      case PASSED -> "RBAC check passed: all %d cells match the matrix".formatted(s.cells());
      case VIOLATION -> "RBAC violation: %d of %d cells differ from the matrix".formatted(s.mismatches(), s.cells());
      case INCONCLUSIVE -> "RBAC check inconclusive: %d of %d cells have no verdict".formatted(s.errors(), s.cells());
    };
  }

  private static void matrix(StringBuilder md, List<String> roles, List<CellEvidence> evidence) {
    Map<String, Map<String, CellEvidence>> rows = new LinkedHashMap<>(); // "row action" -> role -> cell
    for (CellEvidence e : evidence) {
      rows.computeIfAbsent(e.row() + "\u0000" + e.action(), k -> new LinkedHashMap<>()).put(e.role(), e);
    }
    boolean onlyFindings = rows.size() > FULL_MATRIX_ROWS;
    md.append("**Observed matrix**").append(onlyFindings
        ? " (rows with findings only; every other row of the %d matches; see rbacObserved)".formatted(rows.size())
        : "").append(": allow / deny / ERROR, **bold** where it differs from the matrix\n\n");
    md.append("| resource | action | ").append(String.join(" | ", roles.stream().map(RbacReport::cell).toList())).append(" |\n");
    md.append("| --- | --- |").append(" --- |".repeat(roles.size())).append('\n');
    int shown = 0;
    for (Map<String, CellEvidence> byRole : rows.values()) {
      boolean finding = byRole.values().stream().anyMatch(e -> !e.matches());
      if (onlyFindings && (!finding || shown >= MAX_LISTED)) {
        continue;
      }
      shown++;
      CellEvidence first = byRole.values().iterator().next();
      List<String> cells = new ArrayList<>();
      for (String role : roles) {
        CellEvidence e = byRole.get(role);
        String word = e.observed().equals(Access.ERROR.label()) ? "ERROR" : e.observed();
        cells.add(e.matches() ? word : "**" + word + "**");
      }
      md.append("| %s | %s | %s |\n".formatted(cell(first.row()), cell(first.action()), String.join(" | ", cells)));
    }
    md.append('\n');
  }

  private static List<CellEvidence> limit(List<CellEvidence> cells) {
    return cells.size() <= MAX_LISTED ? cells : cells.subList(0, MAX_LISTED);
  }

  private static void more(StringBuilder md, int size) {
    if (size > MAX_LISTED) {
      md.append("\n... and %d more (see rbacEvidence)\n".formatted(size - MAX_LISTED));
    }
    md.append('\n');
  }

  /** Text safe inside a Markdown table cell. */
  static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ").replace("`", "'");
  }

  private static String code(String text) {
    return text == null ? "" : cell(text).replace("`", "'");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
