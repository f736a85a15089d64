package dev.sprintflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keyword table that picks a task's worker kind when the plan names none: kinds in order,
 * each with its keywords; the first kind with a keyword in the text wins, else {@link #defaultKind()}.
 */
public final class WorkerKeywords {
  public static final String GENERIC = "generic";
  private static final String RESOURCE = "/dev/sprintflow/plan/worker-keywords.yaml";
  private static final WorkerKeywords DEFAULTS = loadDefaults();

  /** One kind and its keywords; an empty keyword list switches the kind off. */
  public record Rule(String kind, List<String> keywords) {
    public Rule {
      keywords = List.copyOf(keywords);
    }
  }

  private record Compiled(String kind, Pattern pattern) {}

  private final List<Rule> rules;
  private final List<Compiled> compiled;
  private final String defaultKind;

  public WorkerKeywords(List<Rule> rules, String defaultKind) {
    this.rules = List.copyOf(rules);
    this.defaultKind = defaultKind == null || defaultKind.isBlank() ? GENERIC : defaultKind.strip();
    this.compiled = this.rules.stream()
        .filter(r -> r.keywords().stream().anyMatch(k -> !k.isBlank()))
        .map(r -> new Compiled(r.kind(), wordPattern(r.keywords())))
        .toList();
  }

  public static WorkerKeywords defaults() {
    return DEFAULTS;
  }

  public List<Rule> rules() {
    return rules;
  }

  public String defaultKind() {
    return defaultKind;
  }

  /**
   * This table with {@code overrides} put first, in the map's iteration order (pass an ordered map):
   * their kinds replace same-named defaults and are checked before the others. {@code newDefaultKind}
   * replaces the default kind unless null.
   */
  public WorkerKeywords overriddenBy(Map<String, List<String>> overrides, String newDefaultKind) {
    List<Rule> merged = new ArrayList<>();
    overrides.forEach((kind, words) -> merged.add(new Rule(kind, words == null ? List.of() : words)));
    rules.stream().filter(r -> !overrides.containsKey(r.kind())).forEach(merged::add);
    return new WorkerKeywords(merged, newDefaultKind == null ? defaultKind : newDefaultKind);
  }

  /** The kind of the first rule with a keyword in one of the texts, trying the texts in order. */
  public Optional<String> match(String... texts) {
    for (String text : texts) {
      if (text == null || text.isBlank()) {
        continue;
      }
      for (Compiled rule : compiled) {
        if (rule.pattern().matcher(text).find()) {
          return Optional.of(rule.kind());
        }
      }
    }
    return Optional.empty();
  }

  /** {@link #match} or the default kind. */
  public String classify(String... texts) {
    return match(texts).orElse(defaultKind);
  }

  /** Whether {@code label} names one of the table's kinds (or the default kind). */
  public boolean isKind(String label) {
    return label != null
        && (label.equals(defaultKind) || rules.stream().anyMatch(r -> r.kind().equals(label)));
  }

  /** Reads the table format of worker-keywords.yaml: {@code default: kind} and {@code kinds: {kind: [words]}}. */
  public static WorkerKeywords parseYaml(String content) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(content);
      if (root == null || root.isMissingNode() || root.isNull()) {
        return new WorkerKeywords(List.of(), null);
      }
      if (!root.isObject()) {
        throw new IllegalArgumentException("a worker keyword table is a mapping with 'default' and 'kinds'");
      }
      for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("default") && !name.equals("kinds")) {
          throw new IllegalArgumentException("unknown key '" + name + "'; expected 'default' and 'kinds'");
        }
      }
      String defaultKind = root.hasNonNull("default") ? root.get("default").asText() : null;
      List<Rule> rules = new ArrayList<>();
      JsonNode kinds = root.path("kinds");
      if (!kinds.isMissingNode() && !kinds.isObject()) {
        throw new IllegalArgumentException("'kinds' must map each worker kind to a list of keywords");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = kinds.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> kind = it.next();
        rules.add(new Rule(kind.getKey(), keywords(kind.getKey(), kind.getValue())));
      }
      return new WorkerKeywords(rules, defaultKind);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a readable YAML keyword table: " + e.getOriginalMessage());
    }
  }

  /** The rules as a kind -> keywords map, in order (for configuration binding and display). */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    rules.forEach(r -> map.put(r.kind(), r.keywords()));
    return map;
  }

  private static List<String> keywords(String kind, JsonNode node) {
    if (node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("the keywords of kind '" + kind + "' must be a list of words");
    }
    List<String> words = new ArrayList<>();
    node.forEach(w -> words.add(w.asText()));
    return words;
  }

  // Whole words, any case, with common endings: "port" matches "Port", "ported", "porting", not "report".
  private static Pattern wordPattern(List<String> keywords) {
    String alternatives = keywords.stream()
        .map(k -> k.strip().toLowerCase(Locale.ROOT))
        .filter(k -> !k.isEmpty())
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?:s|es|d|ed|ing)?(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static WorkerKeywords loadDefaults() {
    try (InputStream in = WorkerKeywords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parseYaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
