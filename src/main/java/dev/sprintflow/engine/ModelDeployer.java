package dev.sprintflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys every model in bpmn/ and dmn/ in one deployment when the service starts, so a process
 * and the decisions and forms it uses always arrive together. Zeebe creates a new version only of
 * what changed. A rejected model stops start-up with Zeebe's message, which names the file.
 */
@Component
@Order(0)
public class ModelDeployer implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final CamundaClient client;
  private final DeploymentProperties properties;
  private final String gateway;

  public ModelDeployer(
      CamundaClient client,
      DeploymentProperties properties,
      @Value("${camunda.client.grpc-address:}") String gateway) {
    this.client = client;
    this.properties = properties;
    this.gateway = gateway;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      LOG.info("Model deployment on start-up is disabled (sprintflow.deployment.enabled=false)");
      return;
    }
    List<ModelResources.ModelFile> files = ModelResources.find(properties.folders());
    if (files.isEmpty()) {
      LOG.warn("No .bpmn, .dmn or .form files found under {}; nothing deployed", properties.folders());
      return;
    }
    DeploymentEvent event = deploy(files);
    LOG.info(
        "Deployed {} model file(s): processes [{}], decisions [{}], forms {}",
        files.size(),
        event.getProcesses().stream()
            .map(p -> p.getBpmnProcessId() + " v" + p.getVersion())
            .collect(Collectors.joining(", ")),
        event.getDecisions().stream()
            .map(d -> d.getDmnDecisionId() + " v" + d.getVersion())
            .collect(Collectors.joining(", ")),
        event.getForm().size());
  }

  DeploymentEvent deploy(List<ModelResources.ModelFile> files) {
    DeployResourceCommandStep2 command = null;
    for (ModelResources.ModelFile f : files) {
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(f.content(), f.name())
          : command.addResourceBytes(f.content(), f.name());
    }
    String names = files.stream().map(ModelResources.ModelFile::name).collect(Collectors.joining(", "));
    try {
      return command.send().join();
    } catch (ClientException e) {
      EngineFailure failure = EngineFailure.of(e);
      String problem = failure.kind() == EngineFailure.Kind.UNAVAILABLE
          ? "the engine at %s cannot be reached: %s".formatted(gateway, failure.message())
          : failure.message();
      throw new DeploymentFailedException("Deploying the models (" + names + ") failed: " + problem, e);
    }
  }
}
