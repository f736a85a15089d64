package dev.sprintflow.api;

import dev.sprintflow.report.MorningReport;
import dev.sprintflow.report.ReportHtml;
import dev.sprintflow.report.SprintOverview;
import dev.sprintflow.report.SprintOverviewService;
import dev.sprintflow.report.TimelineChart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The morning report (Markdown or HTML) and the timeline chart (SVG) of a sprint. */
@RestController
public class SprintReportController {

  static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
  static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
  static final Duration DEFAULT_SINCE = Duration.ofHours(24);

  private final SprintOverviewService overviews;
  private final Clock clock;

  public SprintReportController(SprintOverviewService overviews, Clock clock) {
    this.overviews = overviews;
    this.clock = clock;
  }

  @Operation(summary = "The morning report: done since a time, in progress, awaiting review, in triage, deferred,"
      + " gates, estimate vs actual, critical path. text/markdown (default) or text/html by Accept")
  @GetMapping(path = "/api/sprints/{sprintId}/report")
  public ResponseEntity<String> report(
      @PathVariable String sprintId,
      @Parameter(description = "ISO-8601 instant (2026-01-12T08:00:00Z) or duration back from now (PT24H, P2D);"
          + " default PT24H") @RequestParam(name = "since", required = false) String since,
      @RequestHeader(name = "Accept", required = false) String accept) {
    MediaType type = negotiate(accept);
    Instant from = since(since);
    SprintOverview overview = overviews.overview(sprintId).orElseThrow(() -> SprintProgressController.unknown(sprintId));
    String markdown = MorningReport.markdown(overview, from);
    String body = type == HTML
        ? ReportHtml.page("Morning report: " + (overview.planName() != null ? overview.planName() : sprintId), markdown)
        : markdown;
    return ResponseEntity.ok().contentType(type).header("Vary", "Accept").body(body);
  }

  @Operation(summary = "Gantt-style chart of planned against actual time per task, critical path highlighted (SVG)")
  @GetMapping(path = "/api/sprints/{sprintId}/timeline.svg", produces = "image/svg+xml")
  public ResponseEntity<String> timeline(@PathVariable String sprintId) {
    SprintOverview overview = overviews.overview(sprintId).orElseThrow(() -> SprintProgressController.unknown(sprintId));
    return ResponseEntity.ok().contentType(SVG).body(TimelineChart.svg(overview));
  }

  /** Markdown unless HTML is preferred; 406 when the client accepts neither (nor any text). */
  static MediaType negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return MARKDOWN;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw new InvalidRequestException("Accept", "The Accept header is not a list of media types: " + e.getMessage());
    }
    List<MediaType> byQuality = accepted.stream().filter(m -> m.getQualityValue() > 0)
        .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()
            .thenComparing(m -> m.isWildcardType() ? 2 : m.isWildcardSubtype() ? 1 : 0)).toList();
    for (MediaType m : byQuality) {
      if (m.includes(MARKDOWN)) {
        return MARKDOWN;
      }
      if (m.includes(HTML)) {
        return HTML;
      }
    }
    throw new NotAcceptableException(accept, List.of("text/markdown", "text/html"));
  }

  Instant since(String since) {
    Instant now = clock.instant();
    if (since == null || since.isBlank()) {
      return now.minus(DEFAULT_SINCE);
    }
    String s = since.strip();
    try {
      if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
        Duration back = Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
        if (back.isNegative()) {
          throw new InvalidRequestException("since", "since must not be a negative duration, but is '" + s + "'");
        }
        return now.minus(back);
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidRequestException("since", "since must be an ISO-8601 instant (2026-01-12T08:00:00Z) or a"
          + " duration back from now (PT24H, P2D), but is '" + s + "'");
    }
  }
}
