package dev.sprintflow.sprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.progress.ProgressStore;
import dev.sprintflow.test.FakeWebApp;
import dev.sprintflow.test.FakeWebApp.Response;
import dev.sprintflow.webapps.WebAppNotConfiguredException;
import dev.sprintflow.webapps.WebApps;
import dev.sprintflow.webapps.WebAppsProperties;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sprint status from a fake Operate answering with the shapes Operate 8.6 returns. */
class SprintStatusServiceTest {

  private static final String SPRINT = "audienceos-production-sprint-20286a34";

  private final ObjectMapper json = new ObjectMapper();
  private final FakeWebApp operate = new FakeWebApp();
  // Sprints live in the service's database: an empty one, so the sprint is found through Operate.
  private final ProgressStore store = ProgressStore.h2();
  private final SprintRegistry registry = store.registry;
  private final SprintStatusService service = new SprintStatusService(
      new WebApps(new WebAppsProperties(operate.url(), null, FakeWebApp.USER, FakeWebApp.PASSWORD, null), json), registry);

  SprintStatusServiceTest() throws Exception {
    operate.on("POST /v1/variables/search", r -> Response.json("""
            {"items":[
              {"key":11,"processInstanceKey":266,"scopeKey":266,"name":"sprintId","value":"\\"%1$s\\""},
              {"key":12,"processInstanceKey":266,"scopeKey":273,"name":"sprintId","value":"\\"%1$s\\""},
              {"key":13,"processInstanceKey":284,"scopeKey":284,"name":"sprintId","value":"\\"%1$s\\""}],
             "sortValues":["13"],"total":3}""".formatted(SPRINT)))
        .on("GET /v1/process-instances/266", r -> Response.json("""
            {"key":266,"processVersion":1,"bpmnProcessId":"sprint-audienceos-production-sprint",
             "startDate":"2026-11-22T06:59:42.881+0000","state":"ACTIVE","incident":false}"""))
        .on("GET /v1/process-instances/284", r -> Response.json("""
            {"key":284,"processVersion":1,"bpmnProcessId":"sprint-task","parentKey":266,
             "parentFlowNodeInstanceKey":273,"startDate":"2026-11-22T06:59:42.881+0000","state":"ACTIVE","incident":false}"""))
        .on("POST /v1/process-instances/search", r -> Response.json("""
            {"items":[{"key":284,"processVersion":1,"bpmnProcessId":"sprint-task","parentKey":266,
              "parentFlowNodeInstanceKey":273,"state":"COMPLETED","incident":false}],"sortValues":["284"],"total":1}"""))
        .on("POST /v1/flownode-instances/search", r -> Response.json("""
            {"items":[
              {"key":270,"flowNodeId":"start","flowNodeName":"Sprint started","type":"START_EVENT","state":"COMPLETED"},
              {"key":273,"flowNodeId":"task_port_cartridge_backend","flowNodeName":"Port Cartridge Backend",
               "type":"CALL_ACTIVITY","state":"COMPLETED","startDate":"2026-11-22T06:59:42.881+0000",
               "endDate":"2026-11-22T07:05:49.001+0000","incident":false},
              {"key":280,"flowNodeId":"fork_after_port_cartridge_backend","type":"PARALLEL_GATEWAY","state":"COMPLETED"},
              {"key":290,"flowNodeId":"gate_tier_1","flowNodeName":"Tier 1 (Non-negotiable)","type":"USER_TASK",
               "state":"ACTIVE","incident":true}],
             "sortValues":["290"],"total":4}"""));
  }

  @AfterEach
  void stop() {
    operate.close();
    store.close();
  }

  @Test
  void findsASprintByItsVariableAndListsItsTasksAndGates() {
    SprintStatus status = service.status(SPRINT).orElseThrow();

    assertThat(status.processInstanceKey()).isEqualTo(266);
    assertThat(status.bpmnProcessId()).isEqualTo("sprint-audienceos-production-sprint");
    assertThat(status.state()).isEqualTo("ACTIVE");
    assertThat(status.startDate()).isEqualTo(Instant.parse("2026-11-22T06:59:42.881Z"));
    assertThat(status.operateUrl()).hasToString(operate.url() + "/operate/processes/266");
    assertThat(status.elements()).containsExactly(
        new SprintStatus.Element("task_port_cartridge_backend", "Port Cartridge Backend", "CALL_ACTIVITY", "COMPLETED",
            false, Instant.parse("2026-11-22T06:59:42.881Z"), Instant.parse("2026-11-22T07:05:49.001Z"), 284L, "COMPLETED"),
        new SprintStatus.Element("gate_tier_1", "Tier 1 (Non-negotiable)", "USER_TASK", "ACTIVE", true, null, null, null, null));
  }

  @Test
  void aSprintOperateDoesNotHaveIsEmpty() {
    operate.on("POST /v1/variables/search", r -> Response.json("{\"items\":[],\"total\":0}"));

    assertThat(service.status("nope")).isEmpty();
  }

  @Test
  void withoutOperateTheAnswerNamesTheProperty() {
    SprintStatusService none = new SprintStatusService(
        new WebApps(new WebAppsProperties(null, null, null, null, null), json), registry);

    assertThatThrownBy(() -> none.status(SPRINT))
        .isInstanceOf(WebAppNotConfiguredException.class)
        .hasMessageContaining("set sprintflow.webapps.operate-url");
  }
}
