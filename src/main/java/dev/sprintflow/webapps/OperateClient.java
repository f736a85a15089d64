package dev.sprintflow.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Operate's REST API (v1): process instances, their flow node instances, variables. Read-only. */
public class OperateClient {

  static final int PAGE_SIZE = 500;
  static final int MAX_ITEMS = 20_000;

  /** A process instance as Operate has imported it. */
  public record ProcessInstance(
      long key, String bpmnProcessId, int version, Long parentKey, Long parentFlowNodeInstanceKey, String state,
      boolean incident, Instant startDate, Instant endDate) {}

  /** One element instance of a process instance: a call activity, a user task, a gateway... */
  public record FlowNodeInstance(
      long key, String flowNodeId, String flowNodeName, String type, String state, boolean incident, Instant startDate,
      Instant endDate) {}

  private final WebAppSession session;
  private final ObjectMapper json;

  public OperateClient(WebAppSession session, ObjectMapper json) {
    this.session = session;
    this.json = json;
  }

  public WebAppSession session() {
    return session;
  }

  /** Where a person sees this instance with its diagram. */
  public URI instanceUrl(long processInstanceKey) {
    return URI.create(session.base() + "/operate/processes/" + processInstanceKey);
  }

  /** Empty until Operate has imported the instance (usually 1-3 s after it started), or for unknown keys. */
  public Optional<ProcessInstance> processInstance(long key) {
    try {
      return Optional.of(instance(session.get("/v1/process-instances/" + key)));
    } catch (WebAppException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Instances called by this one (call activities), oldest first. */
  public List<ProcessInstance> children(long parentKey) {
    return search("/v1/process-instances/search", Map.of("parentKey", parentKey)).stream().map(this::instance).toList();
  }

  /** Every element instance of the process instance, in the order they started. */
  public List<FlowNodeInstance> flowNodes(long processInstanceKey) {
    return search("/v1/flownode-instances/search", Map.of("processInstanceKey", processInstanceKey)).stream()
        .map(OperateClient::flowNode).toList();
  }

  /** Keys of the process instances that hold this variable with this value at their top scope. */
  public Set<Long> instancesWithVariable(String name, Object value) {
    String text;
    try {
      text = json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
    }
    Set<Long> keys = new LinkedHashSet<>();
    for (JsonNode v : search("/v1/variables/search", Map.of("name", name, "value", text))) {
      if (v.path("scopeKey").asLong() == v.path("processInstanceKey").asLong()) {
        keys.add(v.path("processInstanceKey").asLong());
      }
    }
    return keys;
  }

  private List<JsonNode> search(String path, Map<String, Object> filter) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode searchAfter = null;
    while (items.size() < MAX_ITEMS) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("filter", filter);
      body.put("size", PAGE_SIZE);
      body.put("sort", List.of(Map.of("field", "key", "order", "ASC")));
      if (searchAfter != null) {
        body.put("searchAfter", searchAfter);
      }
      JsonNode page = session.post(path, body);
      JsonNode pageItems = page.path("items");
      pageItems.forEach(items::add);
      if (pageItems.size() < PAGE_SIZE || !page.hasNonNull("sortValues")) {
        break;
      }
      searchAfter = page.get("sortValues");
    }
    return items;
  }

  private ProcessInstance instance(JsonNode p) {
    return new ProcessInstance(
        p.path("key").asLong(),
        p.path("bpmnProcessId").asText(null),
        p.path("processVersion").asInt(),
        p.hasNonNull("parentKey") ? p.get("parentKey").asLong() : null,
        p.hasNonNull("parentFlowNodeInstanceKey") ? p.get("parentFlowNodeInstanceKey").asLong() : null,
        p.path("state").asText(null),
        p.path("incident").asBoolean(false),
        WebAppDates.parse(p.path("startDate").asText(null)),
        WebAppDates.parse(p.path("endDate").asText(null)));
  }

  private static FlowNodeInstance flowNode(JsonNode f) {
    return new FlowNodeInstance(
        f.path("key").asLong(),
        f.path("flowNodeId").asText(null),
        f.path("flowNodeName").asText(null),
        f.path("type").asText(null),
        f.path("state").asText(null),
        f.path("incident").asBoolean(false),
        WebAppDates.parse(f.path("startDate").asText(null)),
        WebAppDates.parse(f.path("endDate").asText(null)));
  }
}
