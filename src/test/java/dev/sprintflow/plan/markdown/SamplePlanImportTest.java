package dev.sprintflow.plan.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.Estimates;
import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanFixtures;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both sample plans import into the graphs a person reads from them, as written down by hand in
 * src/test/resources/plans/expected/.
 */
class SamplePlanImportTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {PlanFixtures.PRODUCTION, PlanFixtures.INTEGRATION})
  void importsTheExpectedPlan(String planFile) throws IOException {
    JsonNode expected = YAML.readTree(PlanFixtures.text("expected/" + planFile.replace(".md", ".yaml")));
    PlanLoadResult result = PlanFixtures.load(planFile);

    assertThat(result.errors()).isEmpty();
    Plan plan = result.plan();
    assertThat(plan.id()).isEqualTo(expected.get("id").asText());
    assertThat(plan.name()).isEqualTo(expected.get("name").asText());
    if (expected.has("goal")) {
      assertThat(plan.goal()).isEqualTo(expected.get("goal").asText());
    }
    assertThat(plan.tasks()).extracting(Task::id).containsExactlyElementsOf(texts(expected.path("tasks"), "id"));
    for (int i = 0; i < plan.tasks().size(); i++) {
      assertTask(plan.tasks().get(i), expected.get("tasks").get(i), planFile);
    }
    assertThat(plan.gates()).extracting(Gate::id).containsExactlyElementsOf(texts(expected.path("gates"), "id"));
    for (int i = 0; i < plan.gates().size(); i++) {
      Gate gate = plan.gates().get(i);
      JsonNode want = expected.get("gates").get(i);
      assertThat(gate.title()).isEqualTo(want.get("title").asText());
      assertThat(gate.after()).containsExactlyElementsOf(strings(want.get("after")));
      assertThat(gate.criteria()).hasSize(want.get("criteria").asInt());
    }
    JsonNode warnings = expected.path("warnings");
    assertThat(plan.warnings()).hasSize(warnings.size());
    for (int i = 0; i < warnings.size(); i++) {
      assertThat(plan.warnings().get(i).line()).isEqualTo(warnings.get(i).get("line").asInt());
      assertThat(plan.warnings().get(i).message()).contains(warnings.get(i).get("contains").asText());
    }
  }

  private static void assertTask(Task task, JsonNode want, String file) {
    String what = "task " + task.id();
    assertThat(task.title()).as(what).isEqualTo(want.get("title").asText());
    assertThat(task.worker()).as(what).isEqualTo(want.get("worker").asText());
    assertThat(task.dependsOn()).as(what).containsExactlyElementsOf(strings(want.get("dependsOn")));
    assertThat(task.estimate() == null ? null : Estimates.format(task.estimate())).as(what)
        .isEqualTo(want.path("estimate").asText(null));
    assertThat(task.tier()).as(what).isEqualTo(want.path("tier").asText(null));
    if (want.has("score")) {
      assertThat(List.of(task.score().urgency(), task.score().impact(), task.score().confidence(),
          task.score().momentum())).as(what).containsExactlyElementsOf(integers(want.get("score")));
    } else {
      assertThat(task.score()).as(what).isNull();
    }
    assertThat(task.acceptance()).as(what).extracting(Criterion::text)
        .containsExactlyElementsOf(strings(want.get("acceptance")));
    if (want.has("steps")) {
      assertThat((List<?>) task.inputs().get("steps")).as(what).hasSize(want.get("steps").asInt());
    }
    if (want.has("phase")) {
      assertThat(task.inputs().get("phase")).as(what).isEqualTo(want.get("phase").asText());
    }
    assertThat(task.source().file()).isEqualTo(file);
    assertThat(task.source().line()).as(what).isEqualTo(want.get("line").asInt());
  }

  private static List<String> texts(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<Integer> integers(JsonNode list) {
    return Stream.iterate(0, i -> i < list.size(), i -> i + 1).map(i -> list.get(i).asInt()).toList();
  }
}
