package dev.sprintflow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class TargetDataSourcesTest {

  static final TargetDataSourceProperties.Target H2 =
      new TargetDataSourceProperties.Target("jdbc:h2:mem:tds-test", "sa", "s3cret", null, null, null);
  static final TargetDataSourceProperties.Target DOWN =
      new TargetDataSourceProperties.Target("jdbc:postgresql://127.0.0.1:1/x", "u", "s3cret", "app", 1, Duration.ofMillis(300));

  @Test
  void unknownNamesListTheConfiguredOnes() {
    var sources = new TargetDataSources(new TargetDataSourceProperties(Map.of("sandbox", H2, "down", DOWN)));
    assertThatThrownBy(() -> sources.get("prod")).isInstanceOf(UnknownTargetDataSourceException.class)
        .hasMessage("Unknown target database 'prod'; configured: down, sandbox (sprintflow.datasources.<name>.url)");
    assertThatThrownBy(() -> new TargetDataSources(new TargetDataSourceProperties(null)).get("x"))
        .hasMessageContaining("configured: none");
  }

  @Test
  void poolsAreCreatedOnFirstUseWithoutConnectingAndClosedOnShutdown() throws Exception {
    var sources = new TargetDataSources(new TargetDataSourceProperties(Map.of("sandbox", H2, "down", DOWN)));
    DataSource down = sources.get("down"); // an unreachable database does not fail here
    assertThat(sources.get("down")).isSameAs(down);
    assertThat(sources.schema("down")).isEqualTo("app");
    try (Connection c = sources.get("sandbox").getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }
    sources.destroy();
    assertThat(((HikariDataSource) down).isClosed()).isTrue();
  }

  @Test
  void thePasswordNeverAppearsInToString() {
    assertThat(DOWN.toString()).doesNotContain("s3cret").contains("password=******");
    assertThat(new TargetDataSourceProperties(Map.of("down", DOWN)).toString()).doesNotContain("s3cret");
  }
}
