package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Strict reads of provider JSON: a missing or mistyped field is a {@link MalformedResponseException} naming it. */
final class JsonFields {

  private JsonFields() {}

  static String requiredText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !(value.isTextual() || value.isIntegralNumber()) || value.asText().isBlank()) {
      throw new MalformedResponseException(where + ": field '" + field + "' is missing or not a string");
    }
    return value.asText();
  }

  static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
      throw new MalformedResponseException(where + ": field '" + field + "' is not a string");
    }
    return value.asText();
  }

  /** The array under {@code field}; absent means empty (providers omit empty lists). */
  static List<JsonNode> array(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new MalformedResponseException(where + ": field '" + field + "' is not an array");
    }
    List<JsonNode> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isObject()) {
        throw new MalformedResponseException(where + ": " + field + "[" + i + "] is not an object");
      }
      items.add(value.get(i));
    }
    return items;
  }

  static JsonNode object(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new MalformedResponseException(where + ": the answer is not a JSON object");
    }
    return node;
  }

  /** A short description of a provider error body (Google's error.message, Slack's error), never the whole body. */
  static String errorSummary(JsonNode json) {
    JsonNode error = json.get("error");
    if (error == null) {
      return "(no error detail)";
    }
    String text = error.isObject() ? error.path("message").asText(error.path("status").asText("")) : error.asText();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
