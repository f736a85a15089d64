package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.sprintflow.datasource.TargetDataSources;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import dev.sprintflow.test.EngineRecords;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on its embedded engine with the default (embedded) profile: a process whose
 * task is built from the element template's settings runs the migration-port worker end to end
 * against the H2 sandbox; outcomes are read from the engine's own records.
 */
@SpringBootTest
class MigrationPortProcessTest {

  static final Path TARGET = temp("sprintflow-audienceos-");
  static final Path BROKEN = temp("sprintflow-broken-");
  static final String SECRET = "never-in-a-variable-3f1c";

  @DynamicPropertySource
  static void workspaces(DynamicPropertyRegistry registry) throws IOException {
    // Keep test output out of the repository's target/sandbox; the example workspace stays as configured.
    registry.add("sprintflow.workspaces.audienceos-sandbox.path", TARGET::toString);
    Files.createDirectories(BROKEN.resolve("supabase/migrations"));
    Files.writeString(BROKEN.resolve("supabase/migrations/004_broken.sql"),
        "-- a typo\ncreate table notes (\n  id uuid primary key,\n  user_id uuid not null\n  body text\n);\n");
    registry.add("sprintflow.workspaces.broken.path", BROKEN::toString);
    registry.add("sprintflow.workspaces.broken.read-only", () -> "true");
    registry.add("sprintflow.datasources.unreachable.url", () -> "jdbc:postgresql://127.0.0.1:1/audienceos");
    registry.add("sprintflow.datasources.unreachable.username", () -> "sprintflow");
    registry.add("sprintflow.datasources.unreachable.password", () -> SECRET);
    registry.add("sprintflow.datasources.unreachable.connection-timeout", () -> "300ms");
    registry.add("sprintflow.workers.migration-port.retry-backoff", () -> "PT0.2S");
    // A sandbox of its own for the plan test, so that it is not affected by the bundled example's run.
    registry.add("sprintflow.datasources.plan-sandbox.url", () -> "jdbc:h2:mem:plan-sandbox-" + System.nanoTime()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;"
        + "INIT=RUNSCRIPT FROM 'classpath:sandbox/audienceos-sandbox.sql'");
    registry.add("sprintflow.datasources.plan-sandbox.username", () -> "sa");
  }

  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired ApplicationContext context;

  /** Values a lead would type into the template's fields (the plan's renumbering 003 -> 008, 037 -> 009). */
  static Map<String, String> planValues() {
    Map<String, String> v = new HashMap<>();
    v.put("sourceWorkspace", "revos-example");
    v.put("sourceFiles", "=[\"supabase/migrations/003_cartridge_system.sql\", \"supabase/migrations/037_client_cartridges.sql\"]");
    v.put("targetWorkspace", "audienceos-sandbox");
    v.put("numberingMapping", "={\"003\": 8, \"037\": 9}");
    v.put("ownerOptional", "true");
    v.put("tenantReferences", "agencies(id)");
    v.put("tenantExpression", PortFixtures.TENANT_EXPRESSION);
    v.put("targetDatabase", "plan-sandbox");
    return v;
  }

