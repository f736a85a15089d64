package dev.sprintflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sprintflow.plan.Gate;
import dev.sprintflow.plan.Plan;
import dev.sprintflow.plan.Task;
import dev.sprintflow.progress.ProgressEvent.Facts;
import dev.sprintflow.progress.ProgressRecorder.Outcome;
import dev.sprintflow.sprint.SprintRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What recording must guarantee on any database the service supports: events applied in one
 * transaction, a repeated delivery recorded once, a late event never moving a task back, sprints
 * and tasks of unknown origin discovered, texts clipped to their columns. Run on H2 and PostgreSQL.
 */
abstract class ProgressRecorderContract {

  static final Instant T0 = Instant.parse("2026-01-12T08:00:00Z");
  static final Facts FACTS = new Facts("Port backend", "migration-port", Duration.ofDays(3), "IMMEDIATE",
      "backend-reviewers", null, null, null, null);

  abstract ProgressStore store();

  static ProgressEvent taskEvent(String sprint, String task, String element, ListenerEvent event, long key, Instant at,
      Facts facts) {
    return new ProgressEvent(key * 10 + event.rank(), 900, "sprint-task", element, key, event, at, sprint,
        ProgressEvent.Subject.TASK, task, facts);
  }

  static Facts decision(String decision, String comment) {
    return new Facts(null, null, null, "IMMEDIATE", "backend-reviewers", decision, comment, null, null);
  }

  void registerPlan(String sprintId) {
    Plan plan = new Plan("demo", "Demo sprint", null, List.of(
        new Task("port", "Port backend", "migration-port", null, null, Duration.ofDays(3), List.of(), null, null, null, null),
        new Task("sync", "Sync Gmail", "oauth-sync", null, null, Duration.ofDays(2), List.of("port"), null, null, null, null)),
        List.of(new Gate("tier-1", "Tier 1", List.of(), List.of("sync"), null)), List.of());
    store().registry.register(new SprintRecord(sprintId, "demo", "sprint-demo", 1, 11L, 0, "<xml/>", T0), plan);
    store().registry.instanceStarted(sprintId, 900);
  }

