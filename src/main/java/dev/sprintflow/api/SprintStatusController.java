package dev.sprintflow.api;

import dev.sprintflow.sprint.SprintStatus;
import dev.sprintflow.sprint.SprintStatusService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A sprint's progress as Operate sees it (needs sprintflow.webapps.operate-url). */
@RestController
public class SprintStatusController {

  private final SprintStatusService statuses;

  public SprintStatusController(SprintStatusService statuses) {
    this.statuses = statuses;
  }

  @Operation(
      summary = "The sprint instance and its tasks and gates, from Operate",
      responses = {
        @ApiResponse(responseCode = "200", description = "Found in Operate"),
        @ApiResponse(responseCode = "404", description = "Operate has no such sprint (yet)",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "501", description = "The service has no Operate address",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "502", description = "Operate refused or failed the request",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "503", description = "Operate cannot be reached",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping(path = "/api/sprints/{sprintId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
  public SprintStatus status(@PathVariable String sprintId) {
    return statuses.status(sprintId.strip()).orElseThrow(() -> new NotFoundException("sprint",
        "Operate has no sprint '" + sprintId.strip() + "' (yet: a new sprint shows up there a few seconds after it starts)"));
  }
}
