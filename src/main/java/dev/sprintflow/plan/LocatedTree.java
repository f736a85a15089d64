package dev.sprintflow.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sprintflow.plan.validation.ErrorKind;
import dev.sprintflow.plan.validation.PlanError;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON document as a Jackson tree plus the parser's location of every value and key,
 * keyed by JSON pointer. Jackson's own trees forget locations, which errors need.
 */
final class LocatedTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String file;
  private final JsonNode root;
  private final Map<String, SourceLocation> values;
  private final Map<String, SourceLocation> keys;

  private LocatedTree(String file, JsonNode root, Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {
    this.file = file;
    this.root = root;
    this.values = values;
    this.keys = keys;
  }

  /** The document's tree (null for an empty document); duplicate keys are reported into {@code errors}. */
  static LocatedTree read(JsonFactory factory, String file, String content, List<PlanError> errors)
      throws IOException {
    Map<String, SourceLocation> values = new HashMap<>();
    Map<String, SourceLocation> keys = new HashMap<>();
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? null : new Builder(file, parser, values, keys, errors).value("");
      if (root != null && parser.nextToken() != null) {
        // A second YAML document or trailing JSON would otherwise be ignored without a word.
        errors.add(PlanError.at(location(file, parser.currentTokenLocation()), ErrorKind.SYNTAX,
            "The file holds more than one document; a plan file is a single mapping."));
      }
      return new LocatedTree(file, root, values, keys);
    }
  }

  JsonNode root() {
    return root;
  }

  /** Where the value at {@code pointer} starts (or its nearest located ancestor). */
  SourceLocation value(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation at = values.get(p);
      if (at != null) {
        return at;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return SourceLocation.start(file);
      }
      p = p.substring(0, slash);
    }
  }

  /** Where the key naming the value at {@code pointer} is, falling back to the value. */
  SourceLocation key(String pointer) {
    SourceLocation at = keys.get(pointer);
    return at != null ? at : value(pointer);
  }

  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static SourceLocation location(String file, JsonLocation at) {
    return at == null ? SourceLocation.start(file) : new SourceLocation(file, at.getLineNr(), at.getColumnNr());
  }

  private record Builder(
      String file, JsonParser parser, Map<String, SourceLocation> values, Map<String, SourceLocation> keys,
      List<PlanError> errors) {

    JsonNode value(String pointer) throws IOException {
      JsonToken token = parser.currentToken();
      values.put(pointer, location(file, parser.currentTokenLocation()));
      if (token == null) {
        return NODES.nullNode();
      }
      return switch (token) {
        case START_OBJECT -> object(pointer);
        case START_ARRAY -> array(pointer);
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> NODES.textNode(parser.getText());
      };
    }

    private ObjectNode object(String pointer) throws IOException {
      ObjectNode node = NODES.objectNode();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String child = child(pointer, name);
        SourceLocation keyAt = location(file, parser.currentTokenLocation());
        if (node.has(name)) {
          errors.add(PlanError.at(keyAt, ErrorKind.DUPLICATE_KEY,
              "The key '%s' appears twice in the same mapping (first at line %d); only the last one would count."
                  .formatted(name, keys.get(child).line())));
        }
        keys.put(child, keyAt);
        parser.nextToken();
        node.set(name, value(child));
      }
      if (token == null) {
        throw new IOException("unexpected end of input");
      }
      return node;
    }

    private ArrayNode array(String pointer) throws IOException {
      ArrayNode node = NODES.arrayNode();
      JsonToken token;
      int i = 0;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new IOException("unexpected end of input");
        }
        node.add(value(pointer + "/" + i++));
      }
      return node;
    }
  }
}
