package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void cutsStatementsAndKeepsEverythingBetweenThemVerbatim() {
    String sql = "-- header; with a semicolon\ncreate table a (id int); /* block; */\n\ninsert into a values (1)  ;\n-- trailing\n";

    SqlScript script = SqlScript.parse(sql);

    assertThat(script.statements()).extracting(SqlScript.Chunk::sql)
        .containsExactly("create table a (id int)", "insert into a values (1)");
    assertThat(script.statements()).extracting(SqlScript.Chunk::line).containsExactly(2, 4);
    assertThat(script.statements().get(1).leading()).isEqualTo(" /* block; */\n\n");
    assertThat(script.statements().get(1).terminator()).isEqualTo("  ;");
    assertThat(script.trailer()).isEqualTo("\n-- trailing\n");
    assertThat(script.render()).isEqualTo(sql);
  }

  @Test
  void semicolonsInsideLiteralsDoNotEndAStatement() {
    String sql = """
        insert into t values ('a;b', 'it''s; fine', E'back\\'slash;');
        create function f() returns trigger as $body$ begin x := 1; return new; end; $body$ language plpgsql;
        select "odd;name" from t;
        create function g() returns int as $$ select 1; $$ language sql
        """;

    SqlScript script = SqlScript.parse(sql);

    assertThat(script.statements()).hasSize(4);
    assertThat(script.statements().get(1).sql()).endsWith("$body$ language plpgsql");
    assertThat(script.statements().get(3).terminator()).isEmpty();
    assertThat(script.render()).isEqualTo(sql);
  }

  @Test
  void nestedBlockCommentsAndPositionalParametersAreRead() {
    String sql = "/* outer /* inner; */ still comment; */ select $1; select 2";
    assertThat(SqlScript.parse(sql).statements()).extracting(SqlScript.Chunk::sql).containsExactly("select $1", "select 2");
  }

  @Test
  void unterminatedLiteralsAreReportedWithTheirLine() {
    assertThatThrownBy(() -> SqlScript.parse("select 1;\n\ncreate function f() as $$ begin"))
        .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.getMessage()).contains("unterminated dollar-quoted string $$");
        });
    assertThatThrownBy(() -> SqlScript.parse("select 'open\n;")).isInstanceOf(SqlSyntaxException.class).hasMessageContaining("string");
    assertThatThrownBy(() -> SqlScript.parse("/* never closed")).isInstanceOf(SqlSyntaxException.class).hasMessageContaining("comment");
  }

  @Test
  void theExampleMigrationsRoundTripByteForByte() throws Exception {
    for (String name : PortFixtures.REVOS_FILES) {
      String text = Files.readString(PortFixtures.REVOS.resolve("supabase/migrations").resolve(name));
      assertThat(SqlScript.parse(text).render()).as(name).isEqualTo(text);
    }
    // 3 tables, 3 indexes, 3 RLS switches, 6 policies, a function with a dollar-quoted body, a trigger
    assertThat(SqlScript.parse(Files.readString(PortFixtures.REVOS.resolve("supabase/migrations/003_cartridge_system.sql")))
        .statements()).hasSize(17);
  }
}
