package dev.sprintflow.review;

import dev.sprintflow.engine.EngineFailure;
import dev.sprintflow.process.EngineUnavailableException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Completes user-task jobs through the Camunda client, on whichever engine the service uses. */
@Component
public class EngineJobCompleter implements JobCompleter {

  private final CamundaClient client;

  public EngineJobCompleter(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void complete(long jobKey, Map<String, Object> variables) {
    try {
      client.newCompleteCommand(jobKey).variables(variables).send().join();
    } catch (ClientException e) {
      EngineFailure failure = EngineFailure.of(e);
      throw switch (failure.kind()) {
        case NOT_FOUND, REJECTED -> new ReviewConflictException(Long.toString(jobKey),
            "Task " + jobKey + " is no longer open (decided in Tasklist, or its process ended): " + failure.message());
        case UNAVAILABLE -> new EngineUnavailableException(failure.message(), e);
        case OTHER -> new IllegalStateException("Completing task " + jobKey + " failed: " + failure.message(), e);
      };
    }
  }
}
