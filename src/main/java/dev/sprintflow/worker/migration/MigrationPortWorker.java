package dev.sprintflow.worker.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves job type {@code migration-port} (element template workers/migration-port.json, contract
 * workers/migration-port.md): variables in, {@link MigrationPortService}, variables out.
 * Problems a human must fix become BPMN error {@code MIGRATION_INVALID}; an unreachable target
 * database fails the job with a backoff so the engine retries it (and raises an incident when the
 * retries run out).
 */
@Component
public class MigrationPortWorker {

  public static final String JOB_TYPE = "migration-port";
  public static final String ERROR_CODE = "MIGRATION_INVALID";

  private static final Logger LOG = LoggerFactory.getLogger(MigrationPortWorker.class);
  // Strict about types (a string where a number belongs is an error), lenient about extra variables.
  private static final ObjectMapper VARIABLES = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .build();

  private final MigrationPortService service;
  private final MigrationPortProperties properties;

  public MigrationPortWorker(MigrationPortService service, MigrationPortProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @JobWorker(type = JOB_TYPE, fetchVariables = {
      "sourceWorkspace", "sourceFiles", "targetWorkspace", "targetDirectory", "targetNaming", "numberingStart",
      "numberingMapping", "ownerColumn", "ownerOptional", "tenantColumn", "tenantColumnType", "tenantColumnNullable",
      "tenantReferences", "tenantOnDelete", "tenantIndex", "tables", "tenantExpression", "policyMode",
      "targetDatabase", "historyTable", "dryRun"})
  // The job rather than @VariablesAsType: a variable of the wrong type must become MIGRATION_INVALID
  // naming it (the starter would fail the job and retry it), and a backoff needs the job's retries.
  public MigrationPortResult port(ActivatedJob job) {
    try {
      return service.port(request(job.getVariables()));
    } catch (MigrationInvalidException e) {
      LOG.info("migration-port job {}: {} ({})", job.getKey(), e.getMessage(), e.kind().code());
      throw CamundaError.bpmnError(ERROR_CODE, e.getMessage(), e.variables(), e);
    } catch (TargetDatabaseUnavailableException e) {
      int retries = Math.max(0, job.getRetries() - 1);
      LOG.warn("migration-port job {}: {}; {} retries left", job.getKey(), e.getMessage(), retries);
      throw CamundaError.jobError(e.getMessage(), Map.of(), retries, properties.retryBackoff(), e);
    }
  }

  /** The job's variables as a typed request; a value of the wrong type is the request's fault. */
  static MigrationPortRequest request(String variablesJson) {
    try {
      return VARIABLES.readValue(variablesJson, MigrationPortRequest.class);
    } catch (JsonMappingException e) {
      StringBuilder variable = new StringBuilder(); // e.g. sourceFiles[0]
      for (JsonMappingException.Reference r : e.getPath()) {
        variable.append(r.getFieldName() != null ? (variable.isEmpty() ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
      }
      throw new MigrationInvalidException(MigrationInvalidException.Kind.REQUEST,
          "%s: has the wrong type (%s)".formatted(variable.isEmpty() ? "variables" : variable,
              e.getOriginalMessage().lines().findFirst().orElse("")));
    } catch (JsonProcessingException e) {
      throw new MigrationInvalidException(MigrationInvalidException.Kind.REQUEST, "variables are not valid JSON");
    }
  }
}
