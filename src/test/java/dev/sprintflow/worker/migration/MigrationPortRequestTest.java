package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every variable is checked, and a problem is reported by the variable's name. */
class MigrationPortRequestTest {

  static void assertRejected(String variable, Object value, String message) {
    Map<String, Object> v = PortFixtures.audienceOsVariables("db");
    if (value == null) {
      v.remove(variable);
    } else {
      v.put(variable, value);
    }
    assertThatThrownBy(() -> PortFixtures.request(v).validate()).as(variable + " = " + value)
        .isInstanceOfSatisfying(MigrationPortRequest.InvalidRequestException.class, e -> {
          assertThat(e.variable()).isEqualTo(variable);
          assertThat(e.getMessage()).startsWith(variable + ": ").contains(message);
        });
  }

  @Test
  void theAudienceOsRequestIsValidWithDefaultsFilledIn() {
    PortSettings s = PortFixtures.request(PortFixtures.audienceOsVariables("db")).validate();
    assertThat(s.tenant()).isEqualTo(new PortSettings.TenantColumn("agency_id", "uuid", false, "agencies", "id", "CASCADE", true));
    assertThat(s.historyTable()).isEqualTo("sprintflow_migration_port_history");
    assertThat(s.naming()).isEqualTo(MigrationNaming.Style.NUMBERED);
    assertThat(s.policyMode()).isEqualTo(PortSettings.PolicyMode.TENANT);
    assertThat(s.tables()).isEmpty();
  }

  @Test
  void requiredVariables() {
    assertRejected("sourceWorkspace", null, "is required");
    assertRejected("sourceFiles", null, "list at least one file");
    assertRejected("sourceFiles", List.of(), "list at least one file");
    assertRejected("targetWorkspace", " ", "is required");
    assertRejected("targetDirectory", null, "is required");
    assertRejected("targetDatabase", null, "name the configured database");
    assertRejected("numberingStart", null, "set numberingStart");
  }

  @Test
  void malformedValues() {
    assertRejected("ownerColumn", "user id", "plain SQL identifier");
    assertRejected("tenantColumn", "user_id", "must differ from ownerColumn");
    assertRejected("tenantColumn", "agency_id; drop table x", "plain SQL identifier");
    assertRejected("tenantColumnType", "uuid not null", "must be only a type");
    assertRejected("tenantColumnType", "uuid); drop table users; --", "is not a column type");
    assertRejected("tenantReferences", "agencies", "must look like 'agencies(id)'");
    assertRejected("tenantOnDelete", "EXPLODE", "must be one of");
    assertRejected("tenantOnDelete", "set null", "needs tenantColumnNullable");
    assertRejected("tenantExpression", "select from where", "is not an SQL expression");
    assertRejected("targetNaming", "liquibase", "must be 'numbered'");
    assertRejected("policyMode", "owner", "must be 'tenant' or 'tenant-and-owner'");
    assertRejected("historyTable", "history; drop", "plain SQL identifier");
    assertRejected("tables", List.of("a b"), "is not a table name");
    assertRejected("numberingStart", 0, "at least 1");
    assertRejected("numberingMapping", Map.of("three", 8), "maps source version to target version");
  }

  @Test
  void aDryRunNeedsNoDatabase() {
    Map<String, Object> v = PortFixtures.audienceOsVariables("db");
    v.remove("targetDatabase");
    v.put("dryRun", true);
    assertThat(PortFixtures.request(v).validate().targetDatabase()).isNull();
  }

  @Test
  void feelNumbersAndStringsAreAcceptedForNumbers() {
    Map<String, Object> v = PortFixtures.audienceOsVariables("db");
    v.remove("numberingStart");
    v.put("numberingMapping", Map.of("003", 8.0, "37", "9"));
    assertThat(PortFixtures.request(v).validate().numberingMapping()).containsEntry(3L, 8L).containsEntry(37L, 9L);
  }
}
