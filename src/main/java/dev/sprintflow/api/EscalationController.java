package dev.sprintflow.api;

import dev.sprintflow.lifecycle.Escalation;
import dev.sprintflow.lifecycle.EscalationRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Escalations raised when a task's work outlasted its estimate (kept in memory for now). */
@RestController
@RequestMapping(path = "/api/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
public class EscalationController {

  private final EscalationRepository escalations;

  public EscalationController(EscalationRepository escalations) {
    this.escalations = escalations;
  }

  @Operation(summary = "Escalations, oldest first")
  @GetMapping
  public List<Escalation> list(
      @Parameter(description = "only escalations of this sprint") @RequestParam(required = false) String sprintId) {
    return escalations.find(sprintId == null || sprintId.isBlank() ? null : sprintId.strip());
  }
}
