package dev.sprintflow.engine;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns Sprintflow's own start-up failures into one readable paragraph instead of a stack trace. */
public class StartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DeploymentFailedException) {
        return new FailureAnalysis(
            t.getMessage(),
            "Fix the model named above (Camunda Modeler shows the problem), then start again.",
            t);
      }
      if (t instanceof EngineConfigurationException) {
        return new FailureAnalysis(t.getMessage(), "Correct the configuration (README, 'Runtime modes').", t);
      }
      if (t instanceof EmbeddedEngineException) {
        return new FailureAnalysis(t.getMessage(), "Free the port or choose another one.", t);
      }
    }
    return null;
  }
}
