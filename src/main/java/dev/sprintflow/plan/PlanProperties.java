package dev.sprintflow.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * {@code sprintflow.plans.*}: how the service reads plans.
 *
 * @param maxInputSize larger plans are refused before parsing (default 10MB)
 * @param workerKeywords kind -> keywords, checked before the defaults; a kind named here replaces the
 *     default of that name, and an empty list switches it off
 * @param workerKeywordsFile a YAML keyword table (format of worker-keywords.yaml) applied before
 *     {@code workerKeywords}, e.g. {@code file:config/worker-keywords.yaml}
 * @param defaultWorker the kind for tasks no keyword matches (default generic)
 */
@ConfigurationProperties("sprintflow.plans")
public record PlanProperties(
    DataSize maxInputSize, Map<String, List<String>> workerKeywords, Resource workerKeywordsFile, String defaultWorker) {

  public PlanProperties {
    maxInputSize = maxInputSize == null ? DataSize.ofBytes(PlanLoader.DEFAULT_MAX_INPUT_BYTES) : maxInputSize;
    workerKeywords = workerKeywords == null ? Map.of() : new LinkedHashMap<>(workerKeywords);
  }
}
