package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON form: field names and order, ISO estimates, derived totals, omitted optionals; it reads back unchanged. */
class PlanJsonTest {
  private static final Task TASK = new Task("build", "Build", "generic", new Score(1, 2, 3, 4), null,
      Duration.ofHours(12), List.of(), List.of(new Criterion("Green", true)), null, Map.of("files", List.of("a.ts")),
      new SourceRef("p.yaml", 3));

  @Test
  void writesTheDocumentedShape() throws IOException {
    JsonNode json = new ObjectMapper().readTree(PlanJson.write(new Plan("p", "P", null, List.of(TASK), null, null)));
    assertThat(json.has("goal")).isFalse();
    assertThat(json.fieldNames()).toIterable().containsExactly("id", "name", "tasks", "gates", "warnings");
    JsonNode task = json.get("tasks").get(0);
    assertThat(task.fieldNames()).toIterable().containsExactly("id", "title", "worker", "score", "estimate",
        "dependsOn", "acceptance", "review", "inputs", "source");
    assertThat(task.get("estimate").asText()).isEqualTo("PT12H");
    assertThat(task.get("score").get("total").asInt()).isEqualTo(10);
    assertThat(task.get("review").asText()).isEqualTo("auto");
    assertThat(task.get("acceptance").get(0).get("done").asBoolean()).isTrue();
  }

  @Test
  void springStyleMappersWriteTheSameJson() throws IOException {
    ObjectMapper spring = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    assertThat(spring.readTree(spring.writeValueAsString(TASK)))
        .isEqualTo(new ObjectMapper().readTree(PlanJson.write(TASK)));
  }

  @ParameterizedTest
  @ValueSource(strings = {PlanFixtures.PRODUCTION, PlanFixtures.INTEGRATION})
  void printedJsonReadsBackAsTheSamePlan(String planFile) {
    Plan plan = PlanFixtures.load(planFile).plan();
    PlanLoadResult again = PlanLoader.withDefaults().load("printed.json", PlanJson.write(plan));
    assertThat(again.errors()).isEmpty();
    assertThat(again.plan()).isEqualTo(plan);
  }
}