  @Test
  void aTaskGoesThroughWorkReviewReworkAndDone() {
    registerPlan("s-1");
    ProgressRecorder r = store().recorder;
    assertThat(r.record(taskEvent("s-1", "port", LifecycleElements.WORK, ListenerEvent.START, 10, T0, FACTS)))
        .isEqualTo(Outcome.RECORDED);
    r.record(taskEvent("s-1", "port", LifecycleElements.REVIEW, ListenerEvent.START, 12, T0.plusSeconds(3600), FACTS));
    r.record(taskEvent("s-1", "port", LifecycleElements.REVIEW, ListenerEvent.END, 12, T0.plusSeconds(7200),
        decision("rework", "Filter by agency")));
    TaskProgress reworking = task("s-1", "port");
    assertThat(reworking.state()).isEqualTo(TaskState.REWORK);
    assertThat(reworking.reworkCount()).isEqualTo(1);
    r.record(taskEvent("s-1", "port", LifecycleElements.REVIEW, ListenerEvent.START, 15, T0.plusSeconds(9000), FACTS));
    r.record(taskEvent("s-1", "port", LifecycleElements.REVIEW, ListenerEvent.END, 15, T0.plusSeconds(10800),
        decision("approve", null)));
    r.record(taskEvent("s-1", "port", LifecycleElements.DONE, ListenerEvent.START, 18, T0.plusSeconds(10800), FACTS));

    TaskProgress done = task("s-1", "port");
    assertThat(done.state()).isEqualTo(TaskState.DONE);
    assertThat(done.startedAt()).isEqualTo(T0);
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(10800));
    assertThat(done.reworkCount()).isEqualTo(1);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.reviewDecision()).isEqualTo("approve");
    assertThat(done.reviewers()).isEqualTo("backend-reviewers");
    assertThat(done.tier()).isEqualTo("IMMEDIATE");
    assertThat(done.estimate()).isEqualTo(Duration.ofDays(3)); // from the plan
    assertThat(task("s-1", "sync").state()).isEqualTo(TaskState.PENDING);
    assertThat(store().repository.events("s-1")).hasSize(6);
    assertThat(store().repository.stateCounts().get("s-1")).containsEntry(TaskState.DONE, 1).containsEntry(TaskState.PENDING, 1);
  }

  @Test
  void aRepeatedDeliveryIsRecordedOnceAndCountsOnce() {
    registerPlan("s-2");
    ProgressEvent work = taskEvent("s-2", "port", LifecycleElements.WORK, ListenerEvent.START, 10, T0, FACTS);
    ProgressEvent rework = taskEvent("s-2", "port", LifecycleElements.REVIEW, ListenerEvent.END, 12, T0.plusSeconds(60),
        decision("rework", "again"));
    assertThat(store().recorder.record(work)).isEqualTo(Outcome.RECORDED);
    assertThat(store().recorder.record(rework)).isEqualTo(Outcome.RECORDED);
    // The same jobs again (a retry after a lost completion, or a second worker after the timeout).
    assertThat(store().recorder.record(work)).isEqualTo(Outcome.DUPLICATE);
    assertThat(store().recorder.record(rework)).isEqualTo(Outcome.DUPLICATE);
    TaskProgress t = task("s-2", "port");
    assertThat(t.attempts()).isEqualTo(1);
    assertThat(t.reworkCount()).isEqualTo(1);
    assertThat(store().repository.events("s-2")).hasSize(2);
  }

  @Test
  void aLateEventNeverMovesATaskBack() {
    registerPlan("s-3");
    store().recorder.record(taskEvent("s-3", "port", LifecycleElements.DONE, ListenerEvent.START, 30, T0.plusSeconds(600), FACTS));
    store().recorder.record(taskEvent("s-3", "port", LifecycleElements.WORK, ListenerEvent.START, 10, T0, FACTS));
    store().recorder.record(taskEvent("s-3", "port", LifecycleElements.REVIEW, ListenerEvent.START, 25, T0, FACTS));
    TaskProgress t = task("s-3", "port");
    assertThat(t.state()).isEqualTo(TaskState.DONE);
    assertThat(t.attempts()).isZero();
    assertThat(t.lastEventKey()).isEqualTo(30);
    assertThat(store().repository.events("s-3")).hasSize(3); // recorded for the audit, not applied
  }

  @Test
  void eventsOfASprintThisServiceDidNotStartDiscoverItAndItsTasks() {
    store().recorder.record(taskEvent("elsewhere-1", "b", LifecycleElements.WORK, ListenerEvent.START, 10, T0,
        new Facts("Task B", "generic", Duration.ofHours(4), "SOON", null, null, null, null, null)));
    store().recorder.record(taskEvent("elsewhere-1", "a", LifecycleElements.DEFERRED, ListenerEvent.START, 11,
        T0.plusSeconds(5), new Facts("Task A", "generic", null, "LATER", null, null, null, null, null)));
    TrackedSprint s = store().repository.sprint("elsewhere-1").orElseThrow();
    assertThat(s.fromPlan()).isFalse();
    assertThat(s.planJson()).isNull();
    assertThat(s.state()).isEqualTo(SprintState.RUNNING);
    assertThat(s.startedAt()).isEqualTo(T0);
    List<TaskProgress> tasks = store().repository.tasks("elsewhere-1");
    assertThat(tasks).extracting(TaskProgress::taskId).containsExactly("b", "a");
    assertThat(tasks).extracting(TaskProgress::title).containsExactly("Task B", "Task A");
    assertThat(tasks.get(0).estimate()).isEqualTo(Duration.ofHours(4));
    assertThat(tasks.get(1).state()).isEqualTo(TaskState.DEFERRED);
    assertThat(store().registry.find("elsewhere-1")).isEmpty(); // no diagram: not started here
  }

  @Test
  void gatesAreOpenedAndDecidedAndTheSprintEndsOnce() {
    registerPlan("s-4");
    ProgressRecorder r = store().recorder;
    r.record(gateEvent("s-4", ListenerEvent.START, 50, T0, null, null));
    assertThat(store().repository.gates("s-4").get(0).state()).isEqualTo(GateState.OPEN);
    r.record(gateEvent("s-4", ListenerEvent.END, 50, T0.plusSeconds(60), "failed", "Lighthouse 71"));
    GateProgress g = store().repository.gates("s-4").get(0);
    assertThat(g.state()).isEqualTo(GateState.FAILED);
    assertThat(g.comment()).isEqualTo("Lighthouse 71");
    assertThat(g.decidedAt()).isEqualTo(T0.plusSeconds(60));
    r.record(sprintEnd("s-4", "aborted_task_port", 60, T0.plusSeconds(120)));
    r.record(sprintEnd("s-4", "sprint_completed", 70, T0.plusSeconds(180)));
    TrackedSprint s = store().repository.sprint("s-4").orElseThrow();
    assertThat(s.state()).isEqualTo(SprintState.ABORTED);
    assertThat(s.endedAt()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void longTextsAreClippedToTheirColumns() {
    registerPlan("s-5");
    String essay = "x".repeat(5000);
    store().recorder.record(taskEvent("s-5", "port", LifecycleElements.TRIAGE, ListenerEvent.START, 10, T0,
        new Facts(null, null, null, null, null, null, null, "WORK_FAILED", essay)));
    TaskProgress t = task("s-5", "port");
    assertThat(t.state()).isEqualTo(TaskState.IN_TRIAGE);
    assertThat(t.errorMessage()).hasSize(2000).endsWith("…");
  }

  @Test
  void theSameEventDeliveredTwiceAtOnceIsAppliedOnce() throws Exception {
    registerPlan("s-6");
    ProgressEvent work = taskEvent("s-6", "port", LifecycleElements.WORK, ListenerEvent.START, 10, T0, FACTS);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Outcome>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Outcome> call = () -> {
          go.await();
          return store().recorder.record(work);
        };
        results.add(pool.submit(call));
      }
      go.countDown();
      int recorded = 0;
      for (Future<Outcome> f : results) {
        try {
          recorded += f.get() == Outcome.RECORDED ? 1 : 0;
        } catch (java.util.concurrent.ExecutionException e) {
          // A database may refuse a concurrent insert of the same key: the job fails and is retried later.
        }
      }
      assertThat(recorded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(task("s-6", "port").attempts()).isEqualTo(1);
    assertThat(store().repository.events("s-6")).hasSize(1);
  }

  static ProgressEvent gateEvent(String sprint, ListenerEvent event, long key, Instant at, String decision, String comment) {
    return new ProgressEvent(key * 10 + event.rank(), 900, "sprint-demo", "gate_tier_1", key, event, at, sprint,
        ProgressEvent.Subject.GATE, "tier-1", new Facts("Tier 1", null, null, null, null, decision, comment, null, null));
  }

  static ProgressEvent sprintEnd(String sprint, String element, long key, Instant at) {
    return new ProgressEvent(key * 10 + 1, 900, "sprint-demo", element, key, ListenerEvent.START, at, sprint,
        ProgressEvent.Subject.SPRINT, null, Facts.NONE);
  }

  TaskProgress task(String sprint, String task) {
    return store().repository.tasks(sprint).stream().filter(t -> t.taskId().equals(task)).findFirst().orElseThrow();
  }
}
