package dev.sprintflow.compiler.bpmn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Camunda Form of a verification gate: the gate's criteria as checkboxes (each must be ticked
 * to submit) and a comment. Deployed with the sprint process and linked by form id, so it shows
 * in Tasklist and opens in Modeler's form editor.
 */
public final class GateFormWriter {

  /** Form schema version understood by Camunda 8.6 Tasklist and Modeler 5.x. */
  static final int SCHEMA_VERSION = 16;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public String write(GateTask gate) {
    ObjectNode form = NODES.objectNode();
    form.put("$schema", "https://unpkg.com/@camunda/form-json-schema/resources/schema.json");
    form.put("id", gate.formId());
    form.put("type", "default");
    form.put("schemaVersion", SCHEMA_VERSION);
    form.put("executionPlatform", "Camunda Cloud");
    form.put("executionPlatformVersion", SprintProcessWriter.PLATFORM_VERSION);
    form.put("exporter", NODES.objectNode().put("name", "Sprintflow").put("version", "1"));
    ArrayNode components = form.putArray("components");
    components.addObject()
        .put("type", "text")
        .put("id", "heading")
        .put("text", "### " + gate.title() + "\n\nTick every criterion you verified. The sprint continues when you submit.");
    int i = 0;
    for (String criterion : gate.criteria()) {
      i++;
      ObjectNode box = components.addObject()
          .put("type", "checkbox")
          .put("id", "criterion_" + i)
          .put("key", "criterion_" + i)
          .put("label", criterion);
      box.putObject("validate").put("required", true);
    }
    components.addObject()
        .put("type", "textarea")
        .put("id", "comment")
        .put("key", "comment")
        .put("label", "Comment (evidence, links)");
    try {
      return JSON.writeValueAsString(form) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // cannot happen for a tree of plain nodes
    }
  }
}
