package dev.sprintflow.compiler.bpmn;

import java.util.List;

/** A verification gate: a user task whose linked form lists the criteria as checkboxes. */
public record GateTask(String gateId, String title, List<String> criteria, String formId) {}
