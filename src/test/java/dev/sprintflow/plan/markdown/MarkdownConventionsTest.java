package dev.sprintflow.plan.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.plan.Criterion;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.PlanFixtures;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.Task;
import dev.sprintflow.plan.WorkerKeywords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Markdown conventions real plans use, one at a time and mixed. */
class MarkdownConventionsTest {

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
  void numberedSectionsUnderAPhaseAreTasksAndReferencesByNumberResolve() {
    Plan plan = valid("""
        # Platform

        ## Phase 2: Contracts and Services

        ### 2.1 Event Contracts Package
        Define the events.

        ### 2.2 Schema Registry
        **Depends On:** None

        ### 2.3 Order Service
        **Dependencies:** 2.1 (Contracts), 2.2
        """);
    assertThat(plan.tasks()).extracting(Task::id)
        .containsExactly("event-contracts-package", "schema-registry", "order-service");
    assertThat(task(plan, "order-service").dependsOn()).containsExactly("event-contracts-package", "schema-registry");
    assertThat(task(plan, "schema-registry").dependsOn()).isEmpty();
    assertThat(task(plan, "event-contracts-package").inputs())
        .containsEntry("description", "Define the events.")
        .containsEntry("phase", "Phase 2: Contracts and Services");
  }

  @Test
  void phasesDependOnPhasesThroughTheirFirstAndLastTasks() {
    Plan plan = valid("""
        ## Phase 1: Foundation
        **Duration:** 1 session (~2 hours)

        ## Phase 2: Build (parallel)
        **Dependencies:** Phase 1 complete

        ### CC1: Ticket Store Refactor
        Refactor the store.

        ### CC2: Knowledge Base Store
        **Starts After:** Ticket Store Refactor

        ### CC3: Settings Store
        Connect settings.

        ## Phase 3: Release
        **Dependencies:** Phases 2 + 1
        """);
    assertThat(task(plan, "foundation").estimate()).isEqualTo(Duration.ofHours(2));
    assertThat(task(plan, "ticket-store-refactor").dependsOn()).containsExactly("foundation");
    assertThat(task(plan, "settings-store").dependsOn()).containsExactly("foundation");
    assertThat(task(plan, "knowledge-base-store").dependsOn()).containsExactly("ticket-store-refactor");
    assertThat(task(plan, "release").dependsOn()).containsExactly("foundation", "knowledge-base-store", "settings-store");
  }

  @Test
  void checklistItemsAreTheCriteriaOfTheirSectionNotTasks() {
    Plan plan = valid("""
        ### Worker 1: Roles Test (1 day)
        **Task:** Verify roles
        **Acceptance Criteria:**
        - [ ] Owner can edit
        - [x] Member is read-only
        **Handoff:** RBAC verified
        """);
    assertThat(plan.tasks()).singleElement().satisfies(t -> {
      assertThat(t.acceptance()).containsExactly(new Criterion("Owner can edit", false),
          new Criterion("Member is read-only", true));
      assertThat(t.inputs()).containsEntry("handoff", "RBAC verified").containsEntry("description", "Verify roles");
      assertThat(t.estimate()).isEqualTo(Duration.ofDays(1));
      assertThat(t.worker()).isEqualTo("rbac-check");
    });
  }

  @Test
  void dependenciesAsListItemsPlainLabelsAndTitles() {
    Plan plan = valid("""
        ## Tasks

        ### API Gateway
        Build it.

        ### Auth Service
        - Depends On: API Gateway

        ### Billing
        **Dependencies:**
        - Auth Service
        - API gateway

        ### Reporting
        **Blocking:** Billing
        """);
    assertThat(task(plan, "auth-service").dependsOn()).containsExactly("api-gateway");
    assertThat(task(plan, "billing").dependsOn()).containsExactly("api-gateway", "auth-service", "reporting");
    assertThat(task(plan, "reporting").dependsOn()).isEmpty();
  }

