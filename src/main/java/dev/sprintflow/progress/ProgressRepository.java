package dev.sprintflow.progress;

import static dev.sprintflow.progress.DbTime.clip;
import static dev.sprintflow.progress.DbTime.of;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The progress read model's tables (V10__sprint_progress.sql): rows of sprints, tasks, gates and
 * recorded events. Writes are single statements; {@link ProgressRecorder} puts them in one
 * transaction per event.
 */
@Repository
public class ProgressRepository {

  private static final String TASK_COLUMNS = "sprint_id, task_id, plan_position, title, worker_kind, estimate_seconds,"
      + " task_state, tier, started_at, finished_at, state_changed_at, attempts, reviewers, review_requested_at,"
      + " review_decision, review_comment, reviewed_at, rework_count, error_code, error_message, triage_decision,"
      + " triage_comment, last_event_key, last_event_rank";
  private static final String GATE_COLUMNS = "sprint_id, gate_id, plan_position, title, gate_state, opened_at,"
      + " decided_at, decision, decision_comment, last_event_key, last_event_rank";
  private static final String SPRINT_COLUMNS = "sprint_id, plan_id, plan_name, bpmn_process_id, process_version,"
      + " process_definition_key, process_instance_key, plan_json, sprint_state, started_at, ended_at, from_plan";

  private final JdbcClient jdbc;

  public ProgressRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- events -------------------------------------------------------------------------------

  /** Stores the event unless it is stored already; true when it is new. */
  boolean insertEvent(ProgressEvent e) {
    return jdbc.sql("INSERT INTO progress_event (element_instance_key, event_type, job_key, sprint_id, subject_kind,"
            + " subject_id, bpmn_process_id, element_id, process_instance_key, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(e.elementInstanceKey(), e.event().value(), e.jobKey(), e.sprintId(), e.subject().name().toLowerCase(java.util.Locale.ROOT),
            e.subjectId(), e.bpmnProcessId(), e.elementId(), e.processInstanceKey(), of(e.at()))
        .update() == 1;
  }

  /** The events recorded for a sprint, in the engine's order. */
  public List<RecordedEvent> events(String sprintId) {
    return jdbc.sql("SELECT element_instance_key, event_type, job_key, subject_kind, subject_id, element_id,"
            + " process_instance_key, recorded_at FROM progress_event WHERE sprint_id = ?"
            + " ORDER BY element_instance_key, event_type DESC")
        .param(sprintId)
        .query((rs, n) -> new RecordedEvent(rs.getLong("element_instance_key"), rs.getString("event_type"),
            rs.getLong("job_key"), rs.getString("subject_kind"), rs.getString("subject_id"), rs.getString("element_id"),
            rs.getLong("process_instance_key"), DbTime.instant(rs, "recorded_at")))
        .list();
  }

  // --- sprints ------------------------------------------------------------------------------

  /** A sprint first seen in an event (started elsewhere, or before tracking): what the event tells. */
  void insertDiscoveredSprint(String sprintId, Instant at) {
    jdbc.sql("INSERT INTO sprint (sprint_id, sprint_state, started_at, from_plan) VALUES (?, ?, ?, FALSE)"
            + " ON CONFLICT DO NOTHING")
        .params(sprintId, SprintState.RUNNING.name(), of(at))
        .update();
  }

  /** The sprint process's identity, learnt from a gate or end event of a discovered sprint. */
  void fillProcess(String sprintId, String bpmnProcessId, long processInstanceKey) {
    jdbc.sql("UPDATE sprint SET bpmn_process_id = ?, process_instance_key = ? WHERE sprint_id = ? AND bpmn_process_id IS NULL")
        .params(bpmnProcessId, processInstanceKey, sprintId)
        .update();
  }

  /** Ends a running sprint; a sprint that has ended stays as it ended. */
  void endSprint(String sprintId, SprintState state, Instant at) {
    jdbc.sql("UPDATE sprint SET sprint_state = ?, ended_at = ? WHERE sprint_id = ? AND sprint_state = ?")
        .params(state.name(), of(at), sprintId, SprintState.RUNNING.name())
        .update();
  }