  @Test
  void aTaskFromTheElementTemplatePortsAndAppliesTheMigrations() throws Exception {
    long key = start("port-plan", planValues(), "3");
    EngineRecords records = new EngineRecords(engine);
    records.awaitCompleted(key, Duration.ofSeconds(60));

    assertThat(records.completedElements(key)).containsSubsequence("start", "port-migrations", "ported", "port-plan");
    Map<String, Object> vars = records.variables(key);
    assertThat(vars.get("migrationPortedFiles")).asList().extracting(f -> (Object) ((Map<?, ?>) f).get("path"))
        .containsExactly("supabase/migrations/008_cartridge_system.sql", "supabase/migrations/009_client_cartridges.sql");
    assertThat(vars.get("migrationTablesChanged")).asList()
        .containsExactly("brand_cartridges", "style_cartridges", "instruction_cartridges", "client_cartridges");
    assertThat(vars.get("migrationsApplied")).asList().containsExactly("8", "9");
    assertThat((Integer) vars.get("migrationStatementsApplied")).isPositive();
    assertThat(vars.get("migrationVerification")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("status", "passed").containsEntry("databaseProduct", "H2").containsEntry("database", "plan-sandbox");
    assertThat((String) vars.get("migrationSummary")).contains("```diff", "agency_id");
    assertThat(vars.get("migrationWarnings")).asList().anySatisfy(w -> assertThat((String) w).contains("not applied on H2"));
    assertThat(TARGET.resolve("supabase/migrations/008_cartridge_system.sql")).exists();
    assertThat(vars).doesNotContainKey("migrationError");

    // The same task again, as after a crash: nothing left to apply, and it still succeeds.
    long again = start("port-plan", planValues(), "3");
    records.awaitCompleted(again, Duration.ofSeconds(60));
    assertThat(records.variables(again)).containsEntry("migrationStatementsApplied", 0)
        .containsEntry("migrationsApplied", List.of());
  }

  @Test
  void anUnparseableSourceIsABpmnErrorCaughtByTheBoundaryEventWithFileAndLine() {
    Map<String, String> v = planValues();
    v.put("sourceWorkspace", "broken");
    v.put("sourceFiles", "=[\"supabase/migrations/*.sql\"]");
    v.remove("numberingMapping");
    v.put("numberingStart", "=20");

    long key = start("port-broken", v, "3");
    EngineRecords records = new EngineRecords(engine);
    records.awaitCompleted(key, Duration.ofSeconds(60));

    assertThat(records.completedElements(key)).contains("migration-invalid", "sent-to-triage").doesNotContain("ported");
    assertThat(records.variables(key).get("migrationError")).isEqualTo(Map.of("kind", "source-sql",
        "file", "supabase/migrations/004_broken.sql", "line", 5,
        "message", "unexpected 'text' at column 8 (statement starting on line 2: create table notes ()"));
    assertThat(jobs(key, JobIntent.ERROR_THROWN)).singleElement()
        .satisfies(j -> assertThat(j.getValue().getErrorCode()).isEqualTo("MIGRATION_INVALID"));
  }

  @Test
  void anUnreachableDatabaseFailsTheJobWithBackoffUntilAnIncident() {
    Map<String, String> v = planValues();
    v.put("targetDatabase", "unreachable");

    long key = start("port-unreachable", v, "2");

    await().atMost(Duration.ofSeconds(60)).until(() -> !incidents(key).isEmpty());
    List<Record<JobRecordValue>> failures = jobs(key, JobIntent.FAILED);
    assertThat(failures).extracting(r -> r.getValue().getRetries()).containsExactly(1, 0);
    assertThat(failures).allSatisfy(r -> {
      assertThat(r.getValue().getRetryBackoff()).isEqualTo(200L);
      assertThat(r.getValue().getErrorMessage()).contains("'unreachable' cannot be reached").doesNotContain(SECRET);
    });
    assertThat(incidents(key)).singleElement().satisfies(i ->
        assertThat(i.getValue().getErrorMessage()).contains("cannot be reached").doesNotContain(SECRET));
    assertThat(new EngineRecords(engine).all().map(Record::toJson)).noneMatch(json -> json.contains(SECRET));
  }

  @Test
  void theBundledExampleProcessIsDeployedOnStartUpAndPortsThePlansMigrations() {
    long key = client.newCreateInstanceCommand().bpmnProcessId("sprintflow-migration-port-example").latestVersion()
        .send().join().getProcessInstanceKey();
    EngineRecords records = new EngineRecords(engine);
    records.awaitCompleted(key, Duration.ofSeconds(60));

    assertThat(records.completedElements(key)).contains("port-cartridge-migrations", "migrations-ported");
    assertThat(records.variables(key).get("migrationPortedFiles")).asList().extracting(f -> (Object) ((Map<?, ?>) f).get("path"))
        .containsExactly("supabase/migrations/008_cartridge_system.sql", "supabase/migrations/009_client_cartridges.sql");
    assertThat(records.variables(key).get("migrationVerification"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("status", "passed").containsEntry("database", "sandbox").containsEntry("databaseProduct", "H2");
  }

  @Test
  void targetDatabasesAreNotSpringDataSources() {
    // The service's own database comes later; named targets must never become (or replace) it.
    DataSource sandbox = context.getBean(TargetDataSources.class).get("sandbox");
    assertThat(context.getBeansOfType(DataSource.class).values())
        .doesNotContain(sandbox)
        .noneMatch(ds -> ds instanceof HikariDataSource h && h.getPoolName() != null && h.getPoolName().startsWith("sprintflow-target-"));
  }

  /** Deploys start -> [template task] -> ported, with an error boundary -> sent-to-triage, and starts it. */
  private long start(String processId, Map<String, String> values, String retries) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("port-migrations", task -> applyTemplate(task, values, retries))
        .endEvent("ported")
        .moveToActivity("port-migrations")
        .boundaryEvent("migration-invalid", b -> b.error(MigrationPortWorker.ERROR_CODE)
            .zeebeOutputExpression("migrationError", "migrationError"))
        .endEvent("sent-to-triage")
        .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join().getProcessInstanceKey();
  }

  /** What Camunda Modeler writes when the template is applied and its fields are filled in. */
  private static void applyTemplate(ServiceTaskBuilder task, Map<String, String> values, String retries) {
    JsonNode template;
    try {
      template = new ObjectMapper().readTree(MigrationPortContractTest.TEMPLATE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode p : template.path("properties")) {
      JsonNode binding = p.path("binding");
      String type = binding.path("type").asText();
      String value = p.has("value") ? p.path("value").asText() : null;
      switch (type) {
        case "zeebe:taskDefinition" -> {
          if (binding.path("property").asText().equals("type")) {
            task.zeebeJobType(value);
          } else {
            task.zeebeJobRetries(retries);
          }
        }
        case "zeebe:input" -> {
          String name = binding.path("name").asText();
          String given = values.getOrDefault(name, value);
          if (given == null || given.isEmpty()) {
            assertThat(p.path("optional").asBoolean() || !p.path("constraints").path("notEmpty").asBoolean())
                .as("required template field " + name + " left empty").isTrue();
            continue;
          }
          boolean expression = p.path("type").asText().equals("Boolean") || given.startsWith("=");
          task.zeebeInput(expression && !given.startsWith("=") ? "=" + given : given, name);
        }
        case "zeebe:output" -> task.zeebeOutputExpression(binding.path("source").asText().substring(1), value);
        default -> throw new AssertionError("Unexpected binding " + type);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Record<JobRecordValue>> jobs(long processInstanceKey, JobIntent intent) {
    return new EngineRecords(engine).all()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT && r.getIntent() == intent)
        .map(r -> (Record<JobRecordValue>) r)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Record<IncidentRecordValue>> incidents(long processInstanceKey) {
    return new EngineRecords(engine).all()
        .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (Record<IncidentRecordValue>) r)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .toList();
  }

  private static Path temp(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
