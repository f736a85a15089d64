package dev.sprintflow.worker.migration;

import java.util.List;

/** The reviewer's Markdown: what the port did, per file what changed, and the diff of source against ported file. */
final class MarkdownSummary {

  /** Zeebe keeps variables in its state; a summary of 100 migrations must not grow without bound. */
  static final int MAX_CHARS = 200_000;

  /** One file for the summary. */
  record FileSection(String sourcePath, String portedPath, String sourceText, String portedText, List<String> changes) {}

  private MarkdownSummary() {}

  static String render(String heading, String outcome, List<MigrationPortResult.PortedFile> files,
      List<FileSection> sections, List<String> warnings) {
    StringBuilder md = new StringBuilder("## ").append(heading).append("\n\n").append(outcome).append("\n\n");
    md.append("| source | ported | version | statements | status | checksum |\n|---|---|---|---|---|---|\n");
    for (MigrationPortResult.PortedFile f : files) {
      md.append("| `%s` | `%s` | %s | %d | %s | `%s` |\n".formatted(f.source(), f.path(), f.version(), f.statements(),
          f.status(), f.checksum().substring(0, Math.min(f.checksum().length(), 19))));
    }
    if (!warnings.isEmpty()) {
      md.append("\n### Check by hand\n\n");
      warnings.forEach(w -> md.append("- ").append(w).append('\n'));
    }
    boolean truncated = false;
    for (FileSection s : sections) {
      StringBuilder part = new StringBuilder("\n### `").append(s.sourcePath()).append("` → `").append(s.portedPath()).append("`\n\n");
      if (s.changes().isEmpty()) {
        part.append("- no schema changes (carried over as it is)\n");
      }
      s.changes().forEach(c -> part.append("- ").append(c).append('\n'));
      String diff = UnifiedDiff.of("a/" + s.sourcePath(), s.sourceText(), "b/" + s.portedPath(), s.portedText());
      if (diff == null) {
        part.append("\n(file too large to diff here: compare the files directly)\n");
      } else if (!diff.isEmpty()) {
        part.append("\n```diff\n").append(diff.replace("```", "`\u200b``")).append("```\n");
      }
      if (md.length() + part.length() > MAX_CHARS) {
        truncated = true;
        break;
      }
      md.append(part);
    }
    if (truncated) {
      md.append("\n_Summary truncated at %d characters: the remaining diffs are in the ported files themselves._\n"
          .formatted(MAX_CHARS));
    }
    return md.toString();
  }
}
