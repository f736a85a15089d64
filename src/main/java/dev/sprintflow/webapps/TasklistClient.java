package dev.sprintflow.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasklist's REST API (v1, as in 8.5-8.7): search open tasks, read one, assign and complete. Works
 * for job-worker-based user tasks, which Tasklist completes through the job API itself.
 */
public class TasklistClient {

  static final int PAGE_SIZE = 200;
  /** Far more open tasks than any inbox shows; stops a runaway paging loop. */
  static final int MAX_TASKS = 10_000;

  private final WebAppSession session;
  private final ObjectMapper json;

  public TasklistClient(WebAppSession session, ObjectMapper json) {
    this.session = session;
    this.json = json;
  }

  public WebAppSession session() {
    return session;
  }

  /**
   * Open (CREATED) tasks of one BPMN element, oldest first, with the named variables.
   *
   * @param variableEquals only tasks whose variable has this value (e.g. sprintId), may be empty
   */
  public List<TasklistTask> openTasks(String taskDefinitionId, Map<String, Object> variableEquals, Collection<String> variables) {
    List<TasklistTask> tasks = new ArrayList<>();
    List<JsonNode> searchAfter = null;
    while (tasks.size() < MAX_TASKS) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("state", TasklistTask.OPEN);
      body.put("taskDefinitionId", taskDefinitionId);
      body.put("pageSize", PAGE_SIZE);
      body.put("sort", List.of(Map.of("field", "creationTime", "order", "ASC")));
      if (!variableEquals.isEmpty()) {
        body.put("taskVariables", variableEquals.entrySet().stream()
            .map(e -> Map.of("name", e.getKey(), "value", toJson(e.getValue()), "operator", "eq")).toList());
      }
      body.put("includeVariables", variables.stream().map(v -> Map.of("name", v, "alwaysReturnFullValue", true)).toList());
      if (searchAfter != null) {
        body.put("searchAfter", searchAfter);
      }
      JsonNode page = session.post("/v1/tasks/search", body);
      for (JsonNode task : page) {
        tasks.add(task(task));
      }
      if (page.size() < PAGE_SIZE) {
        break;
      }
      searchAfter = new ArrayList<>();
      page.get(page.size() - 1).path("sortValues").forEach(searchAfter::add);
    }
    return tasks;
  }

  /** The task, or empty when Tasklist does not know the id. */
  public Optional<TasklistTask> task(String id) {
    try {
      return Optional.of(task(session.get("/v1/tasks/" + id)));
    } catch (WebAppException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Assigns the task to the logged-in user (a form login may only assign to itself), taking it
   * over from whoever holds it: completing needs the task to be assigned to the completing user.
   */
  public void assignToSelf(String id) {
    session.patch("/v1/tasks/" + id + "/assign", Map.of("allowOverrideAssignment", true));
  }

  /** Completes the task with these variables, as the form's submit button does. */
  public void complete(String id, Map<String, Object> variables) {
    List<Map<String, String>> values = variables.entrySet().stream()
        .map(e -> Map.of("name", e.getKey(), "value", toJson(e.getValue()))).toList();
    session.patch("/v1/tasks/" + id + "/complete", Map.of("variables", values));
  }

  private TasklistTask task(JsonNode t) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (JsonNode v : t.path("variables")) {
      variables.put(v.path("name").asText(), fromJson(v.path("value").asText("null")));
    }
    List<String> groups = new ArrayList<>();
    t.path("candidateGroups").forEach(g -> groups.add(g.asText()));
    return new TasklistTask(
        t.path("id").asText(),
        t.path("taskDefinitionId").asText(null),
        t.path("name").asText(null),
        t.path("processName").asText(null),
        t.path("taskState").asText(null),
        t.path("formId").asText(null),
        t.path("processInstanceKey").asLong(),
        t.path("assignee").asText(null), // null for a JSON null too
        groups,
        WebAppDates.parse(t.path("creationDate").asText(null)),
        WebAppDates.parse(t.path("dueDate").asText(null)),
        variables);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write variable value " + value + " as JSON", e);
    }
  }

  /** Tasklist returns variable values as JSON text. */
  private Object fromJson(String value) {
    try {
      return json.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value; // not JSON after all: show it as it is
    }
  }
}
