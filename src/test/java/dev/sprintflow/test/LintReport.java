package dev.sprintflow.test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What one run of the Modeler checks saw: the files, the configs applied and every finding. */
public record LintReport(List<String> configs, List<String> files, List<LintFinding> findings) {

  public List<LintFinding> errors() {
    return findings.stream().filter(LintFinding::isError).toList();
  }

  public List<LintFinding> byRule(String rule) {
    return findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  public List<LintFinding> in(Path file) {
    String name = file.toAbsolutePath().toString();
    return findings.stream().filter(f -> f.file().equals(name)).toList();
  }

  /** One finding per line, for assertion messages. */
  public String describe() {
    return findings.isEmpty() ? "no findings" : findings.stream().map(LintFinding::toString).collect(Collectors.joining("\n"));
  }
}
