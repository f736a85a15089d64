package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/plan.schema.json describes exactly the JSON form of the model, and the canonical YAML files. */
class PlanSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE = Path.of("docs/examples/sample-plan.yaml");
  private static JsonSchema schema;

  @BeforeAll
  static void readSchema() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("docs/plan.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {PlanFixtures.PRODUCTION, PlanFixtures.INTEGRATION})
  void samplePlansJsonMatchesTheSchema(String planFile) throws IOException {
    PlanLoadResult result = PlanFixtures.load(planFile);
    assertThat(result.valid()).isTrue();
    JsonNode json = JSON.readTree(PlanJson.write(result.plan()));
    assertThat(schema.validate(json)).isEmpty();
  }

  @Test
  void exampleYamlPlanMatchesTheSchemaBothAsWrittenAndAsPrinted() throws IOException {
    JsonNode asWritten = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(EXAMPLE));
    assertThat(schema.validate(asWritten)).isEmpty();
    PlanLoadResult result = PlanLoader.withDefaults().load(EXAMPLE);
    assertThat(result.errors()).isEmpty();
    assertThat(schema.validate(JSON.readTree(PlanJson.write(result.plan())))).isEmpty();
  }

  @Test
  void schemaRejectsWhatTheLoaderRejects() throws IOException {
    JsonNode bad = JSON.readTree("""
        {"name": "x", "tasks": [{"id": "Not A Slug", "title": "t", "review": "maybe",
          "score": {"urgency": 11, "impact": 1, "confidence": 1, "momentum": 1}, "estimate": "soon", "colour": 1}]}
        """);
    Set<ValidationMessage> messages = schema.validate(bad);
    assertThat(messages).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
        .contains("$.tasks[0].id", "$.tasks[0].review", "$.tasks[0].score.urgency", "$.tasks[0].estimate", "$.tasks[0]");
    assertThat(PlanLoader.withDefaults().load("bad.json", bad.toString()).errors()).hasSize(5);
  }
}
