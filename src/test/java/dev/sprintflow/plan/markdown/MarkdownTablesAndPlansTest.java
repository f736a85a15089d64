package dev.sprintflow.plan.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanFixtures;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanReader;
import dev.sprintflow.plan.Task;
import dev.sprintflow.plan.WorkerKeywords;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Priority tables, how rows merge with sections, and whole plans in other real-world shapes. */
class MarkdownTablesAndPlansTest {

  private static Plan valid(String markdown) {
    PlanLoadResult result = PlanFixtures.loadText("plan.md", markdown);
    assertThat(result.errors()).as("errors").isEmpty();
    return result.plan();
  }

  private static Task task(Plan plan, String id) {
    return plan.tasks().stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no task " + id + " in " + plan.tasks().stream().map(Task::id).toList()));
  }

  @Test
  void priorityTableColumnsInAnyOrderAndSubset() {
    Plan plan = valid("""
        | Est. Time | Worker | Task | Urgency | Impact | Confidence | Momentum | Tier |
        |---|---|---|---|---|---|---|---|
        | ~2 hours | Manual | Sign-off meeting | 5 | 6 | 7 | 8 | LATER |
        | 3 days | W2 | Data Migration | 9 | 9 | 8 | 7 | NOW |
        """);
    Task signOff = task(plan, "sign-off-meeting");
    assertThat(signOff.worker()).isEqualTo("manual");
    assertThat(signOff.score().total()).isEqualTo(26);
    assertThat(signOff.tier()).isEqualTo("LATER");
    assertThat(signOff.estimate()).isEqualTo(Duration.ofHours(2));
    assertThat(task(plan, "data-migration").worker()).isEqualTo("migration-port");
  }

  @Test
  void aTotalWithoutItsPartsIsAWarningWithItsLine() {
    PlanLoadResult result = PlanFixtures.loadText("plan.md", """
        | Task | Score |
        |------|-------|
        | Build | 38/40 |
        """);
    assertThat(result.valid()).isTrue();
    assertThat(result.plan().tasks().get(0).score()).isNull();
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(3);
      assertThat(w.message()).contains("only a total score (38/40)");
    });
  }

  @Test
  void tableRowAndSectionWithTheSameTitleAreOneTask() {
    Plan plan = valid("""
        | Task | U/I/C/M | Tier |
        |------|---------|------|
        | Port Billing Tables | 9/9/8/7 | IMMEDIATE |

        ## Billing Tables Port
        **Task:** Move invoices
        **Worker kind:** db-migrator
        """);
    assertThat(plan.tasks()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("port-billing-tables");
      assertThat(t.worker()).isEqualTo("db-migrator"); // explicit kind beats the "port" keyword
      assertThat(t.tier()).isEqualTo("IMMEDIATE");
      assertThat(t.inputs()).containsEntry("description", "Move invoices");
      assertThat(t.source().line()).isEqualTo(3);
    });
  }

  @Test
  void narrativeTablesAndSectionsAreNotTasks() {
    Plan plan = valid("""
        ## Current State
        | Layer | Completion | Gap |
        |---|---|---|
        | API | 90% | none |

        ## Adaptation Guide
        ### Database Changes
        - Use agency_id
        - **Change:** add a column

        ## Work
        ### W1: Real work
        Do it.
        """);
    assertThat(plan.tasks()).extracting(Task::id).containsExactly("real-work");
  }

  @Test
  void tableWithIdsOwnersAndADependencyColumn() {
    Plan plan = valid("""
        # Q3 Platform Sprint

        | ID | Task | Priority | Owner | Estimate | Depends On |
        |----|------|----------|-------|----------|------------|
        | T1 | Tenant schema migration | P0 | Alice | 2d | - |
        | T2 | Stripe sync worker | P0 | Bob | 3 days | T1 |
        | T3 | Admin permissions | P1 | Carol | 1 day | T1 |
        | T4 | Release | P1 | Manual | 4h | |

        ## Sprint Backlog
        ### Tenant schema migration
        - [ ] Backfill done

        ## Definition of Done
        - [ ] All tests green
        """);
    assertThat(plan.tasks()).extracting(Task::id, Task::worker).containsExactly(
        org.assertj.core.groups.Tuple.tuple("tenant-schema-migration", "migration-port"),
        org.assertj.core.groups.Tuple.tuple("stripe-sync-worker", "oauth-sync"),
        org.assertj.core.groups.Tuple.tuple("admin-permissions", "rbac-check"),
        org.assertj.core.groups.Tuple.tuple("release", "manual"));
    assertThat(task(plan, "stripe-sync-worker").dependsOn()).containsExactly("tenant-schema-migration");
    assertThat(task(plan, "stripe-sync-worker").inputs()).containsEntry("assignee", "Bob");
    assertThat(task(plan, "release").dependsOn()).containsExactly("stripe-sync-worker", "admin-permissions");
    assertThat(task(plan, "tenant-schema-migration").acceptance()).extracting(Criterion::text).containsExactly("Backfill done");
    assertThat(plan.gates()).singleElement().satisfies(g -> assertThat(g.after()).containsExactly("release"));
  }

  @Test
  void milestonesWithNumberedTasksAndPlainLabels() {
    PlanLoadResult result = PlanFixtures.loadText("mobile.md", """
        # Mobile release

        ## Milestone 1: Backend

        ### Task 1.1: Auth API
        - Estimate: 3 hours
        - Worker kind: api-dev

        ### Task 1.2: Push notifications
        Depends on: Task 1.1, Firebase account approval

        ## Milestone 2: App
        Dependencies: Milestone 1

        ### Task 2.1: Login screen
        ### Task 2.2: Settings screen
        Starts after: Login screen

        ## Go-live checklist
        - [ ] App store listing
        """);
    assertThat(result.errors()).isEmpty();
    Plan plan = result.plan();
    assertThat(plan.tasks()).extracting(Task::id)
        .containsExactly("auth-api", "push-notifications", "login-screen", "settings-screen");
    assertThat(task(plan, "auth-api").worker()).isEqualTo("api-dev");
    assertThat(task(plan, "auth-api").estimate()).isEqualTo(Duration.ofHours(3));
    assertThat(task(plan, "push-notifications").dependsOn()).containsExactly("auth-api");
    assertThat(task(plan, "login-screen").dependsOn()).containsExactly("push-notifications");
    assertThat(task(plan, "settings-screen").dependsOn()).containsExactly("login-screen");
    assertThat(plan.gates()).singleElement().satisfies(g -> {
      assertThat(g.id()).isEqualTo("go-live-checklist");
      assertThat(g.after()).containsExactly("settings-screen");
    });
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(10);
      assertThat(w.message()).contains("'Firebase account approval'");
    });
  }

  @Test
  void impliedDependenciesAreBoundedWithAWarning() {
    StringBuilder plan = new StringBuilder("## Phase 1: Wide\n");
    for (int i = 0; i < 10; i++) {
      plan.append("### CC").append(i).append(": Part ").append(i).append("\nWork.\n");
    }
    plan.append("## Phase 2: Next\n**Depends On:** Phase 1\n");
    for (int i = 0; i < 10; i++) {
      plan.append("### DD").append(i).append(": Next ").append(i).append("\nWork.\n");
    }
    PlanReader.Outcome out = new MarkdownPlanImporter(WorkerKeywords.defaults(), 50).read("wide.md", plan.toString());
    assertThat(out.plan().tasks().stream().mapToInt(t -> t.dependsOn().size()).sum()).isEqualTo(50);
    assertThat(out.plan().warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("The plan implies more than 50 dependencies"));
  }
}
