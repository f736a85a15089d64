package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class H2CompatibilityTest {

  static PortedScript script(String sql) {
    var result = SqlMigrationTransformerTest.port(SqlMigrationTransformerTest.variables(), "001.sql", sql);
    return result.files().getFirst().script();
  }

  @Test
  void skippedAndRespelledStatementsKeepEveryLineWhereItWas() {
    PortedScript ported = script("""
        create table a (
          id uuid primary key default gen_random_uuid(),
          user_id uuid,
          at timestamptz not null default now(),
          tags text[]
        );
        alter table a enable row level security;
        create policy p on a
          using (user_id = auth.uid());
        create index partial on a (id) where at is not null;
        select 1;""");

    H2Compatibility.Adapted h2 = H2Compatibility.adapt(ported, "001.sql");

    String before = ported.render();
    String after = h2.script().render();
    assertThat(after.lines().count()).isEqualTo(before.lines().count());
    assertThat(h2.script().located()).extracting(PortedScript.Located::line)
        .containsExactlyElementsOf(ported.located().stream().map(PortedScript.Located::line).toList());
    assertThat(after).contains("id uuid DEFAULT gen_random_uuid() primary key", "at timestamp with time zone DEFAULT now() not null",
        "tags text array", "-- [not applied on H2] alter table a enable row level security",
        "-- [not applied on H2] CREATE POLICY p ON a", "CREATE INDEX partial ON a (id);").doesNotContain("where at is not null");
    assertThat(h2.skipped()).isEqualTo(2);
    assertThat(h2.notes()).hasSize(6).allSatisfy(n -> assertThat(n).startsWith("001.sql: "));
  }

  @Test
  void portableStatementsAreUntouched() {
    PortedScript ported = script("create table b (id int primary key, user_id uuid);\ninsert into b (id) values (1);");
    H2Compatibility.Adapted h2 = H2Compatibility.adapt(ported, "001.sql");
    assertThat(h2.script().render()).isEqualTo(ported.render());
    assertThat(h2.notes()).isEqualTo(List.of());
  }
}
