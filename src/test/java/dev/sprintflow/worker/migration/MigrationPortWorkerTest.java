package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker is a thin mapping: variables to request, domain failures to BPMN errors or job failures. */
class MigrationPortWorkerTest {

  final MigrationPortService service = mock(MigrationPortService.class);
  final MigrationPortWorker worker = new MigrationPortWorker(service, new MigrationPortProperties(Duration.ofSeconds(7)));

  ActivatedJob job(String variables, int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getVariables()).thenReturn(variables);
    when(job.getRetries()).thenReturn(retries);
    when(job.getKey()).thenReturn(42L);
    return job;
  }

  @Test
  void returnsTheServicesResult() {
    var result = new MigrationPortResult(List.of(), List.of("a"), 3, List.of("8"), null, List.of(), "# ok");
    when(service.port(PortFixtures.request(Map.of("sourceWorkspace", "revos")))).thenReturn(result);
    assertThat(worker.port(job("{\"sourceWorkspace\": \"revos\", \"unrelated\": 1}", 3))).isSameAs(result);
  }

  @Test
  void aProblemAHumanMustFixIsTheBpmnErrorWithItsDetails() {
    when(service.port(PortFixtures.request(Map.of()))).thenThrow(new MigrationInvalidException(
        MigrationInvalidException.Kind.SOURCE_SQL, "003_x.sql", 7, "unexpected 'text'", null));
    assertThatThrownBy(() -> worker.port(job("{}", 3))).isInstanceOfSatisfying(BpmnError.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo("MIGRATION_INVALID");
      assertThat(e.getErrorMessage()).isEqualTo("003_x.sql:7: unexpected 'text'");
      assertThat(e.getVariables()).isEqualTo(Map.of("migrationError",
          Map.of("kind", "source-sql", "file", "003_x.sql", "line", 7, "message", "unexpected 'text'")));
    });
  }

  @Test
  void anUnreachableDatabaseFailsTheJobWithOneRetryLessAndTheBackoff() {
    when(service.port(PortFixtures.request(Map.of()))).thenThrow(
        new TargetDatabaseUnavailableException("Target database 'pg' cannot be reached", new SQLTransientConnectionException()));
    assertThatThrownBy(() -> worker.port(job("{}", 3))).isInstanceOfSatisfying(JobError.class, e -> {
      assertThat(e.getRetries()).isEqualTo(2);
      assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(7));
      assertThat(e.getErrorMessage()).contains("cannot be reached");
    });
  }

  @Test
  void aVariableOfTheWrongTypeIsTheRequestsFault() {
    assertThatThrownBy(() -> worker.port(job("{\"numberingStart\": \"eight\"}", 3))).isInstanceOfSatisfying(BpmnError.class, e -> {
      assertThat(e.getErrorCode()).isEqualTo("MIGRATION_INVALID");
      assertThat(e.getErrorMessage()).startsWith("numberingStart: has the wrong type");
    });
    assertThatThrownBy(() -> worker.port(job("{\"sourceFiles\": {\"a\": 1}}", 3)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorMessage()).startsWith("sourceFiles[0]: has the wrong type"));
  }

  @Test
  void aSingleSourceFileMayBeGivenAsAString() {
    assertThat(MigrationPortWorker.request("{\"sourceFiles\": \"db/*.sql\"}").sourceFiles()).containsExactly("db/*.sql");
  }
}
