package dev.sprintflow.sprint;

import dev.sprintflow.webapps.OperateClient;
import dev.sprintflow.webapps.OperateClient.FlowNodeInstance;
import dev.sprintflow.webapps.OperateClient.ProcessInstance;
import dev.sprintflow.webapps.WebAppNotConfiguredException;
import dev.sprintflow.webapps.WebApps;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A sprint's progress from Operate: which tasks and gates started, which finished, which have
 * incidents. Sprints started by this service are found by their instance key; others (or after a
 * restart) by the {@code sprintId} variable, which Operate indexes.
 */
@Service
public class SprintStatusService {

  private static final Set<String> SHOWN_TYPES = Set.of("CALL_ACTIVITY", "USER_TASK");

  private final WebApps webApps;
  private final SprintRegistry registry;

  public SprintStatusService(WebApps webApps, SprintRegistry registry) {
    this.webApps = webApps;
    this.registry = registry;
  }

  /**
   * Empty when neither this service nor Operate knows the sprint (yet: Operate imports a new
   * instance a few seconds after it started).
   *
   * @throws WebAppNotConfiguredException when the service has no Operate address
   */
  public Optional<SprintStatus> status(String sprintId) {
    OperateClient operate = webApps.operate().orElseThrow(() -> new WebAppNotConfiguredException(
        "Sprint status comes from Operate, and the service has no Operate address: set sprintflow.webapps.operate-url"
            + " (the local-stack profile does)"));
    Optional<ProcessInstance> found = registry.find(sprintId)
        .flatMap(r -> operate.processInstance(r.processInstanceKey()))
        .or(() -> operate.instancesWithVariable("sprintId", sprintId).stream()
            .map(operate::processInstance).flatMap(Optional::stream)
            .filter(p -> p.parentKey() == null).findFirst());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ProcessInstance sprint = found.get();
    Map<Long, ProcessInstance> calledBy = operate.children(sprint.key()).stream()
        .filter(c -> c.parentFlowNodeInstanceKey() != null)
        .collect(Collectors.toMap(ProcessInstance::parentFlowNodeInstanceKey, Function.identity(), (a, b) -> b));
    List<SprintStatus.Element> elements = operate.flowNodes(sprint.key()).stream()
        .filter(f -> SHOWN_TYPES.contains(f.type()))
        .sorted(Comparator.comparingLong(FlowNodeInstance::key))
        .map(f -> element(f, calledBy.get(f.key())))
        .toList();
    return Optional.of(new SprintStatus(sprintId, sprint.key(), sprint.bpmnProcessId(), sprint.version(), sprint.state(),
        sprint.incident(), sprint.startDate(), sprint.endDate(), operate.instanceUrl(sprint.key()), elements));
  }

  private static SprintStatus.Element element(FlowNodeInstance f, ProcessInstance called) {
    return new SprintStatus.Element(f.flowNodeId(), f.flowNodeName(), f.type(), f.state(),
        f.incident() || (called != null && called.incident()), f.startDate(), f.endDate(),
        called == null ? null : called.key(), called == null ? null : called.state());
  }
}
