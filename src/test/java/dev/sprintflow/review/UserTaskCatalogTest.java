package dev.sprintflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.engine.DeploymentProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tasklist inbox recognises Sprintflow's tasks by element id, learned from the deployed diagrams. */
class UserTaskCatalogTest {

  @Test
  void findsTheLifecyclesThreeUserTasksWithKindAndForm() {
    UserTaskCatalog catalog = new UserTaskCatalog(new DeploymentProperties(true, List.of("bpmn", "dmn")));

    assertThat(catalog.entries()).containsExactlyInAnyOrder(
        new UserTaskCatalog.Entry("sprint-task", "do-manual-work", "work", "sprint-task-manual"),
        new UserTaskCatalog.Entry("sprint-task", "review-work", "review", "sprint-task-review"),
        new UserTaskCatalog.Entry("sprint-task", "triage", "triage", "sprint-task-triage"));
    assertThat(catalog.byElementId("review-work")).map(UserTaskCatalog.Entry::kind).hasValue("review");
    assertThat(catalog.byElementId("gate_tier_1")).isEmpty();
  }
}
