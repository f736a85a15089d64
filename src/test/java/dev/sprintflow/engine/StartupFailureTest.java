package dev.sprintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sprintflow.SprintflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up fails with one sentence that names the file or property at fault. */
class StartupFailureTest {

  /** Runs the real application with the given command-line arguments (they beat every yaml). */
  private static Runnable start(String... args) {
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    all.add("--server.port=0");
    if (all.stream().noneMatch(a -> a.contains("grpc-port"))) {
      all.add("--sprintflow.engine.embedded.grpc-port=0"); // a repeated argument would be joined with ','
    }
    return () -> new SpringApplicationBuilder(SprintflowApplication.class).run(all.toArray(String[]::new)).close();
  }

  @Test
  void aRejectedModelFailsStartUpNamingTheFileAndTheProblem() {
    assertThatThrownBy(() -> start("--sprintflow.deployment.folders=broken-models").run())
        .satisfies(failure -> {
          FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription())
              .contains("broken-models/broken.bpmn")
              .containsIgnoringCase("no-job-type")
              .contains("Deploying the models");
          assertThat(analysis.getAction()).contains("Modeler");
        });
  }

  @Test
  void anUnknownModeIsNamedWithItsProperty() {
    assertThatThrownBy(() -> start("--sprintflow.engine.mode=cluster").run())
        .satisfies(failure -> assertThat(new StartupFailureAnalyzer().analyze(failure).getDescription())
            .isEqualTo("sprintflow.engine.mode must be 'embedded' or 'remote', but is 'cluster'"));
  }

  @Test
  void remoteModeWithoutAnAddressSaysWhatToSet() {
    assertThatThrownBy(() -> start("--spring.profiles.active=remote").run())
        .satisfies(failure -> assertThat(new StartupFailureAnalyzer().analyze(failure).getDescription())
            .contains("camunda.client.grpc-address"));
  }

  @Test
  void anInvalidEnginePortIsNamedWithItsProperty() {
    assertThatThrownBy(() -> start("--sprintflow.engine.embedded.grpc-port=70000").run())
        .satisfies(failure -> assertThat(new StartupFailureAnalyzer().analyze(failure).getDescription())
            .contains("sprintflow.engine.embedded.grpc-port", "'70000'"));
  }
}