  public List<TrackedSprint> sprints() {
    return jdbc.sql("SELECT " + SPRINT_COLUMNS + " FROM sprint ORDER BY started_at DESC, sprint_id")
        .query((rs, n) -> sprint(rs)).list();
  }

  public Optional<TrackedSprint> sprint(String sprintId) {
    return jdbc.sql("SELECT " + SPRINT_COLUMNS + " FROM sprint WHERE sprint_id = ?").param(sprintId)
        .query((rs, n) -> sprint(rs)).optional();
  }

  /** Tasks per state of every sprint, for the list. */
  public Map<String, Map<TaskState, Integer>> stateCounts() {
    Map<String, Map<TaskState, Integer>> counts = new HashMap<>();
    jdbc.sql("SELECT sprint_id, task_state, COUNT(*) AS tasks FROM sprint_task GROUP BY sprint_id, task_state")
        .query(rs -> {
          counts.computeIfAbsent(rs.getString("sprint_id"), k -> new EnumMap<>(TaskState.class))
              .put(TaskState.of(rs.getString("task_state")), rs.getInt("tasks"));
        });
    return counts;
  }

  // --- tasks --------------------------------------------------------------------------------

  /** Adds the task unless it exists; a task first seen in an event goes after the known ones. */
  void insertTaskIfAbsent(String sprintId, String taskId, String title) {
    jdbc.sql("INSERT INTO sprint_task (sprint_id, task_id, plan_position, title, task_state)"
            + " SELECT ?, ?, COALESCE(MAX(plan_position), 0) + 1, ?, ? FROM sprint_task WHERE sprint_id = ?"
            + " ON CONFLICT DO NOTHING")
        .params(sprintId, taskId, clip(title == null ? taskId : title, 500), TaskState.PENDING.name(), sprintId)
        .update();
  }

  /** The task, locked until the transaction ends, so two events of one task apply one after the other. */
  Optional<TaskProgress> lockTask(String sprintId, String taskId) {
    return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM sprint_task WHERE sprint_id = ? AND task_id = ? FOR UPDATE")
        .params(sprintId, taskId).query((rs, n) -> task(rs)).optional();
  }

  void updateTask(TaskProgress t) {
    jdbc.sql("UPDATE sprint_task SET title = ?, worker_kind = ?, estimate_seconds = ?, task_state = ?, tier = ?,"
            + " started_at = ?, finished_at = ?, state_changed_at = ?, attempts = ?, reviewers = ?, review_requested_at = ?,"
            + " review_decision = ?, review_comment = ?, reviewed_at = ?, rework_count = ?, error_code = ?, error_message = ?,"
            + " triage_decision = ?, triage_comment = ?, last_event_key = ?, last_event_rank = ?"
            + " WHERE sprint_id = ? AND task_id = ?")
        .params(clip(t.title(), 500), clip(t.workerKind(), 200), DbTime.seconds(t.estimate()), t.state().name(),
            clip(t.tier(), 20), of(t.startedAt()), of(t.finishedAt()), of(t.stateChangedAt()), t.attempts(),
            clip(t.reviewers(), 500), of(t.reviewRequestedAt()), clip(t.reviewDecision(), 50),
            clip(t.reviewComment(), 2000), of(t.reviewedAt()), t.reworkCount(), clip(t.errorCode(), 200),
            clip(t.errorMessage(), 2000), clip(t.triageDecision(), 50), clip(t.triageComment(), 2000),
            t.lastEventKey(), t.lastEventRank(), t.sprintId(), t.taskId())
        .update();
  }

  public List<TaskProgress> tasks(String sprintId) {
    return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM sprint_task WHERE sprint_id = ? ORDER BY plan_position, task_id")
        .param(sprintId).query((rs, n) -> task(rs)).list();
  }

  // --- gates --------------------------------------------------------------------------------

