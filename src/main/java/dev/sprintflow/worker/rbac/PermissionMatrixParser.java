package dev.sprintflow.worker.rbac;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the compact matrix form (workers/rbac-check.md): {@code roles}, {@code resources} (rows
 * {@code name} or {@code name/scope} with their actions) and {@code allow}/{@code deny} patterns per
 * role; every cell no allow pattern matches, or a deny pattern matches, is expected to be denied.
 * Accepts the form as an object (plan inputs) or as YAML/JSON text (a template field). Reports
 * every problem at once, each starting with the field it is about.
 */
public final class PermissionMatrixParser {

  /** Bounds the work and the size of the evidence variable (Zeebe caps a job's variables). */
  public static final int MAX_CELLS = 2_000;

  static final List<String> FIELDS = List.of("roles", "resources", "allow", "deny");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final ObjectMapper OBJECTS = new ObjectMapper();

  private PermissionMatrixParser() {}

  /** The matrix in {@code value}; {@code field} names it in problems, e.g. {@code inputs.matrix}. */
  public static PermissionMatrix parse(Object value, String field) {
    JsonNode root = tree(value, field);
    List<String> problems = new ArrayList<>();
    root.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        problems.add("%s.%s: unknown field (fields: %s)".formatted(field, name, String.join(", ", FIELDS)));
      }
    });
    List<String> roles = roles(root.get("roles"), field + ".roles", problems);
    List<ResourceRow> rows = rows(root.get("resources"), field + ".resources", problems);
    if (!problems.isEmpty()) {
      throw new RbacConfigInvalidException(problems);
    }
    List<Cell> cells = new PermissionMatrix(roles, rows, Map.of()).cells();
    if (cells.size() > MAX_CELLS) {
      throw new RbacConfigInvalidException("%s: %d cells (%d roles x %d actions); at most %d per check"
          .formatted(field, cells.size(), roles.size(), cells.size() / roles.size(), MAX_CELLS));
    }
    Map<String, List<CellPattern>> allow = patterns(root.get("allow"), field + ".allow", roles, cells, problems);
    Map<String, List<CellPattern>> deny = patterns(root.get("deny"), field + ".deny", roles, cells, problems);
    if (!problems.isEmpty()) {
      throw new RbacConfigInvalidException(problems);
    }
    Map<Cell, Access> expected = new LinkedHashMap<>();
    for (Cell cell : cells) {
      boolean allowed = allow.getOrDefault(cell.role(), List.of()).stream().anyMatch(p -> p.matches(cell))
          && deny.getOrDefault(cell.role(), List.of()).stream().noneMatch(p -> p.matches(cell));
      expected.put(cell, allowed ? Access.ALLOW : Access.DENY);
    }
    return new PermissionMatrix(roles, rows, expected);
  }

  private static JsonNode tree(Object value, String field) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new RbacConfigInvalidException(field + ": is required (an object with " + String.join(", ", FIELDS) + ")");
    }
    JsonNode root;
    if (value instanceof String text) {
      try {
        root = YAML.readTree(text);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
        throw new RbacConfigInvalidException("%s: is not valid YAML%s (%s)".formatted(field, where, e.getOriginalMessage()));
      }
    } else {
      root = OBJECTS.valueToTree(value);
    }
    if (root == null || !root.isObject()) {
      throw new RbacConfigInvalidException(field + ": must be an object with " + String.join(", ", FIELDS));
    }
    return root;
  }

  private static List<String> roles(JsonNode node, String field, List<String> problems) {
    List<String> roles = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      problems.add(field + ": is required: a list of role names, e.g. [owner, admin, manager, member]");
      return roles;
    }
    for (int i = 0; i < node.size(); i++) {
      String role = name(node.get(i), "%s[%d]".formatted(field, i), "role", problems);
      if (role != null && roles.contains(role)) {
        problems.add("%s[%d]: role '%s' is listed twice".formatted(field, i, role));
      } else if (role != null) {
        roles.add(role);
      }
    }
    return roles;
  }

  private static List<ResourceRow> rows(JsonNode node, String field, List<String> problems) {
    List<ResourceRow> rows = new ArrayList<>();
    if (node == null || !node.isObject() || node.isEmpty()) {
      problems.add(field + ": is required: rows 'resource' or 'resource/scope' with their actions,"
          + " e.g. {clients/assigned: [read, update]}");
      return rows;
    }
    node.fields().forEachRemaining(entry -> {
      String rowField = field + "." + entry.getKey();
      String[] parts = entry.getKey().split("/", -1);
      if (parts.length > 2 || parts.length == 0 || !parts[0].matches(NAME.pattern())
          || parts.length == 2 && !parts[1].matches(NAME.pattern())) {
        problems.add(rowField + ": a row is 'resource' or 'resource/scope' (letters, digits, '_', '.', '-')");
        return;
      }
      List<String> actions = new ArrayList<>();
      JsonNode list = entry.getValue();
      if (!list.isArray() || list.isEmpty()) {
        problems.add(rowField + ": must list the actions to probe, e.g. [read, update, delete]");
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        String action = name(list.get(i), "%s[%d]".formatted(rowField, i), "action", problems);
        if (action != null && actions.contains(action)) {
          problems.add("%s[%d]: action '%s' is listed twice".formatted(rowField, i, action));
        } else if (action != null) {
          actions.add(action);
        }
      }
      rows.add(new ResourceRow(parts[0], parts.length == 2 ? parts[1] : null, actions));
    });
    return rows;
  }

  private static Map<String, List<CellPattern>> patterns(
      JsonNode node, String field, List<String> roles, List<Cell> cells, List<String> problems) {
    Map<String, List<CellPattern>> byRole = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return byRole;
    }
    if (!node.isObject()) {
      problems.add(field + ": must map roles to patterns, e.g. {manager: [\"clients/assigned:update\"]}");
      return byRole;
    }
    Set<String> rowNames = new LinkedHashSet<>();
    cells.forEach(c -> rowNames.add(c.row()));
    node.fields().forEachRemaining(entry -> {
      String role = entry.getKey();
      String roleField = field + "." + role;
      if (!roles.contains(role)) {
        problems.add("%s: '%s' is not one of the roles (%s)".formatted(roleField, role, String.join(", ", roles)));
        return;
      }
      JsonNode list = entry.getValue().isTextual() ? OBJECTS.createArrayNode().add(entry.getValue()) : entry.getValue();
      if (!list.isArray()) {
        problems.add(roleField + ": must be a list of patterns like \"clients/assigned:update\" or \"*\"");
        return;
      }
      List<CellPattern> patterns = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String patternField = "%s[%d]".formatted(roleField, i);
        JsonNode item = list.get(i);
        if (!item.isTextual() || !seen.add(item.asText())) {
          problems.add(patternField + (item.isTextual() ? ": listed twice" : ": must be a string like \"clients:read\""));
          continue;
        }
        CellPattern pattern = CellPattern.parse(item.asText());
        if (pattern == null) {
          problems.add("%s: '%s' is not a pattern; write resource[/scope]:action, each part a name or *, or \"*\" alone"
              .formatted(patternField, item.asText()));
        } else if (cells.stream().noneMatch(c -> c.role().equals(role) && pattern.matches(c))) {
          problems.add("%s: '%s' matches no cell (rows: %s)".formatted(patternField, item.asText(), String.join(", ", rowNames)));
        } else {
          patterns.add(pattern);
        }
      }
      byRole.put(role, patterns);
    });
    return byRole;
  }

  private static String name(JsonNode node, String field, String what, List<String> problems) {
    if (node == null || !node.isTextual() || !NAME.matcher(node.asText()).matches()) {
      problems.add("%s: a %s name is letters, digits, '_', '.' or '-' (at most 64), got %s"
          .formatted(field, what, node == null ? "nothing" : node.toString()));
      return null;
    }
    return node.asText();
  }

  /** {@code resource[/scope]:action}; {@code *} in any part matches everything there. */
  record CellPattern(String resource, String scope, boolean scoped, String action) {

    static CellPattern parse(String text) {
      if (text.equals("*")) {
        return new CellPattern("*", null, false, "*");
      }
      int colon = text.lastIndexOf(':');
      if (colon < 1 || colon != text.indexOf(':')) {
        return null;
      }
      String row = text.substring(0, colon);
      String action = text.substring(colon + 1);
      String[] parts = row.split("/", -1);
      if (parts.length > 2 || !part(parts[0]) || parts.length == 2 && !part(parts[1]) || !part(action)) {
        return null;
      }
      return new CellPattern(parts[0], parts.length == 2 ? parts[1] : null, parts.length == 2, action);
    }

    private static boolean part(String s) {
      return s.equals("*") || NAME.matcher(s).matches();
    }

    boolean matches(Cell cell) {
      boolean resourceOk = resource.equals("*") || resource.equals(cell.resource());
      // "clients" covers every scope of clients; "clients/*" only its scoped rows
      boolean scopeOk = !scoped || cell.scope() != null && (scope.equals("*") || scope.equals(cell.scope()));
      boolean actionOk = action.equals("*") || action.equals(cell.action());
      return resourceOk && scopeOk && actionOk;
    }
  }
}
