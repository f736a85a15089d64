package dev.sprintflow.api;

import dev.sprintflow.plan.PlanFormat;
import dev.sprintflow.sprint.SprintLauncher;
import dev.sprintflow.sprint.SprintLauncher.LaunchedSprint;
import dev.sprintflow.sprint.SprintRecord;
import dev.sprintflow.sprint.SprintRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starts sprints from plans and hands back compiled diagrams. */
@RestController
public class SprintController {

  static final String SUPPORTED = "text/markdown, application/yaml, application/json";

  private final SprintLauncher launcher;
  private final SprintRegistry registry;
  private final long maxPlanBytes;

  public SprintController(SprintLauncher launcher, SprintRegistry registry,
      @Value("${sprintflow.api.max-plan-size:1MB}") DataSize maxPlanSize) {
    this.launcher = launcher;
    this.registry = registry;
    this.maxPlanBytes = maxPlanSize.toBytes();
  }

  @Operation(summary = "Validate, compile, deploy and start a sprint from a plan "
      + "(body: the plan as text/markdown, application/yaml or application/json)")
  @PostMapping(path = "/api/sprints", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<LaunchedSprint> start(
      HttpServletRequest request,
      @RequestHeader(name = "Content-Type", required = false) String contentType,
      @Parameter(description = "File name used in error locations") @RequestParam(name = "file", required = false) String file) {
    PlanFormat format = format(contentType);
    byte[] body = body(request);
    return ResponseEntity.status(HttpStatus.CREATED).body(launcher.launch(fileName(file, format), body, format));
  }

  @Operation(summary = "Compile a plan to BPMN XML without deploying it")
  @PostMapping(path = "/api/plans/compile", produces = MediaType.APPLICATION_XML_VALUE)
  public String compile(
      HttpServletRequest request,
      @RequestHeader(name = "Content-Type", required = false) String contentType,
      @RequestParam(name = "file", required = false) String file) {
    PlanFormat format = format(contentType);
    return launcher.compile(fileName(file, format), body(request), format).compiled().bpmnXml();
  }

  @Operation(summary = "The BPMN XML a sprint was started with")
  @GetMapping(path = "/api/sprints/{sprintId}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  public String bpmn(@PathVariable String sprintId) {
    return registry.find(sprintId).map(SprintRecord::bpmnXml)
        .orElseThrow(() -> new NotFoundException("sprint", "No sprint '" + sprintId + "' was started by this service"));
  }

  private static PlanFormat format(String contentType) {
    return PlanFormat.fromMediaType(contentType).orElseThrow(() -> new UnsupportedPlanTypeException(
        "Content-Type " + (contentType == null ? "is missing" : "'" + contentType + "' is not a plan format")
            + "; send one of " + SUPPORTED));
  }

  private static String fileName(String file, PlanFormat format) {
    if (file != null && !file.isBlank() && file.length() <= 200) {
      return file.strip();
    }
    return switch (format) {
      case MARKDOWN -> "plan.md";
      case YAML -> "plan.yaml";
      case JSON -> "plan.json";
    };
  }

  /** Reads at most the configured limit, so an oversized upload is refused without buffering it. */
  private byte[] body(HttpServletRequest request) {
    long declared = request.getContentLengthLong();
    if (declared > maxPlanBytes) {
      throw new PayloadTooLargeException(declared, maxPlanBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPlanBytes + 1));
      if (bytes.length > maxPlanBytes) {
        throw new PayloadTooLargeException(-1, maxPlanBytes);
      }
      if (bytes.length == 0) {
        throw new InvalidRequestException("body", "The request body is empty; send the plan");
      }
      return bytes;
    } catch (IOException e) {
      throw new InvalidRequestException("body", "The request body could not be read: " + e.getMessage());
    }
  }
}
