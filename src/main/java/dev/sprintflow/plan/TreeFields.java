package dev.sprintflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.plan.validation.ErrorKind;
import dev.sprintflow.plan.validation.PlanError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed access to a located YAML/JSON tree. Each accessor reports what is wrong (missing, wrong
 * type, unknown field) as a located error and returns null, so reading goes on and every problem
 * of a file is reported at once.
 */
final class TreeFields {
  private final LocatedTree tree;
  private final List<PlanError> errors;

  TreeFields(LocatedTree tree, List<PlanError> errors) {
    this.tree = tree;
    this.errors = errors;
  }

  LocatedTree tree() {
    return tree;
  }

  String text(JsonNode owner, String at, String field, boolean required) {
    JsonNode node = owner.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        error(at, ErrorKind.MISSING_FIELD, "The %s has no '%s'; it is required.".formatted(what(at), field));
      }
      return null;
    }
    return text(node, at + "/" + field, "'" + field + "'");
  }

  /** The text of list entry {@code index}, e.g. a dependency. */
  String entry(JsonNode list, String at, int index) {
    JsonNode node = list.get(index);
    if (node == null || node.isNull()) {
      error(at + "/" + index, ErrorKind.MISSING_FIELD, "Entry %d of this list is empty.".formatted(index + 1));
      return null;
    }
    return text(node, at + "/" + index, "Entry " + (index + 1));
  }

  private String text(JsonNode node, String at, String name) {
    if (!node.isValueNode()) {
      error(at, ErrorKind.WRONG_TYPE, "%s must be a text, not a %s.".formatted(name, node.isArray() ? "list" : "mapping"));
      return null;
    }
    String text = node.asText();
    if (text.isBlank()) {
      error(at, ErrorKind.MISSING_FIELD, "%s is empty; it needs a value.".formatted(name));
      return null;
    }
    return text;
  }

  Integer integer(JsonNode owner, String at, String field, boolean required) {
    JsonNode node = owner.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        error(at, ErrorKind.MISSING_FIELD, "The %s has no '%s'; it is required.".formatted(what(at), field));
      }
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      error(at + "/" + field, ErrorKind.WRONG_TYPE, "'%s' must be a whole number.".formatted(field));
      return null;
    }
    return node.intValue();
  }

  /** Indexes of the list at owner.field, or none (with an error when it is not a list). */
  List<Integer> elements(JsonNode owner, String at, String field) {
    JsonNode node = owner.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      error(at + "/" + field, ErrorKind.WRONG_TYPE, "'%s' must be a list.".formatted(field));
      return List.of();
    }
    List<Integer> indexes = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      indexes.add(i);
    }
    return indexes;
  }

  /** Reports fields the format does not have, at their key. */
  void checkFields(JsonNode node, String at, Set<String> allowed, String what) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        errors.add(PlanError.at(tree.key(LocatedTree.child(at, name)), ErrorKind.UNKNOWN_FIELD,
            "A %s has no field '%s'; known fields are %s."
                .formatted(what, name, String.join(", ", allowed.stream().sorted().toList()))));
      }
    }
  }

  void wrongType(String at, String sentence) {
    error(at, ErrorKind.WRONG_TYPE, sentence + ".");
  }

  void error(String at, ErrorKind kind, String message) {
    errors.add(PlanError.at(tree.value(at), kind, message));
  }

  /** "task", "gate", ... for the object at a pointer such as "/tasks/3". */
  private static String what(String at) {
    if (at.isEmpty()) {
      return "plan";
    }
    String[] parts = at.split("/");
    String last = parts[parts.length - 1];
    String parent = last.chars().allMatch(Character::isDigit) && parts.length > 1 ? parts[parts.length - 2] : last;
    return switch (parent) {
      case "tasks" -> "task";
      case "gates" -> "gate";
      case "warnings" -> "warning";
      case "acceptance", "criteria" -> "criterion";
      default -> parent;
    };
  }
}
