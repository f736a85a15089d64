package dev.sprintflow.sprint;

import static dev.sprintflow.progress.DbTime.of;

import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanJson;
import dev.sprintflow.plan.Task;
import dev.sprintflow.progress.DbTime;
import dev.sprintflow.progress.GateState;
import dev.sprintflow.progress.SprintState;
import dev.sprintflow.progress.TaskState;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sprints started by this service, in the service's database (tables of V10__sprint_progress.sql):
 * the process version and keys, the compiled diagram, and the plan snapshot (estimates,
 * dependencies, gates) the progress read model and reports build on. On a runtime that keeps its
 * state, the sprints are still known after a restart.
 */
@Component
public class SprintRegistry {

  private final JdbcClient jdbc;

  public SprintRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Registers a sprint before its instance starts, with every task and gate pending, so that no
   * progress event can arrive for a sprint the read model does not know yet.
   */
  @Transactional
  public void register(SprintRecord sprint, Plan plan) {
    jdbc.sql("INSERT INTO sprint (sprint_id, plan_id, plan_name, bpmn_process_id, process_version,"
            + " process_definition_key, process_instance_key, plan_json, bpmn_xml, sprint_state, started_at, from_plan)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")
        .params(sprint.sprintId(), sprint.planId(), DbTime.clip(plan.name(), 500), sprint.bpmnProcessId(),
            sprint.version(), sprint.processDefinitionKey(),
            sprint.processInstanceKey() == 0 ? null : sprint.processInstanceKey(), PlanJson.write(plan),
            sprint.bpmnXml(), SprintState.RUNNING.name(), of(sprint.startedAt()))
        .update();
    int position = 0;
    for (Task t : plan.tasks()) {
      jdbc.sql("INSERT INTO sprint_task (sprint_id, task_id, plan_position, title, worker_kind, estimate_seconds, task_state)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(sprint.sprintId(), t.id(), ++position, DbTime.clip(t.title(), 500), t.worker(),
              DbTime.seconds(t.estimate()), TaskState.PENDING.name())
          .update();
    }
    position = 0;
    for (Gate g : plan.gates()) {
      jdbc.sql("INSERT INTO sprint_gate (sprint_id, gate_id, plan_position, title, gate_state) VALUES (?, ?, ?, ?, ?)")
          .params(sprint.sprintId(), g.id(), ++position, DbTime.clip(g.title(), 500), GateState.PENDING.name())
          .update();
    }
  }

  /** The instance of a registered sprint has started. */
  public void instanceStarted(String sprintId, long processInstanceKey) {
    jdbc.sql("UPDATE sprint SET process_instance_key = ? WHERE sprint_id = ?").params(processInstanceKey, sprintId).update();
  }

  /** Takes back a registration whose instance could not be started. */
  public void forget(String sprintId) {
    jdbc.sql("DELETE FROM sprint WHERE sprint_id = ?").param(sprintId).update();
  }

  /** A sprint started by this service, with its diagram; empty for sprints known only from progress events. */
  public Optional<SprintRecord> find(String sprintId) {
    return jdbc.sql("SELECT sprint_id, plan_id, bpmn_process_id, process_version, process_definition_key,"
            + " process_instance_key, bpmn_xml, started_at FROM sprint WHERE sprint_id = ? AND from_plan = TRUE")
        .param(sprintId)
        .query((rs, n) -> new SprintRecord(rs.getString("sprint_id"), rs.getString("plan_id"),
            rs.getString("bpmn_process_id"), rs.getInt("process_version"), rs.getLong("process_definition_key"),
            rs.getLong("process_instance_key"), rs.getString("bpmn_xml"), DbTime.instant(rs, "started_at")))
        .optional();
  }
}
