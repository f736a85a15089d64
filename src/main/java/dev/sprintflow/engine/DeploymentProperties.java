package dev.sprintflow.engine;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sprintflow.deployment.*}: what the service deploys on start-up.
 *
 * @param enabled deploy on start-up (default true)
 * @param folders classpath folders searched for .bpmn, .dmn and .form files (default bpmn, dmn)
 */
@Validated
@ConfigurationProperties("sprintflow.deployment")
public record DeploymentProperties(Boolean enabled, @NotNull List<String> folders) {
  public DeploymentProperties {
    enabled = enabled == null || enabled;
    folders = folders == null || folders.isEmpty() ? List.of("bpmn", "dmn") : List.copyOf(folders);
  }
}
