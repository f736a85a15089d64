package dev.sprintflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.DeploymentProperties;
import dev.sprintflow.engine.ModelResources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The inbox reads its options from the very forms Tasklist renders. */
class FormCatalogTest {

  private final ObjectMapper json = new ObjectMapper();
  private final FormCatalog catalog = new FormCatalog(
      new DeploymentProperties(true, List.of("bpmn", "dmn")), json, new ReviewProperties(null, null, null, null, null, null));

  @ParameterizedTest
  @ValueSource(strings = {"sprint-task-review", "sprint-task-triage", "sprint-task-manual"})
  void everyLifecycleFormOffersItsRadioValuesAndCommentLimit(String formId) throws Exception {
    JsonNode form = json.readTree(ModelResources.find(List.of("bpmn")).stream()
        .filter(f -> f.name().equals("bpmn/" + formId + ".form")).findFirst().orElseThrow().content());
    List<String> radioValues = new ArrayList<>();
    int maxLength = -1;
    for (JsonNode c : form.get("components")) {
      if (c.path("key").asText().equals("decision")) {
        assertThat(c.get("type").asText()).isEqualTo("radio");
        assertThat(c.path("validate").path("required").asBoolean()).as("decision is required in Tasklist too").isTrue();
        c.get("values").forEach(v -> radioValues.add(v.get("value").asText()));
      }
      if (c.path("key").asText().equals("comment")) {
        maxLength = c.path("validate").path("maxLength").asInt();
      }
    }

    ReviewForm parsed = catalog.find(formId).orElseThrow();
    assertThat(parsed.optionValues()).isEqualTo(radioValues).isNotEmpty();
    assertThat(parsed.commentMaxLength()).isEqualTo(maxLength);
    assertThat(parsed.shownVariables()).contains("taskTitle", "sprintId", "taskId").doesNotContain("decision", "comment", "this");
  }

  @Test
  void readsTheVariablesTheTemplatesShow() {
    assertThat(catalog.find("sprint-task-review").orElseThrow().shownVariables()).contains("acceptance", "result", "reworkCount");
    assertThat(catalog.find("sprint-task-triage").orElseThrow().shownVariables()).contains("errorCode", "errorMessage");
    assertThat(catalog.find("sprint-task-manual").orElseThrow().shownVariables()).contains("reviewComment");
  }

  @Test
  void aFormWithoutDecisionOptionsIsNotServed() {
    ModelResources.ModelFile plain = new ModelResources.ModelFile("bpmn/plain.form",
        "{\"id\": \"plain\", \"components\": [{\"type\": \"textfield\", \"key\": \"name\"}]}".getBytes(StandardCharsets.UTF_8));
    ModelResources.ModelFile broken = new ModelResources.ModelFile("bpmn/broken.form", "{".getBytes(StandardCharsets.UTF_8));

    assertThat(FormCatalog.parse(plain, json, 100)).isEmpty();
    assertThat(FormCatalog.parse(broken, json, 100)).isEmpty();
  }
}
