package dev.sprintflow.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.plan.validation.ErrorKind;
import dev.sprintflow.plan.validation.PlanError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the canonical YAML and JSON plan files. Checks field names and types itself, instead of
 * Jackson data binding, so that it can report every problem at once, each with its line and column.
 */
final class StructuredPlanReader implements PlanReader {
  private static final Set<String> PLAN_FIELDS = Set.of("$schema", "id", "name", "goal", "tasks", "gates", "warnings");
  private static final Set<String> TASK_FIELDS = Set.of(
      "id", "title", "worker", "score", "tier", "estimate", "dependsOn", "acceptance", "review", "inputs", "source");
  private static final Set<String> SCORE_FIELDS = Set.of("urgency", "impact", "confidence", "momentum", "total");
  private static final Set<String> GATE_FIELDS = Set.of("id", "title", "criteria", "after", "source");
  private static final Set<String> CRITERION_FIELDS = Set.of("text", "done");
  private static final Set<String> SOURCE_FIELDS = Set.of("file", "line");
  private static final Set<String> WARNING_FIELDS = Set.of("file", "line", "column", "message");
  private static final ObjectMapper VALUES = new ObjectMapper();
  private static final Pattern SOURCE_NOISE = Pattern.compile("\\s*\\((?:for [^()\\[]*)?(?:at )?\\[Source:[^\\]]*\\][^)]*\\)|\\s*at \\[Source:.*$");
  private static final Pattern SNAKE_LOCATION = Pattern.compile("line (\\d+), column (\\d+)");

  private final JsonFactory factory;
  private final WorkerKeywords keywords;

  StructuredPlanReader(JsonFactory factory, WorkerKeywords keywords) {
    this.factory = factory;
    this.keywords = keywords;
  }

