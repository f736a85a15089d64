package dev.sprintflow.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's {@link PlanLoader}, configured by {@link PlanProperties}. */
@Configuration(proxyBeanMethods = false)
public class PlanConfiguration {

  @Bean
  PlanLoader planLoader(PlanProperties properties) {
    return new PlanLoader(keywords(properties), properties.maxInputSize().toBytes());
  }

  static WorkerKeywords keywords(PlanProperties properties) {
    WorkerKeywords table = WorkerKeywords.defaults();
    if (properties.workerKeywordsFile() != null) {
      try {
        String yaml = properties.workerKeywordsFile().getContentAsString(StandardCharsets.UTF_8);
        WorkerKeywords file = WorkerKeywords.parseYaml(yaml);
        table = table.overriddenBy(file.asMap(), file.defaultKind());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sprintflow.plans.worker-keywords-file "
            + properties.workerKeywordsFile().getDescription(), e);
      }
    }
    return table.overriddenBy(properties.workerKeywords(), properties.defaultWorker());
  }
}
