package dev.sprintflow.lifecycle;

import static dev.sprintflow.lifecycle.LifecycleVariables.ACCEPTANCE;
import static dev.sprintflow.lifecycle.LifecycleVariables.ERROR_CODE;
import static dev.sprintflow.lifecycle.LifecycleVariables.ERROR_MESSAGE;
import static dev.sprintflow.lifecycle.LifecycleVariables.FORCE_RUN;
import static dev.sprintflow.lifecycle.LifecycleVariables.INPUTS;
import static dev.sprintflow.lifecycle.LifecycleVariables.OUTCOME_DEFERRED;
import static dev.sprintflow.lifecycle.LifecycleVariables.OUTCOME_DONE;
import static dev.sprintflow.lifecycle.LifecycleVariables.OUTCOME_SKIPPED;
import static dev.sprintflow.lifecycle.LifecycleVariables.RESULT;
import static dev.sprintflow.lifecycle.LifecycleVariables.REVIEW;
import static dev.sprintflow.lifecycle.LifecycleVariables.REVIEW_COMMENT;
import static dev.sprintflow.lifecycle.LifecycleVariables.REVIEW_DECISION;
import static dev.sprintflow.lifecycle.LifecycleVariables.REVIEW_POLICY;
import static dev.sprintflow.lifecycle.LifecycleVariables.REWORK_COUNT;
import static dev.sprintflow.lifecycle.LifecycleVariables.SCORE;
import static dev.sprintflow.lifecycle.LifecycleVariables.SPRINT_ID;
import static dev.sprintflow.lifecycle.LifecycleVariables.TASK_OUTCOME;
import static dev.sprintflow.lifecycle.LifecycleVariables.TASK_TITLE;
import static dev.sprintflow.lifecycle.LifecycleVariables.TIER;
import static dev.sprintflow.lifecycle.LifecycleVariables.TRIAGE_DECISION;
import static dev.sprintflow.lifecycle.LifecycleVariables.WORKER_KIND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.review.ReviewTask;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sprint-task lifecycle end to end on the embedded engine, asserted on the engine's records. */
class SprintTaskLifecycleTest extends LifecycleTestBase {

