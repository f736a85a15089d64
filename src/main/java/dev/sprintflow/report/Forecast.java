package dev.sprintflow.report;

import dev.sprintflow.progress.TaskProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a running sprint will end if the rest goes by plan: finished tasks ended when they did, an
 * active task takes at least its estimate from its real start, a pending task starts when its last
 * dependency is forecast to finish (not before now) and takes its estimate.
 */
final class Forecast {

  private Forecast() {}

  static Instant finish(Instant sprintStart, Instant now, List<String> order, Map<String, List<String>> dependsOn,
      Map<String, TaskProgress> tasks) {
    Map<String, Instant> finish = new HashMap<>();
    Instant latest = sprintStart;
    for (String id : CriticalPath.topologicalOrder(order, dependsOn)) {
      TaskProgress t = tasks.get(id);
      Duration estimate = SprintOverviewService.estimate(t);
      Instant end;
      if (t.finishedAt() != null) {
        end = t.finishedAt();
      } else if (t.startedAt() != null) {
        end = latest(t.startedAt().plus(estimate), now);
      } else {
        Instant start = now;
        for (String dep : dependsOn.getOrDefault(id, List.of())) {
          if (finish.containsKey(dep)) {
            start = latest(start, finish.get(dep));
          }
        }
        end = start.plus(estimate);
      }
      finish.put(id, end);
      latest = latest(latest, end);
    }
    return latest;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
