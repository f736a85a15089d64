package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** sprintflow.plans.* configures the service's loader (no engine needed: a plain context runner). */
class PlanConfigurationTest {

  @Configuration
  @EnableConfigurationProperties(PlanProperties.class)
  @Import(PlanConfiguration.class)
  static class Setup {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Setup.class);

  @Test
  void defaults() {
    runner.run(ctx -> {
      PlanLoader loader = ctx.getBean(PlanLoader.class);
      assertThat(loader.maxInputBytes()).isEqualTo(10L * 1024 * 1024);
      assertThat(loader.workerKeywords().classify("Real Gmail Sync")).isEqualTo("oauth-sync");
    });
  }

  @Test
  void propertiesOverrideKeywordsDefaultKindAndLimit() {
    runner.withPropertyValues(
            "sprintflow.plans.max-input-size=512KB",
            "sprintflow.plans.worker-keywords.ads-sync=ads,campaign",
            "sprintflow.plans.worker-keywords.manual=",
            "sprintflow.plans.default-worker=external")
        .run(ctx -> {
          PlanLoader loader = ctx.getBean(PlanLoader.class);
          assertThat(loader.maxInputBytes()).isEqualTo(512 * 1024);
          assertThat(loader.workerKeywords().classify("Real Google Ads")).isEqualTo("ads-sync");
          assertThat(loader.workerKeywords().classify("Manual")).isEqualTo("external");
          assertThat(loader.workerKeywords().rules().get(0).keywords()).isEqualTo(List.of("ads", "campaign"));
        });
  }

  @Test
  void keywordTableFromAFile() {
    runner.withPropertyValues("sprintflow.plans.worker-keywords-file=classpath:plans/worker-keywords-test.yaml")
        .run(ctx -> assertThat(ctx.getBean(PlanLoader.class).workerKeywords().classify("Figma mockups"))
            .isEqualTo("design"));
  }
}
