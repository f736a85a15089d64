package dev.sprintflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.process.ProcessStarter;
import dev.sprintflow.process.ProcessStarter.StartedInstance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starts instances of any deployed process. */
@RestController
@RequestMapping("/api/processes")
public class ProcessInstanceController {

  /** Zeebe process ids are XML NCNames; checking here gives a clearer error than the engine's. */
  private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,255}");

  private final ProcessStarter starter;
  private final ObjectMapper json;

  public ProcessInstanceController(ProcessStarter starter, ObjectMapper json) {
    this.starter = starter;
    this.json = json;
  }

  @Operation(
      summary = "Start an instance of the latest version of a deployed process",
      responses = {
        @ApiResponse(responseCode = "201", description = "Started"),
        @ApiResponse(responseCode = "400", description = "Body is not a JSON object, or the id is malformed",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "404", description = "No such process is deployed",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(responseCode = "503", description = "The engine is unreachable; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(
      path = "/{bpmnProcessId}/instances",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public StartedInstance start(
      @Parameter(description = "BPMN process id, e.g. sprintflow-ping") @PathVariable String bpmnProcessId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "Process variables as one JSON object",
              content = @Content(schema = @Schema(type = "object", example = "{\"message\": \"hello\"}")))
          @RequestBody JsonNode variables) {
    if (!PROCESS_ID.matcher(bpmnProcessId).matches()) {
      throw new InvalidRequestException(
          "bpmnProcessId",
          "'%s' is not a valid BPMN process id (a letter or '_' followed by letters, digits, '_', '-' or '.')"
              .formatted(bpmnProcessId));
    }
    if (variables == null || !variables.isObject()) {
      throw new InvalidRequestException(
          "body",
          "The request body must be a JSON object of process variables, but is "
              + (variables == null || variables.isMissingNode() ? "empty" : "a JSON " + variables.getNodeType().name().toLowerCase()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = json.convertValue(variables, Map.class);
    return starter.start(bpmnProcessId, vars);
  }
}
