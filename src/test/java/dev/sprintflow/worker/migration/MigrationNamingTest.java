package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sprintflow.worker.migration.MigrationNaming.Style;
import dev.sprintflow.worker.migration.MigrationNaming.Versioned;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationNamingTest {

  static List<Versioned> sources(String... names) {
    return List.of(names).stream().map(n -> MigrationNaming.parse(n).orElseThrow()).sorted(MigrationNaming.sourceOrder()).toList();
  }

  @Test
  void readsSupabaseFlywayAndTimestampNames() {
    assertThat(MigrationNaming.parse("003_cartridge_system.sql")).contains(new Versioned("003_cartridge_system.sql", 3, "cartridge_system"));
    assertThat(MigrationNaming.parse("V12__add_index.sql")).contains(new Versioned("V12__add_index.sql", 12, "add_index"));
    assertThat(MigrationNaming.parse("20240115093000_init.sql")).get().extracting(Versioned::version).isEqualTo(20240115093000L);
    assertThat(MigrationNaming.parse("cartridges.sql")).isEmpty();
    assertThat(MigrationNaming.parse("003__double.sql")).isEmpty();
    assertThat(MigrationNaming.parse("003_notes.txt")).isEmpty();
  }

  @Test
  void theTargetsNamingStyle() {
    assertThat(MigrationNaming.targetName(Style.NUMBERED, 8, "cartridge_system")).isEqualTo("008_cartridge_system.sql");
    assertThat(MigrationNaming.targetName(Style.NUMBERED, 1234, "x")).isEqualTo("1234_x.sql");
    assertThat(MigrationNaming.targetName(Style.FLYWAY, 8, "cartridge_system")).isEqualTo("V8__cartridge_system.sql");
    assertThat(MigrationNaming.targetName(Style.NUMBERED, 9, "a b/../c")).isEqualTo("009_a_b_.._c.sql");
  }

  @Test
  void numbersConsecutivelyFromTheStartInSourceOrder() {
    var out = MigrationNaming.renumber(sources("037_client.sql", "003_system.sql"), Style.NUMBERED, 8L, Map.of());
    assertThat(out).extracting(MigrationNaming.Renumbered::targetName).containsExactly("008_system.sql", "009_client.sql");
  }

  @Test
  void theMappingWinsAndTheRestSkipsItsNumbers() {
    var out = MigrationNaming.renumber(sources("003_a.sql", "012_b.sql", "037_c.sql"), Style.NUMBERED, 8L, Map.of(3L, 9L));
    assertThat(out).extracting(MigrationNaming.Renumbered::targetVersion).containsExactly(9L, 10L, 11L);
    var plan = MigrationNaming.renumber(sources("003_a.sql", "037_c.sql"), Style.FLYWAY, null, Map.of(3L, 8L, 37L, 9L));
    assertThat(plan).extracting(MigrationNaming.Renumbered::targetName).containsExactly("V8__a.sql", "V9__c.sql");
  }

  @Test
  void refusesNumberingsThatWouldBreakTheOrderOrCollide() {
    assertThatThrownBy(() -> MigrationNaming.renumber(sources("003_a.sql", "037_c.sql"), Style.NUMBERED, null, Map.of(3L, 9L, 37L, 8L)))
        .hasMessageStartingWith("numberingMapping must keep the source order: 037_c.sql comes after 003_a.sql");
    assertThatThrownBy(() -> MigrationNaming.renumber(sources("003_a.sql", "037_c.sql"), Style.NUMBERED, null, Map.of(3L, 8L, 37L, 8L)))
        .hasMessageContaining("would both become version 8");
    assertThatThrownBy(() -> MigrationNaming.renumber(sources("003_a.sql", "037_c.sql"), Style.NUMBERED, null, Map.of(3L, 8L)))
        .hasMessageStartingWith("numberingMapping: 037_c.sql (version 37) has no target number");
    assertThatThrownBy(() -> MigrationNaming.renumber(sources("003_a.sql"), Style.NUMBERED, null, Map.of(3L, 8L, 4L, 9L)))
        .hasMessageStartingWith("numberingMapping: version 4 matches no source file");
    assertThatThrownBy(() -> MigrationNaming.renumber(sources("003_a.sql", "V3__b.sql"), Style.NUMBERED, 1L, Map.of()))
        .hasMessageStartingWith("sourceFiles: two source files have version 3");
  }
}
