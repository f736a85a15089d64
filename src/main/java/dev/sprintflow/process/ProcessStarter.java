package dev.sprintflow.process;

import dev.sprintflow.engine.EngineFailure;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Starts process instances on whichever engine the service is connected to. */
@Service
public class ProcessStarter {

  private final CamundaClient client;

  public ProcessStarter(CamundaClient client) {
    this.client = client;
  }

  /**
   * Starts the latest deployed version of a process.
   *
   * @throws ProcessNotFoundException when no process with that id is deployed
   * @throws EngineUnavailableException when the engine cannot be reached or is overloaded
   * @throws ProcessStartRejectedException when the engine refuses the start for another reason
   */
  public StartedInstance start(String bpmnProcessId, Map<String, Object> variables) {
    try {
      ProcessInstanceEvent event = client.newCreateInstanceCommand()
          .bpmnProcessId(bpmnProcessId)
          .latestVersion()
          .variables(variables)
          .send()
          .join();
      return new StartedInstance(
          event.getProcessInstanceKey(),
          event.getBpmnProcessId(),
          event.getVersion(),
          event.getProcessDefinitionKey());
    } catch (ClientException e) {
      EngineFailure failure = EngineFailure.of(e);
      throw switch (failure.kind()) {
        case NOT_FOUND -> new ProcessNotFoundException(bpmnProcessId, e);
        case UNAVAILABLE -> new EngineUnavailableException(failure.message(), e);
        case REJECTED, OTHER -> new ProcessStartRejectedException(bpmnProcessId, failure.message(), e);
      };
    }
  }

  /** The identifiers of a started instance. */
  public record StartedInstance(long processInstanceKey, String bpmnProcessId, int version, long processDefinitionKey) {}
}
