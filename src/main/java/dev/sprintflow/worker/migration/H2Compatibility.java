package dev.sprintflow.worker.migration;

import dev.sprintflow.worker.migration.PortedScript.Kind;
import dev.sprintflow.worker.migration.PortedScript.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Makes ported PostgreSQL migrations runnable on the H2 sandbox (PostgreSQL mode). Only what H2
 * executes changes; the ported files stay PostgreSQL. H2 has no row-level security, policies,
 * PL/pgSQL, Supabase roles or extensions: such statements are commented out. A few spellings
 * H2 does not accept are respelled through the parser. Lines never move, so H2's and Flyway's line
 * numbers still point into the ported file.
 */
final class H2Compatibility {

  private static final Map<Kind, String> SKIPPED = Map.of(
      Kind.POLICY, "H2 has no row-level security policies",
      Kind.ROW_LEVEL_SECURITY, "H2 has no row-level security",
      Kind.PROCEDURAL, "H2 does not run PL/pgSQL functions, triggers or DO blocks",
      Kind.PRIVILEGE, "H2 has no Supabase roles to grant to",
      Kind.PLATFORM, "H2 has no PostgreSQL extensions or publications");

  /** The adapted script and one note per kind of change, for the job's warnings. */
  record Adapted(PortedScript script, List<String> notes, int skipped) {}

  private H2Compatibility() {}

  static Adapted adapt(PortedScript script, String fileName) {
    Set<String> notes = new LinkedHashSet<>();
    List<Statement> out = new ArrayList<>();
    int skipped = 0;
    for (Statement s : script.statements()) {
      String reason = SKIPPED.get(s.kind());
      if (reason != null) {
        out.add(new Statement(s.chunk().withSql(commentedOut(s.chunk().sql())).withTerminator(
            s.chunk().terminator().replace(";", " ")), s.kind(), s.sourceLine(), s.added()));
        notes.add("%s: %d %s statement(s) not applied on H2 (%s)".formatted(fileName,
            count(script, s.kind()), s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), reason));
        skipped++;
      } else if (s.kind() == Kind.TABLE_OR_INDEX) {
        out.add(respelled(s, fileName, notes));
      } else {
        out.add(s);
      }
    }
    return new Adapted(script.withStatements(out), List.copyOf(notes), skipped);
  }

  private static Statement respelled(Statement s, String fileName, Set<String> notes) {
    net.sf.jsqlparser.statement.Statement ast;
    try {
      ast = SqlParsing.parse(s.chunk().sql());
    } catch (JSQLParserException e) {
      return s; // the port parsed it before; if this fails, H2 reports the problem itself
    }
    boolean changed = false;
    if (ast instanceof CreateTable table && table.getColumnDefinitions() != null) {
      for (ColumnDefinition c : table.getColumnDefinitions()) {
        changed |= respell(c, fileName, notes);
      }
    } else if (ast instanceof Alter alter && alter.getAlterExpressions() != null) {
      for (AlterExpression e : alter.getAlterExpressions()) {
        for (ColumnDefinition c : e.getColDataTypeList() == null ? List.<ColumnDefinition>of() : e.getColDataTypeList()) {
          changed |= respell(c, fileName, notes);
        }
      }
    } else if (ast instanceof CreateIndex index && index.getWhere() != null) {
      index.setWhere(null);
      notes.add(fileName + ": partial indexes are created as full indexes on H2 (no WHERE)");
      changed = true;
    }
    if (!changed) {
      return s;
    }
    // One line, padded to the original line count, so later statements keep their line numbers.
    String sql = ast.toString() + "\n".repeat(SqlScript.lineBreaks(s.chunk().sql()));
    return new Statement(s.chunk().withSql(sql), s.kind(), s.sourceLine(), s.added());
  }

  private static boolean respell(ColumnDefinition column, String fileName, Set<String> notes) {
    boolean changed = false;
    ColDataType type = column.getColDataType();
    String name = type.getDataType().toLowerCase(Locale.ROOT);
    if (name.equals("timestamptz") || name.equals("timetz")) {
      type.setDataType(name.equals("timestamptz") ? "timestamp with time zone" : "time with time zone");
      notes.add(fileName + ": timestamptz/timetz written as timestamp/time with time zone for H2");
      changed = true;
    }
    if (type.getArrayData() != null && !type.getArrayData().isEmpty()) {
      type.setArrayData(new ArrayList<>());
      type.setDataType(type.getDataType() + " array");
      notes.add(fileName + ": PostgreSQL arrays (type[]) written as 'type array' for H2");
      changed = true;
    }
    List<String> specs = column.getColumnSpecs();
    int def = specs == null ? -1 : indexOfIgnoreCase(specs, "DEFAULT");
    if (def > 0 && def + 1 < specs.size()) {
      // H2 wants DEFAULT before constraints such as PRIMARY KEY; PostgreSQL takes any order.
      List<String> reordered = new ArrayList<>(specs.subList(def, def + 2));
      reordered.addAll(specs.subList(0, def));
      reordered.addAll(specs.subList(def + 2, specs.size()));
      column.setColumnSpecs(reordered);
      notes.add(fileName + ": DEFAULT moved before column constraints for H2");
      changed = true;
    }
    return changed;
  }

  private static int indexOfIgnoreCase(List<String> list, String value) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).equalsIgnoreCase(value)) {
        return i;
      }
    }
    return -1;
  }

  private static long count(PortedScript script, Kind kind) {
    return script.statements().stream().filter(s -> s.kind() == kind).count();
  }

  private static String commentedOut(String sql) {
    StringBuilder out = new StringBuilder();
    sql.lines().forEach(line -> out.append(out.isEmpty() ? "-- [not applied on H2] " : "\n-- ").append(line));
    if (sql.endsWith("\n")) {
      out.append('\n');
    }
    return out.toString();
  }
}
