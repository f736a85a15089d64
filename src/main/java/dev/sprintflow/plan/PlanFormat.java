package dev.sprintflow.plan;

import java.util.Locale;
import java.util.Optional;

/** The file formats a plan can be written in. */
public enum PlanFormat {
  YAML,
  JSON,
  MARKDOWN;

  /** By file name extension: .yaml/.yml, .json, .md/.markdown. */
  public static Optional<PlanFormat> fromFileName(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Optional.of(MARKDOWN);
    }
    return Optional.empty();
  }

  /** By media type, parameters ignored: application/yaml, application/json, text/markdown and kin. */
  public static Optional<PlanFormat> fromMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> Optional.of(YAML);
      case "application/json" -> Optional.of(JSON);
      case "text/markdown", "text/x-markdown" -> Optional.of(MARKDOWN);
      default -> type.endsWith("+json") ? Optional.of(JSON) : type.endsWith("+yaml") ? Optional.of(YAML) : Optional.empty();
    };
  }
}
