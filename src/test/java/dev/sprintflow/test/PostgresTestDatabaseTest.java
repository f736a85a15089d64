package dev.sprintflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

@ExtendWith(PostgresTestDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresTestDatabaseTest {

  static String firstSchema;

  @Test
  @Order(1)
  void eachTestGetsAFreshSchemaThatUnqualifiedNamesLandIn(PostgresTestDatabase.Schema schema) throws Exception {
    firstSchema = schema.name();
    try (Connection c = schema.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE probe (id int)");
      try (ResultSet rs = s.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = 'probe'"
          + " AND table_schema = '" + schema.name() + "'")) {
        assertThat(rs.next()).isTrue();
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("fresh: only the table this test made").isEqualTo(1);
      }
    }
  }

  @Test
  @Order(2)
  void theSchemaIsDroppedAfterItsTest(PostgresTestDatabase.Schema schema) throws Exception {
    assertThat(schema.name()).isNotEqualTo(firstSchema);
    try (Connection c = schema.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + firstSchema + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void withoutADatabaseTestsAreSkippedLocallyButFailUnderCi() {
    assertThatThrownBy(() -> PostgresTestDatabase.skipOrFail("nothing answers", Map.of()))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("nothing answers");
    assertThatThrownBy(() -> PostgresTestDatabase.skipOrFail("nothing answers", Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true");
  }
}
