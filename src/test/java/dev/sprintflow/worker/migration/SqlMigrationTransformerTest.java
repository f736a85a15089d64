package dev.sprintflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transformation on its own: SQL in, ported SQL out, no files and no database. */
class SqlMigrationTransformerTest {

  static Map<String, Object> variables() {
    Map<String, Object> v = new HashMap<>(PortFixtures.audienceOsVariables("db"));
    v.put("ownerOptional", false);
    return v;
  }

  static SqlMigrationTransformer.Result port(Map<String, Object> variables, String... namesAndSql) {
    List<SqlMigrationTransformer.SourceFile> files = new ArrayList<>();
    for (int i = 0; i < namesAndSql.length; i += 2) {
      files.add(new SqlMigrationTransformer.SourceFile(namesAndSql[i], namesAndSql[i + 1]));
    }
    return new SqlMigrationTransformer(PortFixtures.request(variables).validate()).transform(files);
  }

  static String ported(SqlMigrationTransformer.Result result, int file) {
    return result.files().get(file).script().render();
  }

  @Test
  void addsTheTenantColumnAfterTheOwnerAndKeepsTheRestOfTheTableAsWritten() {
    String sql = """
        create table notes (
          id uuid primary key,
          user_id uuid not null references auth.users(id), -- who wrote it
          body text not null /* markdown */
        );""";

    String out = ported(port(variables(), "001_notes.sql", sql), 0);

    assertThat(out).isEqualTo("""
        -- Ported by Sprintflow migration-port from 001_notes.sql: user_id also scoped by agency_id.
        -- Review the port's summary for every change.

        create table notes (
          id uuid primary key,
          user_id uuid not null references auth.users(id), -- who wrote it
          agency_id uuid NOT NULL CONSTRAINT notes_agency_id_fkey REFERENCES agencies (id) ON DELETE CASCADE,
          body text not null /* markdown */
        );
        CREATE INDEX IF NOT EXISTS idx_notes_agency_id ON notes (agency_id);""");
  }

  @Test
  void anOwnerAsLastColumnOrOnOneLineStillGetsAValidList() {
    var result = port(variables(), "001_a.sql", "create table a (id int, user_id uuid not null);",
        "002_b.sql", "create table b (\n  id int,\n  user_id uuid\n);");
    assertThat(ported(result, 0)).contains("create table a (id int, user_id uuid not null, agency_id uuid NOT NULL CONSTRAINT");
    assertThat(ported(result, 1)).contains("  user_id uuid,\n  agency_id uuid NOT NULL CONSTRAINT b_agency_id_fkey");
  }

  @Test
  void ownerOptionalDropsNotNullFromTheOwnerOnly() {
    Map<String, Object> v = variables();
    v.put("ownerOptional", true);
    String out = ported(port(v, "001_a.sql", "create table a (\n  id int not null,\n  user_id uuid not null references auth.users(id)\n);"), 0);
    assertThat(out).contains("  id int not null,\n  user_id uuid REFERENCES auth.users(id),\n  agency_id uuid NOT NULL");
  }

  @Test
  void tablesWithoutTheOwnerColumnAreLeftAloneUnlessNamed() {
    String sql = "create table lookup (id int primary key, label text);\ncreate table items (id int, user_id uuid);";
    var byDefault = port(variables(), "001_x.sql", sql);
    assertThat(byDefault.tablesChanged()).extracting(TableRef::display).containsExactly("items");
    assertThat(ported(byDefault, 0)).contains("create table lookup (id int primary key, label text);");

    Map<String, Object> v = variables();
    v.put("tables", List.of("lookup"));
    var named = port(v, "001_x.sql", sql);
    assertThat(named.tablesChanged()).extracting(TableRef::display).containsExactly("lookup");
    assertThat(ported(named, 0)).contains("label text, agency_id uuid NOT NULL").contains("create table items (id int, user_id uuid);");
  }

