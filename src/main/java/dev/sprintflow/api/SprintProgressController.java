package dev.sprintflow.api;

import dev.sprintflow.report.SprintOverview;
import dev.sprintflow.report.SprintOverviewService;
import dev.sprintflow.report.SprintSummary;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where the sprints stand: the progress read model (docs/progress.md). */
@RestController
public class SprintProgressController {

  private final SprintOverviewService overviews;

  public SprintProgressController(SprintOverviewService overviews) {
    this.overviews = overviews;
  }

  @Operation(summary = "Every sprint known to the service, newest first, with its tasks counted per state")
  @GetMapping(path = "/api/sprints", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<SprintSummary> list() {
    return overviews.list();
  }

  @Operation(summary = "A sprint's tasks and gates with states, timing, what each waiting one waits for,"
      + " and the critical path by estimates and by actuals")
  @GetMapping(path = "/api/sprints/{sprintId}", produces = MediaType.APPLICATION_JSON_VALUE)
  public SprintOverview sprint(@PathVariable String sprintId) {
    return overviews.overview(sprintId).orElseThrow(() -> unknown(sprintId));
  }

  static NotFoundException unknown(String sprintId) {
    return new NotFoundException("sprint", "sprintId", "No sprint '" + sprintId + "' is known to this service");
  }
}
