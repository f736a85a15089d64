package dev.sprintflow.api;

import dev.sprintflow.review.DecisionRecorded;
import dev.sprintflow.review.ReviewBackend;
import dev.sprintflow.review.ReviewTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review inbox: open review, triage and manual-work tasks of the sprint lifecycle, on every runtime. */
@RestController
@RequestMapping(path = "/api/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReviewController {

  private final ReviewBackend inbox;

  public ReviewController(ReviewBackend inbox) {
    this.inbox = inbox;
  }

  /** Body of a decision: one of the form's options and an optional comment. */
  public record DecisionBody(String decision, String comment) {}

  @Operation(summary = "Open review, triage and manual-work tasks with their form data, oldest first")
  @GetMapping
  public List<ReviewTask> open(
      @Parameter(description = "only tasks of this sprint") @RequestParam(required = false) String sprintId,
      @Parameter(description = "only tasks offered to this Tasklist candidate group") @RequestParam(required = false)
          String candidateGroup) {
    return inbox.list(blankToNull(sprintId), blankToNull(candidateGroup));
  }

  @Operation(
      summary = "Decide an open task (completes it as Tasklist would)",
      responses = {
        @ApiResponse(responseCode = "200", description = "Decided; the process moves on"),
        @ApiResponse(responseCode = "400", description = "Decision missing or not a form option, comment too long, malformed id or body",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "404", description = "No open task with this id",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "409", description = "Decided before, or no longer open",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "503", description = "The engine is unreachable; the task stays open",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
  public DecisionRecorded decide(
      @Parameter(description = "task id from GET /api/reviews") @PathVariable String id,
      @RequestBody(required = false) DecisionBody body) {
    long key = parseId(id);
    if (body == null) {
      throw new InvalidRequestException("body", "The request body must be a JSON object like {\"decision\": \"approve\", \"comment\": \"...\"}");
    }
    return inbox.decide(key, body.decision(), body.comment());
  }

  private static long parseId(String id) {
    try {
      long key = Long.parseLong(id.strip());
      if (key > 0) {
        return key;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidRequestException("id", "'%s' is not a task id (a positive number from GET /api/reviews)".formatted(id));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