  @Test
  void aNamedTableTheSourcesDoNotCreateIsAnError() {
    Map<String, Object> v = variables();
    v.put("tables", List.of("brand_cartridge"));
    assertThatThrownBy(() -> port(v, "001_x.sql", "create table brand_cartridges (id int, user_id uuid);"))
        .isInstanceOf(MigrationPortRequest.InvalidRequestException.class)
        .hasMessageStartingWith("tables: 'brand_cartridge' is not created").hasMessageContaining("brand_cartridges");
  }

  @Test
  void policiesFilterByTheTenantInsteadOfTheOwner() {
    String sql = """
        create table docs (id int, user_id uuid);
        create policy "own" on docs for all using (auth.uid() = user_id) with check (docs.user_id = (select auth.uid()));
        create policy "public" on docs for select using (is_public);""";

    String out = ported(port(variables(), "001_docs.sql", sql), 0);

    assertThat(out).contains("CREATE POLICY \"own\" ON docs FOR ALL USING ((SELECT u.agency_id FROM users u WHERE u.id = auth.uid()) = agency_id)"
        + " WITH CHECK (docs.agency_id = (SELECT u.agency_id FROM users u WHERE u.id = auth.uid()))");
    assertThat(out).contains("create policy \"public\" on docs for select using (is_public);");
  }

  @Test
  void tenantAndOwnerModeKeepsTheOwnerCheckToo() {
    Map<String, Object> v = variables();
    v.put("policyMode", "tenant-and-owner");
    v.put("tenantExpression", "current_agency()");
    String out = ported(port(v, "001_d.sql", "create table d (id int, user_id uuid);\n"
        + "create policy p on d using (user_id = auth.uid() or shared);"), 0);
    assertThat(out).contains("USING ((agency_id = current_agency() OR shared) AND (user_id = auth.uid() OR shared))");
  }

  @Test
  void ownerFiltersInSubqueriesAndViewsFollowTheTablesScope() {
    String sql = """
        create table parent (id int primary key, user_id uuid);
        create table child (id int, parent_id int, user_id uuid);
        create table audit (id int, user_id uuid);
        create policy c on child using (exists (select 1 from parent p where p.id = child.parent_id and p.user_id = auth.uid()));
        create view mine as select a.id from audit a join parent on parent.id = a.id where a.user_id = auth.uid();""";
    Map<String, Object> v = variables();
    v.put("tables", List.of("parent", "audit"));
    v.put("tenantExpression", "current_agency()");

    var result = port(v, "001_s.sql", sql);

    String out = ported(result, 0);
    assertThat(out).contains("p.agency_id = current_agency()");
    assertThat(out).contains("WHERE a.agency_id = current_agency()");
    assertThat(result.files().getFirst().changes()).anySatisfy(c -> assertThat(c).startsWith("view mine: 1 user_id filter(s)"));
  }

  @Test
  void ownerFiltersOnTablesThatAreNotTenantisedStay() {
    Map<String, Object> v = variables();
    v.put("tables", List.of("a"));
    String out = ported(port(v, "001.sql", "create table a (id int, user_id uuid);\ncreate table b (id int, user_id uuid);\n"
        + "create policy pb on b using (user_id = auth.uid());"), 0);
    assertThat(out).contains("create policy pb on b using (user_id = auth.uid());");
  }

  @Test
  void ownerUsesThatAreNotSimpleFiltersAreWarnedAbout() {
    var result = port(variables(), "001.sql", "create table a (id int, user_id uuid);\n"
        + "create policy odd on a using (user_id in (select id from team_members));");
    assertThat(result.files().getFirst().warnings()).singleElement()
        .satisfies(w -> assertThat(w).contains("001.sql:2", "policy odd still uses user_id"));
  }

