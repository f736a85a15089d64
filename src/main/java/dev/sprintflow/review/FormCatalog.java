package dev.sprintflow.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.DeploymentProperties;
import dev.sprintflow.engine.ModelResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms the service deploys (the .form files beside the diagrams), read once so that
 * the inbox offers and validates exactly the options Tasklist shows. A form the inbox can serve
 * has a {@code decision} field (radio or select, its values are the options) and may have a
 * {@code comment} field whose maxLength limits the comment.
 */
@Component
public class FormCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(FormCatalog.class);

  static final String DECISION_KEY = "decision";
  static final String COMMENT_KEY = "comment";

  /** {{name}}, {{#loop name}}, {{#if name}} in text views: the variables a form displays. */
  private static final Pattern TEMPLATE_REFERENCE =
      Pattern.compile("\\{\\{\\s*(?:#(?:loop|if|with)\\s+)?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> TEMPLATE_KEYWORDS = Set.of("this", "else", "parent", "_this_");

  private final Map<String, ReviewForm> forms = new TreeMap<>();

  public FormCatalog(DeploymentProperties deployment, ObjectMapper json, ReviewProperties properties) {
    for (ModelResources.ModelFile file : ModelResources.find(deployment.folders())) {
      if (file.name().endsWith(".form")) {
        parse(file, json, properties.commentMaxLength()).ifPresent(form -> forms.put(form.id(), form));
      }
    }
    LOG.info("Review inbox serves forms {}", forms.keySet());
  }

  public Optional<ReviewForm> find(String formId) {
    return Optional.ofNullable(formId).map(forms::get);
  }

  static Optional<ReviewForm> parse(ModelResources.ModelFile file, ObjectMapper json, int defaultCommentMaxLength) {
    JsonNode root;
    try {
      root = json.readTree(file.content());
    } catch (IOException e) {
      LOG.warn("Form {} is not valid JSON, the inbox cannot serve it: {}", file.name(), e.getMessage());
      return Optional.empty();
    }
    String id = root.path("id").asText("");
    List<ReviewForm.Option> options = new ArrayList<>();
    int commentMaxLength = defaultCommentMaxLength;
    Set<String> shown = new LinkedHashSet<>();
    for (JsonNode component : components(root)) {
      String key = component.path("key").asText("");
      if (DECISION_KEY.equals(key)) {
        for (JsonNode value : component.path("values")) {
          options.add(new ReviewForm.Option(value.path("value").asText(), value.path("label").asText()));
        }
      } else if (COMMENT_KEY.equals(key)) {
        commentMaxLength = component.path("validate").path("maxLength").asInt(defaultCommentMaxLength);
      } else if (!key.isEmpty()) {
        shown.add(key);
      }
      Matcher m = TEMPLATE_REFERENCE.matcher(component.path("text").asText(""));
      while (m.find()) {
        if (!TEMPLATE_KEYWORDS.contains(m.group(1))) {
          shown.add(m.group(1));
        }
      }
    }
    if (id.isEmpty() || options.isEmpty()) {
      LOG.debug("Form {} has no id or no '{}' options; the inbox does not serve it", file.name(), DECISION_KEY);
      return Optional.empty();
    }
    return Optional.of(new ReviewForm(id, options, commentMaxLength, new ArrayList<>(shown)));
  }

  /** Components in document order, including those nested in groups. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      all.add(c);
      all.addAll(components(c));
    }
    return all;
  }
}
