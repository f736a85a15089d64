package dev.sprintflow.engine;

/** The engine configuration is invalid; the message names the property and the fix. */
public class EngineConfigurationException extends RuntimeException {
  public EngineConfigurationException(String message) {
    super(message);
  }
}
