package dev.sprintflow.sprint;

import dev.sprintflow.compiler.CompiledSprint;
import dev.sprintflow.compiler.SprintCompileException;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.engine.EngineFailure;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanFormat;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.process.EngineUnavailableException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Turns a posted plan into a running sprint: validate, compile, deploy, start. */
@Service
public class SprintLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(SprintLauncher.class);

  private final PlanLoader loader;
  private final SprintCompiler compiler = new SprintCompiler();
  private final CamundaClient client;
  private final SprintRegistry registry;
  private final Clock clock;

  public SprintLauncher(PlanLoader loader, CamundaClient client, SprintRegistry registry, Clock clock) {
    this.loader = loader;
    this.client = client;
    this.registry = registry;
    this.clock = clock;
  }

  /** The identifiers of a started sprint, as the API returns them. */
  public record LaunchedSprint(
      String sprintId, String bpmnProcessId, long processDefinitionKey, int version, long processInstanceKey,
      List<PlanWarning> warnings) {}

  /** A compiled plan with the warnings met on the way. */
  public record Compilation(Plan plan, CompiledSprint compiled, List<PlanWarning> warnings) {}

  /**
   * @throws InvalidPlanException with every located error when the plan does not validate
   * @throws SprintCompileException when the compiled model is invalid
   */
  public Compilation compile(String fileName, byte[] content, PlanFormat format) {
    PlanLoadResult result = loader.load(fileName, content, format);
    if (!result.valid()) {
      throw new InvalidPlanException(result.errors(), result.warnings());
    }
    return new Compilation(result.plan(), compiler.compile(result.plan()), result.warnings());
  }

  /**
   * Deploys the compiled sprint (Zeebe keeps the version when nothing changed) and starts it.
   *
   * @throws EngineUnavailableException when the engine cannot be reached
   */
  public LaunchedSprint launch(String fileName, byte[] content, PlanFormat format) {
    Compilation c = compile(fileName, content, format);
    CompiledSprint compiled = c.compiled();
    String sprintId = c.plan().id() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      DeploymentEvent deployment = client.newDeployResourceCommand()
          .addResourceStringUtf8(compiled.bpmnXml(), compiled.bpmnResourceName())
          .send().join();
      Process process = deployment.getProcesses().stream()
          .filter(p -> p.getBpmnProcessId().equals(compiled.processId()))
          .findFirst().orElseThrow();
      // Registered before the instance exists: its first progress events may arrive at once.
      registry.register(new SprintRecord(sprintId, c.plan().id(), process.getBpmnProcessId(), process.getVersion(),
          process.getProcessDefinitionKey(), 0, compiled.bpmnXml(), clock.instant()), c.plan());
      ProcessInstanceEvent instance;
      try {
        instance = client.newCreateInstanceCommand()
            .processDefinitionKey(process.getProcessDefinitionKey())
            .variables(Map.of("sprintId", sprintId, "planId", c.plan().id(), "planName", c.plan().name()))
            .send().join();
      } catch (RuntimeException e) {
        registry.forget(sprintId);
        throw e;
      }
      registry.instanceStarted(sprintId, instance.getProcessInstanceKey());
      LOG.info("Sprint {} started: {} v{} instance {}", sprintId, process.getBpmnProcessId(), process.getVersion(),
          instance.getProcessInstanceKey());
      return new LaunchedSprint(sprintId, process.getBpmnProcessId(), process.getProcessDefinitionKey(),
          process.getVersion(), instance.getProcessInstanceKey(), c.warnings());
    } catch (ClientException e) {
      EngineFailure failure = EngineFailure.of(e);
      if (failure.kind() == EngineFailure.Kind.UNAVAILABLE) {
        throw new EngineUnavailableException(failure.message(), e);
      }
      throw new SprintCompileException("The engine rejected sprint process '" + compiled.processId() + "': "
          + failure.message(), e);
    }
  }
}