  @Test
  void aPolicyThatNeedsTheTenantExpressionSaysSo() {
    Map<String, Object> v = variables();
    v.remove("tenantExpression");
    assertThatThrownBy(() -> port(v, "001.sql", "create table a (id int, user_id uuid);\n\ncreate policy p on a using (user_id = auth.uid());"))
        .isInstanceOf(MigrationPortRequest.InvalidRequestException.class)
        .hasMessageStartingWith("tenantExpression: 001.sql line 3 filters by user_id");
  }

  @Test
  void aTableThatGainsTheOwnerLaterGetsTheTenantThen() {
    var result = port(variables(), "001.sql", "create table usage (id int);",
        "002.sql", "alter table usage add column user_id uuid;\ncreate index u on usage (user_id);");
    assertThat(ported(result, 0)).endsWith("create table usage (id int);");
    assertThat(ported(result, 1)).contains("""
        alter table usage add column user_id uuid;
        ALTER TABLE usage ADD COLUMN IF NOT EXISTS agency_id uuid NOT NULL CONSTRAINT usage_agency_id_fkey REFERENCES agencies (id) ON DELETE CASCADE;
        CREATE INDEX IF NOT EXISTS idx_usage_agency_id ON usage (agency_id);
        create index u on usage (user_id);""");
  }

  @Test
  void droppedTablesAreNotExpectedAfterwards() {
    var result = port(variables(), "001.sql", "create table a (id int, user_id uuid);\ncreate table b (id int, user_id uuid);",
        "002.sql", "drop table if exists a;");
    assertThat(result.tablesChanged()).extracting(TableRef::display).containsExactly("a", "b");
    assertThat(result.tenantTables()).extracting(TableRef::display).containsExactly("b");
  }

  @Test
  void unparseableStatementsAreRejectedWithTheLineOfTheProblem() {
    assertThatThrownBy(() -> port(variables(), "001.sql", "-- one\ncreate table a (id int);\n\ncreate tabel b (id int);"))
        .isInstanceOfSatisfying(MigrationInvalidException.class, e -> {
          assertThat(e.kind()).isEqualTo(MigrationInvalidException.Kind.SOURCE_SQL);
          assertThat(e.file()).isEqualTo("001.sql");
          assertThat(e.line()).isEqualTo(4);
        });
  }

  @Test
  void statementsTheParserCannotReadButPostgresHasAreCarriedOverWithAWarning() {
    String sql = "create table a (id int, user_id uuid);\n"
        + "drop policy if exists \"old\" on a;\n"
        + "do $$ begin perform 1 where exists (select 1 from a where user_id is null); end $$;";
    var result = port(variables(), "001.sql", sql);
    assertThat(ported(result, 0)).contains("drop policy if exists \"old\" on a;", "do $$ begin perform 1");
    assertThat(result.files().getFirst().warnings()).hasSize(2)
        .anySatisfy(w -> assertThat(w).isEqualTo("001.sql:2: DROP POLICY carried over without parsing (the SQL parser does not read it)"))
        .anySatisfy(w -> assertThat(w).contains("001.sql:3: DO", "mentions user_id"));
  }

  @Test
  void theRevosExampleIsPortedDeterministically() throws Exception {
    List<String> args = new ArrayList<>();
    for (String name : PortFixtures.REVOS_FILES) {
      args.add(name);
      args.add(Files.readString(PortFixtures.REVOS.resolve("supabase/migrations").resolve(name)));
    }
    var first = port(variables(), args.toArray(String[]::new));
    var second = port(variables(), args.toArray(String[]::new));
    for (int i = 0; i < PortFixtures.REVOS_FILES.size(); i++) {
      assertThat(ported(first, i)).isEqualTo(ported(second, i));
      // Every ported statement parses again: the port never writes SQL it could not read itself.
      SqlMigrationTransformer.PortedFile reparsed = port(variables(), "x.sql", ported(first, i)).files().getFirst();
      assertThat(reparsed.script().statements()).isNotEmpty();
    }
    assertThat(first.tablesChanged()).extracting(TableRef::display).containsExactlyElementsOf(PortFixtures.CARTRIDGE_TABLES);
  }
}