  @Test
  void approvedWorkEndsDoneWithTheWorkersResult() {
    Map<String, Object> vars = LifecycleDriver.contract();
    long instance = driver.start(vars);

    ActivatedJob work = driver.awaitJob(kind(vars));
    assertThat(work.getVariablesAsMap())
        .containsEntry(INPUTS, vars.get(INPUTS))
        .containsEntry(ACCEPTANCE, vars.get(ACCEPTANCE))
        .containsEntry(TASK_TITLE, vars.get(TASK_TITLE));
    String result = "Ported 12 endpoints and 5 migrations";
    driver.complete(work, Map.of(RESULT, result));
    ReviewTask review = driver.awaitTask(sprint(vars), "review");
    assertThat(review.form().data()).containsEntry(RESULT, result).containsEntry(ACCEPTANCE, vars.get(ACCEPTANCE));
    driver.decide(review, "approve", "Looks right");
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance)).containsSubsequence(
        "task-started", "decide-tier", "decide-review", "run-worker", "review-work", "work-approved", "work", "task-done");
    Map<String, Object> out = driver.processVariables(instance);
    assertThat(out)
        .containsEntry(TASK_OUTCOME, OUTCOME_DONE)
        .containsEntry(RESULT, result)
        .containsEntry(REWORK_COUNT, 0)
        .containsEntry(REVIEW_DECISION, "approve")
        .containsEntry(TIER, tierOf(vars.get(SCORE)));
    assertThat(driver.incidents(instance)).isEmpty();
  }

  @Test
  void reworkSendsTheReviewersCommentBackToTheWorkerThenApproval() {
    Map<String, Object> vars = LifecycleDriver.contract();
    long instance = driver.start(vars);

    ActivatedJob first = driver.awaitJob(kind(vars));
    assertThat(first.getVariablesAsMap().get(REVIEW_COMMENT)).isNull();
    driver.complete(first, Map.of(RESULT, "first attempt"));
    String comment = "Filter every cartridge query by agency_id, not user_id";
    driver.decide(driver.awaitTask(sprint(vars), "review"), "rework", comment);

    ActivatedJob second = driver.awaitJob(kind(vars));
    assertThat(second.getVariablesAsMap())
        .containsEntry(REVIEW_COMMENT, comment)
        .containsEntry(REWORK_COUNT, 1)
        .containsEntry(RESULT, "first attempt");
    driver.complete(second, Map.of(RESULT, "second attempt"));
    driver.decide(driver.awaitTask(sprint(vars), "review"), "approve", null);
    driver.awaitInstanceCompleted(instance);

    List<String> completed = records.completedElements(instance);
    assertThat(completed.stream().filter("run-worker"::equals)).hasSize(2);
    assertThat(completed.stream().filter("review-work"::equals)).hasSize(2);
    assertThat(completed.stream().filter("rework-requested"::equals)).hasSize(1);
    assertThat(driver.processVariables(instance))
        .containsEntry(TASK_OUTCOME, OUTCOME_DONE)
        .containsEntry(RESULT, "second attempt")
        .containsEntry(REWORK_COUNT, 1);
  }

  @Test
  void reworkBeyondThePolicysLimitGivesTheLeadATriageTask() {
    Map<String, Object> vars = LifecycleDriver.contract();
    long instance = driver.start(vars);
    driver.awaitCompleted(instance, "decide-review", 1);
    int maxReworks = ((Number) policy(instance).get("maxReworks")).intValue();

    for (int round = 0; round <= maxReworks; round++) {
      driver.complete(driver.awaitJob(kind(vars)), Map.of(RESULT, "attempt " + round));
      driver.decide(driver.awaitTask(sprint(vars), "review"), "rework", "still wrong, round " + round);
    }
    ReviewTask triage = driver.awaitTask(sprint(vars), "triage");

    assertThat(triage.form().data()).containsEntry(ERROR_CODE, LifecycleErrors.REWORK_LIMIT_REACHED);
    assertThat((String) triage.form().data().get(ERROR_MESSAGE)).contains(Integer.toString(maxReworks));
    List<String> completed = records.completedElements(instance);
    assertThat(completed.stream().filter("rework-requested"::equals)).hasSize(maxReworks);
    assertThat(completed.stream().filter("review-work"::equals)).hasSize(maxReworks + 1);
    assertThat(completed).containsSubsequence("rework-limit", "work-failed");
    assertThat(driver.activatedElements(instance)).contains("rework-limit-end");
    assertThat(driver.processVariables(instance)).containsEntry(REWORK_COUNT, maxReworks);

    driver.decide(triage, "skip", "Descoped for this sprint");
    driver.awaitInstanceCompleted(instance);
    assertThat(driver.processVariables(instance))
        .containsEntry(TASK_OUTCOME, OUTCOME_SKIPPED)
        .containsEntry(TRIAGE_DECISION, "skip");
    assertThat(driver.incidents(instance)).isEmpty();
  }

  @Test
  void aWorkersBpmnErrorGoesToTriageAndARetrySucceeds() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(WORKER_KIND, FlakyRbacWorker.TYPE); // the real @JobWorker: fails once, then succeeds
    vars.put(REVIEW, "none");
    long instance = driver.start(vars);

    ReviewTask triage = driver.awaitTask(sprint(vars), "triage");
    assertThat(triage.name()).isEqualTo("Triage: " + vars.get(TASK_TITLE));
    assertThat(triage.candidateGroups()).containsExactly("sprint-leads");
    assertThat(triage.form().data())
        .containsEntry(ERROR_CODE, LifecycleErrors.RBAC_VIOLATION)
        .containsEntry(ERROR_MESSAGE, FlakyRbacWorker.MESSAGE);
    assertThat(records.completedElements(instance)).contains("work-failed").doesNotContain("run-worker", "work");

    driver.decide(triage, "retry", "Fixed the policy, try again");
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance))
        .containsSubsequence("work-failed", "triage", "triage-decision", "join-work", "run-worker", "work", "task-done");
    assertThat(driver.activatedElements(instance).stream().filter("run-worker"::equals)).hasSize(2);
    assertThat(driver.processVariables(instance))
        .containsEntry(TASK_OUTCOME, OUTCOME_DONE)
        .containsEntry(TRIAGE_DECISION, "retry")
        .containsEntry(RESULT, "RBAC verified on attempt 2")
        .containsEntry(ERROR_CODE, null); // cleared when the work starts again
    assertThat(driver.incidents(instance)).isEmpty();
  }

  @Test
  void skipEndsTheTaskAsSkippedWithoutDoingTheWork() {
    Map<String, Object> vars = LifecycleDriver.contract();
    long instance = driver.start(vars);

    ActivatedJob work = driver.awaitJob(kind(vars));
    // a worker that does not follow workers/README.md: code only, no variables
    client.newThrowErrorCommand(work).errorCode(LifecycleErrors.OAUTH_REAUTH_REQUIRED).errorMessage("token revoked").send().join();
    ReviewTask triage = driver.awaitTask(sprint(vars), "triage");
    assertThat(triage.form().data()).containsEntry(ERROR_CODE, LifecycleErrors.UNKNOWN_CODE);
    driver.decide(triage, "skip", null);
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance)).contains("task-skipped").doesNotContain("run-worker", "task-done");
    assertThat(driver.processVariables(instance)).containsEntry(TASK_OUTCOME, OUTCOME_SKIPPED);
    assertThat(driver.incidents(instance)).isEmpty();
  }

  @Test
  void aLaterTaskIsDeferredWithoutRunningAnything() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(SCORE, LifecycleDriver.score(3, 4, 5, 2));
    assertThat(tierOf(vars.get(SCORE))).as("precondition: the tier table says LATER").isEqualTo("LATER");
    long instance = driver.start(vars);
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance)).containsSubsequence("decide-tier", "defer-gateway", "task-deferred");
    assertThat(driver.activatedElements(instance)).doesNotContain("decide-review", "work", "run-worker");
    assertThat(driver.processVariables(instance))
        .containsEntry(TASK_OUTCOME, OUTCOME_DEFERRED)
        .containsEntry(TIER, "LATER");
  }

  @Test
  void aForcedLaterTaskRuns() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(SCORE, LifecycleDriver.score(3, 4, 5, 2));
    vars.put(FORCE_RUN, true);
    vars.put(REVIEW, "none");
    long instance = driver.start(vars);
    driver.complete(driver.awaitJob(kind(vars)), Map.of(RESULT, "done anyway"));
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance)).containsSubsequence("decide-tier", "run-worker", "task-done")
        .doesNotContain("task-deferred");
    assertThat(driver.processVariables(instance)).containsEntry(TIER, "LATER").containsEntry(TASK_OUTCOME, OUTCOME_DONE);
  }

  @Test
  void aTaskWithoutAScoreGetsTheDocumentedDefaultTierAndRuns() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(SCORE, null);
    vars.put(REVIEW, "none");
    long instance = driver.start(vars);
    driver.complete(driver.awaitJob(kind(vars)), Map.of(RESULT, "ok"));
    driver.awaitInstanceCompleted(instance);

    Map<String, Object> out = driver.processVariables(instance);
    assertThat(out).containsEntry(TIER, tierOf(null)).containsEntry(TASK_OUTCOME, OUTCOME_DONE);
    @SuppressWarnings("unchecked")
    Map<String, Object> priority = (Map<String, Object>) out.get("priority");
    assertThat(priority).containsEntry("total", null);
    assertThat(driver.incidents(instance)).isEmpty();
  }

  @Test
  void reviewNoneAcceptsTheWorkWithoutAReviewTask() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(REVIEW, "none");
    long instance = driver.start(vars);
    driver.complete(driver.awaitJob(kind(vars)), Map.of(RESULT, "ok"));
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance)).containsSubsequence("run-worker", "review-needed", "work-finished", "task-done");
    assertThat(driver.activatedElements(instance)).doesNotContain("review-work");
    assertThat(policy(instance)).containsEntry("reviewRequired", false);
  }

  @Test
  void manualWorkIsDoneByAPersonThroughTheInbox() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(WORKER_KIND, LifecycleVariables.MANUAL_WORKER_KIND);
    vars.put(REVIEW, "none");
    vars.put(INPUTS, Map.of("candidateGroups", List.of("qa-team")));
    long instance = driver.start(vars);

    ReviewTask work = driver.awaitTask(sprint(vars), "work");
    assertThat(work.candidateGroups()).containsExactly("qa-team");
    assertThat(work.form().decisions()).extracting(o -> o.value()).contains("done");
    String summary = "Deployed and verified in production; screenshots attached to the PR";
    driver.decide(work, "done", summary);
    driver.awaitInstanceCompleted(instance);

    assertThat(records.completedElements(instance)).containsSubsequence("do-manual-work", "manual-finished", "task-done")
        .doesNotContain("run-worker");
    assertThat(driver.processVariables(instance)).containsEntry(RESULT, summary).containsEntry(TASK_OUTCOME, OUTCOME_DONE);
  }

  @Test
  void manualWorkThatCannotBeDoneGoesToTriage() {
    Map<String, Object> vars = LifecycleDriver.contract();
    vars.put(WORKER_KIND, LifecycleVariables.MANUAL_WORKER_KIND);
    long instance = driver.start(vars);

    String why = "Production credentials are not available to the team";
    driver.decide(driver.awaitTask(sprint(vars), "work"), "failed", why);
    ReviewTask triage = driver.awaitTask(sprint(vars), "triage");

    assertThat(triage.form().data())
        .containsEntry(ERROR_CODE, LifecycleErrors.WORK_FAILED)
        .containsEntry(ERROR_MESSAGE, why);
    assertThat(records.completedElements(instance)).containsSubsequence("manual-failed", "work-failed");
    assertThat(driver.activatedElements(instance)).contains("manual-failed-end"); // an error end event throws, it never completes
    driver.decide(triage, "skip", null);
    driver.awaitInstanceCompleted(instance);
  }

  private String tierOf(Object score) {
    Map<String, Object> inputs = new HashMap<>();
    if (score instanceof Map<?, ?> s) {
      s.forEach((k, v) -> inputs.put((String) k, v));
    }
    return DecisionTables.evaluate(client, "priority-tier", inputs).get("tier").toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> policy(long instance) {
    return (Map<String, Object>) driver.processVariables(instance).get(REVIEW_POLICY);
  }

  private static String kind(Map<String, Object> vars) {
    return (String) vars.get(WORKER_KIND);
  }

  private static String sprint(Map<String, Object> vars) {
    return (String) vars.get(SPRINT_ID);
  }
}
