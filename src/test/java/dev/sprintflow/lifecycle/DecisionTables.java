package dev.sprintflow.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.util.Map;

/** Evaluates a deployed decision through the engine (never a Java copy of its rules). */
final class DecisionTables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionTables() {}

  static Map<String, Object> evaluate(CamundaClient client, String decisionId, Map<String, Object> variables) {
    String output = client.newEvaluateDecisionCommand()
        .decisionId(decisionId)
        .variables(variables)
        .send()
        .join()
        .getDecisionOutput();
    try {
      return JSON.readValue(output, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("Decision output is not a JSON object: " + output, e);
    }
  }
}