  @Override
  public Outcome read(String fileName, String content) {
    List<PlanError> errors = new ArrayList<>();
    LocatedTree tree;
    try {
      tree = LocatedTree.read(factory, fileName, content, errors);
    } catch (JsonProcessingException e) {
      return syntaxError(fileName, LocatedTree.location(fileName, e.getLocation()), e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      // SnakeYAML's own limits and scanner errors arrive as runtime exceptions.
      return syntaxError(fileName, locationIn(fileName, e.getMessage()), e.getMessage());
    }
    return new Mapping(fileName, tree, errors).plan();
  }

  private static Outcome syntaxError(String file, SourceLocation at, String detail) {
    PlanError error = PlanError.at(at, ErrorKind.SYNTAX, "The file cannot be read: " + explain(detail));
    return new Outcome(null, PlanSourceMap.empty(file), List.of(error));
  }

  private static SourceLocation locationIn(String file, String message) {
    Matcher m = SNAKE_LOCATION.matcher(message == null ? "" : message);
    return m.find() ? new SourceLocation(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
        : SourceLocation.start(file);
  }

  /**
   * The parser's explanation on one line: SnakeYAML's snippet and position lines and Jackson's
   * "[Source: ...]" notes are dropped (the error's own position says where).
   */
  static String explain(String message) {
    if (message == null || message.isBlank()) {
      return "unexpected content.";
    }
    String text = message.lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(l -> SOURCE_NOISE.matcher(l).replaceAll("").strip())
        .filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + "; " + b)
        .orElse("unexpected content");
    return text.endsWith(".") ? text : text + ".";
  }

  /** One reading of one tree: collects errors and warnings, and locations under the plan's own pointers. */
  private final class Mapping {
    private final String file;
    private final LocatedTree tree;
    private final List<PlanError> errors;
    private final List<PlanWarning> warnings = new ArrayList<>();
    private final PlanSourceMap.Builder sources;
    private final TreeFields f;

    Mapping(String file, LocatedTree tree, List<PlanError> errors) {
      this.file = file;
      this.tree = tree;
      this.errors = errors;
      this.sources = PlanSourceMap.builder(file);
      this.f = new TreeFields(tree, errors);
    }

    Outcome plan() {
      JsonNode root = tree.root();
      if (root == null || root.isNull()) {
        f.error("", ErrorKind.NO_TASKS, "The file is empty; a plan needs a name and at least one task.");
        return new Outcome(null, sources.build(), errors);
      }
      if (!root.isObject()) {
        f.wrongType("", "The plan must be a mapping with id, name and tasks");
        return new Outcome(null, sources.build(), errors);
      }
      f.checkFields(root, "", PLAN_FIELDS, "plan");
      sources.put("", tree.value("")).put("/tasks", tree.key("/tasks"));
      String name = f.text(root, "", "name", true);
      String id = f.text(root, "", "id", false);
      if (id == null) {
        id = Slugs.of(Slugs.fileStem(file), Slugs.of(name, "plan"));
      }
      sources.put("/id", tree.value("/id"));
      List<Task> tasks = new ArrayList<>();
      for (int i : f.elements(root, "", "tasks")) {
        Task task = task(root.get("tasks").get(i), "/tasks/" + i, "/tasks/" + tasks.size());
        if (task != null) {
          tasks.add(task);
        }
      }
      List<Gate> gates = new ArrayList<>();
      for (int i : f.elements(root, "", "gates")) {
        Gate gate = gate(root.get("gates").get(i), "/gates/" + i, "/gates/" + gates.size());
        if (gate != null) {
          gates.add(gate);
        }
      }
      List<PlanWarning> kept = new ArrayList<>();
      for (int i : f.elements(root, "", "warnings")) {
        PlanWarning w = warning(root.get("warnings").get(i), "/warnings/" + i);
        if (w != null) {
          kept.add(w);
        }
      }
      kept.addAll(warnings);
      Plan plan = new Plan(id, name == null ? id : name, f.text(root, "", "goal", false), tasks, gates, kept);
      return new Outcome(plan, sources.build(), errors);
    }

    private Task task(JsonNode node, String at, String planAt) {
      if (!node.isObject()) {
        f.wrongType(at, "A task must be a mapping with at least id and title");
        return null;
      }
      f.checkFields(node, at, TASK_FIELDS, "task");
      String id = f.text(node, at, "id", true);
      String title = f.text(node, at, "title", true);
      // Without an id nothing can refer to the task: it is left out, but its other fields are still checked.
      String name = id != null ? id : title != null ? title : "#" + (Integer.parseInt(at.substring(at.lastIndexOf('/') + 1)) + 1);
      if (id != null) {
        sources.put(planAt, tree.value(at)).put(planAt + "/id", tree.value(at + "/id"));
      }
      Map<String, Object> inputs = inputs(node, at);
      String worker = f.text(node, at, "worker", false);
      if (worker == null) {
        Object description = inputs.get("description");
        worker = keywords.classify(title, description instanceof String s ? s : null);
      }
      Score score = score(node, at, planAt);
      String estimateText = f.text(node, at, "estimate", false);
      Duration estimate = null;
      if (estimateText != null) {
        sources.put(planAt + "/estimate", tree.value(at + "/estimate"));
        estimate = Estimates.parse(estimateText).orElse(null);
        if (estimate == null) {
          f.error(at + "/estimate", ErrorKind.INVALID_ESTIMATE,
              ("Task '%s' has the estimate '%s', which is not a duration; write ISO-8601 (P3D, PT4H)"
                  + " or an amount with a unit, such as '3 days', '0.5 day' or '2 hours'.").formatted(name, estimateText));
        }
      }
      List<String> dependsOn = new ArrayList<>();
      for (int j : f.elements(node, at, "dependsOn")) {
        String ref = f.entry(node.get("dependsOn"), at + "/dependsOn", j);
        if (ref != null && keepReference(ref, at + "/dependsOn/" + j, "Task '" + name + "'")) {
          sources.put(planAt + "/dependsOn/" + dependsOn.size(), tree.value(at + "/dependsOn/" + j));
          dependsOn.add(ref.strip());
        }
      }
      Review review = null;
      String reviewText = f.text(node, at, "review", false);
      if (reviewText != null) {
        review = Review.parse(reviewText).orElse(null);
        if (review == null) {
          f.error(at + "/review", ErrorKind.INVALID_VALUE,
              "Task '%s' has review '%s'; review must be auto, required or none.".formatted(name, reviewText));
        }
      }
      SourceRef source = source(node, at);
      List<Criterion> acceptance = criteria(node, at, "acceptance");
      if (id == null) {
        return null;
      }
      return new Task(id, title == null ? id : title, worker, score, f.text(node, at, "tier", false), estimate,
          dependsOn, acceptance, review, inputs,
          source != null ? source : tree.value(at).ref());
    }

    private Gate gate(JsonNode node, String at, String planAt) {
      if (!node.isObject()) {
        f.wrongType(at, "A gate must be a mapping with at least id and title");
        return null;
      }
      f.checkFields(node, at, GATE_FIELDS, "gate");
      String id = f.text(node, at, "id", true);
      String title = f.text(node, at, "title", true);
      if (id == null) {
        return null;
      }
      sources.put(planAt, tree.value(at)).put(planAt + "/id", tree.value(at + "/id"));
      List<String> after = new ArrayList<>();
      for (int j : f.elements(node, at, "after")) {
        String ref = f.entry(node.get("after"), at + "/after", j);
        if (ref != null && keepReference(ref, at + "/after/" + j, "Gate '" + id + "'")) {
          sources.put(planAt + "/after/" + after.size(), tree.value(at + "/after/" + j));
          after.add(ref.strip());
        }
      }
      SourceRef source = source(node, at);
      return new Gate(id, title == null ? id : title, criteria(node, at, "criteria"), after,
          source != null ? source : tree.value(at).ref());
    }

    /** Prose such as "All services" is not an id: dropped with a warning rather than failing the plan. */
    private boolean keepReference(String ref, String at, String owner) {
      String r = ref.strip();
      if (!r.isEmpty() && r.chars().noneMatch(Character::isWhitespace)) {
        return true;
      }
      warnings.add(PlanWarning.at(tree.value(at),
          "%s names '%s' as a dependency, which is not a task id; it is ignored.".formatted(owner, r)));
      return false;
    }

    private Score score(JsonNode task, String at, String planAt) {
      JsonNode node = task.get("score");
      if (node == null || node.isNull()) {
        return null;
      }
      String sat = at + "/score";
      if (!node.isObject()) {
        f.wrongType(sat, "A score must be a mapping with urgency, impact, confidence and momentum");
        return null;
      }
      f.checkFields(node, sat, SCORE_FIELDS, "score");
      Integer[] parts = new Integer[4];
      String[] names = {"urgency", "impact", "confidence", "momentum"};
      for (int k = 0; k < 4; k++) {
        parts[k] = f.integer(node, sat, names[k], true);
        sources.put(planAt + "/score/" + names[k], tree.value(sat + "/" + names[k]));
      }
      sources.put(planAt + "/score", tree.value(sat));
      for (Integer part : parts) {
        if (part == null) {
          return null;
        }
      }
      Score score = new Score(parts[0], parts[1], parts[2], parts[3]);
      Integer total = f.integer(node, sat, "total", false);
      if (total != null && total != score.total()) {
        warnings.add(PlanWarning.at(tree.value(sat + "/total"),
            "The score total %d is not the sum of its parts (%d); the sum is used.".formatted(total, score.total())));
      }
      return score;
    }

    private List<Criterion> criteria(JsonNode owner, String at, String field) {
      List<Criterion> criteria = new ArrayList<>();
      for (int j : f.elements(owner, at, field)) {
        String cat = at + "/" + field + "/" + j;
        JsonNode item = owner.get(field).get(j);
        if (item.isObject()) {
          f.checkFields(item, cat, CRITERION_FIELDS, "criterion");
          String text = f.text(item, cat, "text", true);
          JsonNode done = item.get("done");
          if (done != null && !done.isBoolean() && !done.isNull()) {
            f.wrongType(cat + "/done", "'done' must be true or false");
          }
          if (text != null) {
            criteria.add(new Criterion(text, done != null && done.asBoolean(false)));
          }
        } else if (item.isValueNode() && !item.isNull()) {
          criteria.add(Criterion.open(item.asText()));
        } else {
          f.wrongType(cat, "A criterion must be a text or a mapping with text and done");
        }
      }
      return criteria;
    }

    private Map<String, Object> inputs(JsonNode task, String at) {
      JsonNode node = task.get("inputs");
      if (node == null || node.isNull()) {
        return Map.of();
      }
      if (!node.isObject()) {
        f.wrongType(at + "/inputs", "'inputs' must be a mapping of names to values");
        return Map.of();
      }
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        inputs.put(e.getKey(), VALUES.convertValue(e.getValue(), Object.class));
      }
      return inputs;
    }

    private SourceRef source(JsonNode owner, String at) {
      JsonNode node = owner.get("source");
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isObject()) {
        f.wrongType(at + "/source", "'source' must be a mapping with file and line");
        return null;
      }
      f.checkFields(node, at + "/source", SOURCE_FIELDS, "source");
      String sourceFile = f.text(node, at + "/source", "file", true);
      Integer line = f.integer(node, at + "/source", "line", true);
      return sourceFile == null || line == null ? null : new SourceRef(sourceFile, line);
    }

    private PlanWarning warning(JsonNode node, String at) {
      if (!node.isObject()) {
        f.wrongType(at, "A warning must be a mapping with file, line, column and message");
        return null;
      }
      f.checkFields(node, at, WARNING_FIELDS, "warning");
      String warningFile = f.text(node, at, "file", false);
      Integer line = f.integer(node, at, "line", false);
      Integer column = f.integer(node, at, "column", false);
      String message = f.text(node, at, "message", true);
      return message == null ? null : new PlanWarning(warningFile == null ? file : warningFile,
          line == null ? 1 : line, column == null ? 1 : column, message);
    }
  }
}