  void insertGateIfAbsent(String sprintId, String gateId, String title) {
    jdbc.sql("INSERT INTO sprint_gate (sprint_id, gate_id, plan_position, title, gate_state)"
            + " SELECT ?, ?, COALESCE(MAX(plan_position), 0) + 1, ?, ? FROM sprint_gate WHERE sprint_id = ?"
            + " ON CONFLICT DO NOTHING")
        .params(sprintId, gateId, clip(title == null ? gateId : title, 500), GateState.PENDING.name(), sprintId)
        .update();
  }

  Optional<GateProgress> lockGate(String sprintId, String gateId) {
    return jdbc.sql("SELECT " + GATE_COLUMNS + " FROM sprint_gate WHERE sprint_id = ? AND gate_id = ? FOR UPDATE")
        .params(sprintId, gateId).query((rs, n) -> gate(rs)).optional();
  }

  void updateGate(GateProgress g) {
    jdbc.sql("UPDATE sprint_gate SET title = ?, gate_state = ?, opened_at = ?, decided_at = ?, decision = ?,"
            + " decision_comment = ?, last_event_key = ?, last_event_rank = ? WHERE sprint_id = ? AND gate_id = ?")
        .params(clip(g.title(), 500), g.state().name(), of(g.openedAt()), of(g.decidedAt()), clip(g.decision(), 50),
            clip(g.comment(), 2000), g.lastEventKey(), g.lastEventRank(), g.sprintId(), g.gateId())
        .update();
  }

  public List<GateProgress> gates(String sprintId) {
    return jdbc.sql("SELECT " + GATE_COLUMNS + " FROM sprint_gate WHERE sprint_id = ? ORDER BY plan_position, gate_id")
        .param(sprintId).query((rs, n) -> gate(rs)).list();
  }

  // --- mapping ------------------------------------------------------------------------------

  private static TrackedSprint sprint(ResultSet rs) throws SQLException {
    int version = rs.getInt("process_version");
    Integer v = rs.wasNull() ? null : version;
    long definition = rs.getLong("process_definition_key");
    Long d = rs.wasNull() ? null : definition;
    long instance = rs.getLong("process_instance_key");
    Long i = rs.wasNull() ? null : instance;
    return new TrackedSprint(rs.getString("sprint_id"), rs.getString("plan_id"), rs.getString("plan_name"),
        rs.getString("bpmn_process_id"), v, d, i, rs.getString("plan_json"), SprintState.of(rs.getString("sprint_state")),
        DbTime.instant(rs, "started_at"), DbTime.instant(rs, "ended_at"), rs.getBoolean("from_plan"));
  }

  private static TaskProgress task(ResultSet rs) throws SQLException {
    return new TaskProgress(rs.getString("sprint_id"), rs.getString("task_id"), rs.getInt("plan_position"),
        rs.getString("title"), rs.getString("worker_kind"), DbTime.duration(rs, "estimate_seconds"),
        TaskState.of(rs.getString("task_state")), rs.getString("tier"), DbTime.instant(rs, "started_at"),
        DbTime.instant(rs, "finished_at"), DbTime.instant(rs, "state_changed_at"), rs.getInt("attempts"),
        rs.getString("reviewers"), DbTime.instant(rs, "review_requested_at"), rs.getString("review_decision"),
        rs.getString("review_comment"), DbTime.instant(rs, "reviewed_at"), rs.getInt("rework_count"),
        rs.getString("error_code"), rs.getString("error_message"), rs.getString("triage_decision"),
        rs.getString("triage_comment"), rs.getLong("last_event_key"), rs.getInt("last_event_rank"));
  }

  private static GateProgress gate(ResultSet rs) throws SQLException {
    return new GateProgress(rs.getString("sprint_id"), rs.getString("gate_id"), rs.getInt("plan_position"),
        rs.getString("title"), GateState.of(rs.getString("gate_state")), DbTime.instant(rs, "opened_at"),
        DbTime.instant(rs, "decided_at"), rs.getString("decision"), rs.getString("decision_comment"),
        rs.getLong("last_event_key"), rs.getInt("last_event_rank"));
  }
}
