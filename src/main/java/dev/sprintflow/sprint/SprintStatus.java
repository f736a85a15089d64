package dev.sprintflow.sprint;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A running or finished sprint as Operate shows it: the sprint instance and its tasks and gates.
 *
 * @param state ACTIVE, COMPLETED or CANCELED (Operate's words)
 * @param operateUrl the instance with its diagram in Operate
 * @param elements the sprint's call activities (tasks) and user tasks (gates) that have started, in start order
 */
public record SprintStatus(
    String sprintId,
    long processInstanceKey,
    String bpmnProcessId,
    int version,
    String state,
    boolean incident,
    Instant startDate,
    Instant endDate,
    URI operateUrl,
    List<Element> elements) {

  /**
   * @param elementId e.g. task_port_cartridge_backend or gate_tier_1
   * @param type CALL_ACTIVITY (a task) or USER_TASK (a gate)
   * @param state ACTIVE, COMPLETED, TERMINATED
   * @param taskInstanceKey the called sprint-task instance of a task, null for gates or before Operate has it
   * @param taskInstanceState that instance's state (ACTIVE, COMPLETED, CANCELED), null when unknown
   */
  public record Element(
      String elementId, String name, String type, String state, boolean incident, Instant startDate, Instant endDate,
      Long taskInstanceKey, String taskInstanceState) {}
}