  @Test
  void proseDependenciesBecomeWarningsAtTheirLine() {
    PlanLoadResult result = PlanFixtures.loadText("plan.md", """
        ### W1: Build
        Build.

        ### W2: Ship
        **Depends On:** W1 + vendor contract signed
        """);
    assertThat(result.valid()).isTrue();
    assertThat(result.plan().tasks().get(1).dependsOn()).containsExactly("build");
    assertThat(result.warnings()).extracting(PlanWarning::line, PlanWarning::column).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5, 17));
    assertThat(result.warnings().get(0).message())
        .isEqualTo("'Ship' depends on 'vendor contract signed', which names no work item in this plan; it is ignored.");
  }

  @Test
  void blockingEverythingElseAndAClosingTask() {
    Plan plan = valid("""
        ### Worker 1: Core
        **Blocking:** Everything else
        ### Worker 2: Feature A
        Work.
        ### Worker 3: Feature B
        Work.
        ### Final Review
        **Task:** Look at it all
        """);
    assertThat(task(plan, "feature-a").dependsOn()).containsExactly("core");
    assertThat(task(plan, "feature-b").dependsOn()).containsExactly("core");
    assertThat(task(plan, "final-review").dependsOn()).containsExactly("feature-a", "feature-b");
  }

  @Test
  void successCriteriaSectionsAreGatesAfterTheEndOrAfterWhatTheySay() {
    Plan plan = valid("""
        ### CC1: Build
        Build.
        ### CC2: Docs
        Docs.

        ## Success Criteria
        - [ ] Everything works
        - Docs published

        ## Acceptance
        **After:** CC1
        - [ ] Build is green
        """);
    assertThat(plan.gates()).hasSize(2);
    assertThat(plan.gates().get(0).id()).isEqualTo("success-criteria");
    assertThat(plan.gates().get(0).after()).containsExactly("build", "docs");
    assertThat(plan.gates().get(0).criteria()).extracting(Criterion::text).containsExactly("Everything works", "Docs published");
    assertThat(plan.gates().get(1).after()).containsExactly("build");
  }

  @Test
  void subHeadingsOfATaskAreItsFields() {
    Plan plan = valid("""
        ## Phase 1: Database Foundation (InfraBuilder)
        **Skill:** InfraBuilder

        ### Tasks
        1. **Apply migrations**
           - Run 6 SQL files
        2. Seed users

        ### Critical Files
        - `lib/supabase.ts`
        """);
    assertThat(plan.tasks()).singleElement().satisfies(t -> {
      assertThat(t.title()).isEqualTo("Database Foundation");
      assertThat(t.inputs()).containsEntry("steps", List.of("Apply migrations: Run 6 SQL files", "Seed users"))
          .containsEntry("files", List.of("`lib/supabase.ts`"))
          .containsEntry("skill", "InfraBuilder");
    });
  }

  @Test
  void doubleEncodedUtf8DoesNotBreakAnything() {
    Plan plan = valid("""
        # Plan ğŸ”µ PLANNING

        ### âœ… Phase 1: Ship it â†’ now
        **Task:** Fix the âš ï¸ warning
        - [ ] Works â€” really
        """);
    assertThat(plan.tasks()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("ship-it-a-now");
      assertThat(t.title()).isEqualTo("Ship it â†’ now");
      assertThat(t.acceptance()).extracting(Criterion::text).containsExactly("Works â€” really");
    });
  }

  @Test
  void unreadableEstimatesAreWarnings() {
    PlanLoadResult result = PlanFixtures.loadText("plan.md", "### W1: Build\n**Duration:** one sprint\n");
    assertThat(result.valid()).isTrue();
    assertThat(result.plan().tasks().get(0).estimate()).isNull();
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(2);
      assertThat(w.message()).contains("'one sprint', which is not a duration");
    });
  }

  @Test
  void sameTitlesGetDistinctIdsWithAWarning() {
    PlanLoadResult result = PlanFixtures.loadText("plan.md", "### W1: Tests\nA.\n### W2: Tests\nB.\n");
    assertThat(result.plan().tasks()).extracting(Task::id).containsExactly("tests", "tests-2");
    assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(3));
  }

  @Test
  void strayChecklistsAreWarnings() {
    PlanLoadResult result = PlanFixtures.loadText("plan.md", "## Notes\n- [ ] remember milk\n\n### W1: Build\nBuild.\n");
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(2);
      assertThat(w.message()).contains("belong to no task");
    });
  }

  @Test
  void workerKeywordTableIsConfigurable() {
    WorkerKeywords custom = WorkerKeywords.defaults()
        .overriddenBy(Map.of("infra-build", List.of("database", "schema")), "external");
    PlanLoader loader = new PlanLoader(custom, PlanLoader.DEFAULT_MAX_INPUT_BYTES);
    Plan plan = loader.load("plan.md", "### W1: Database Schema\nA.\n### W2: Landing Page\nB.\n").plan();
    assertThat(plan.tasks()).extracting(Task::worker).containsExactly("infra-build", "external");
  }

}
