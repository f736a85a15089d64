package dev.sprintflow.compiler.bpmn;

import java.util.List;

/** A verification gate: a user task showing the gate's criteria in the shared gate form. */
public record GateTask(String gateId, String title, List<String> criteria) {}
