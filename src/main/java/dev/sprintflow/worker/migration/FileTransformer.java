package dev.sprintflow.worker.migration;

import dev.sprintflow.worker.migration.MigrationInvalidException.Kind;
import dev.sprintflow.worker.migration.PortedScript.Statement;
import dev.sprintflow.worker.migration.SqlMigrationTransformer.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.policy.CreatePolicy;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

/** Ports the statements of one file; the set of tenant-ised tables is shared with the files before and after. */
final class FileTransformer {

  private final SqlMigrationTransformer.SourceFile source;
  private final TableSelection selection;
  private final Map<String, TableRef> tenantised;
  private final List<TableRef> changed;
  private final OwnerFilterRewriter rewriter;
  private final PortSettings settings;
  private final SqlMigrationTransformer.TenantColumnSql tenantSql;
  private final Pattern ownerWord;
  private final List<Statement> out = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  FileTransformer(SqlMigrationTransformer.SourceFile source, TableSelection selection, Map<String, TableRef> tenantised,
      List<TableRef> changed, OwnerFilterRewriter rewriter, PortSettings settings,
      SqlMigrationTransformer.TenantColumnSql tenantSql) {
    this.source = source;
    this.selection = selection;
    this.tenantised = tenantised;
    this.changed = changed;
    this.rewriter = rewriter;
    this.settings = settings;
    this.tenantSql = tenantSql;
    this.ownerWord = Pattern.compile("(?i)\\b" + settings.ownerColumn() + "\\b");
  }

  SqlMigrationTransformer.PortedFile transform(SqlMigrationTransformer.ParsedFile parsed) {
    for (Parsed p : parsed.statements()) {
      try {
        switch (p.ast()) {
          case CreateTable table -> createTable(p, table);
          case Alter alter -> alter(p, alter);
          case CreatePolicy policy -> policy(p, policy);
          case CreateView view -> view(p, view);
          case Drop drop -> drop(p, drop);
          case null -> carriedUnparsed(p);
          default -> carry(p);
        }
      } catch (OwnerFilterRewriter.MissingTenantExpressionException e) {
        throw new MigrationPortRequest.InvalidRequestException("tenantExpression",
            "%s line %d filters by %s (%s); set tenantExpression to the SQL that yields the caller's %s"
                .formatted(source.path(), p.chunk().line(), settings.ownerColumn(), e.getMessage(), settings.tenant().name()));
      } catch (JSQLParserException e) {
        throw new MigrationInvalidException(Kind.SOURCE_SQL, source.path(), p.chunk().line(),
            "cannot rewrite this statement: " + e.getMessage(), e);
      }
    }
    String header = "-- Ported by Sprintflow migration-port from %s: %s also scoped by %s.\n-- Review the port's summary for every change.\n\n"
        .formatted(source.path(), settings.ownerColumn(), settings.tenant().name());
    return new SqlMigrationTransformer.PortedFile(source, new PortedScript(header, out, parsed.trailer()),
        List.copyOf(changes), List.copyOf(warnings));
  }

  private void createTable(Parsed p, CreateTable table) {
    TableRef ref = TableRef.of(table.getTable());
    boolean hasOwner = SqlMigrationTransformer.hasColumn(table, settings.ownerColumn());
    if (!selection.selected(ref) || isTenantised(ref) || !(hasOwner || selection.explicitlyNamed(ref))) {
      carry(p);
      return;
    }
    if (table.getColumnDefinitions() == null) {
      warnings.add("%s:%d: %s is created from a query or LIKE; add %s by hand"
          .formatted(source.path(), p.chunk().line(), ref.display(), settings.tenant().name()));
      carry(p);
      return;
    }
    if (SqlMigrationTransformer.hasColumn(table, settings.tenant().name())) {
      warnings.add("%s:%d: %s already has %s; left as it is"
          .formatted(source.path(), p.chunk().line(), ref.display(), settings.tenant().name()));
      tenantised.put(ref.display(), ref);
      carry(p);
      return;
    }
    String ownerReplacement = null;
    if (hasOwner && settings.ownerOptional()) {
      ColumnDefinition ownerColumn = table.getColumnDefinitions().stream()
          .filter(c -> TableRef.fold(c.getColumnName()).equals(settings.ownerColumn())).findFirst().orElseThrow();
      List<String> specs = withoutNotNull(ownerColumn.getColumnSpecs());
      if (specs.size() != sizeOf(ownerColumn.getColumnSpecs())) {
        ownerReplacement = new ColumnDefinition(ownerColumn.getColumnName(), ownerColumn.getColDataType(), specs).toString();
      }
    }
    String edited = CreateTableEditor.insertColumn(p.chunk().sql(), hasOwner ? settings.ownerColumn() : null,
        tenantSql.columnDefinition(ref), ownerReplacement);
    if (edited == null) {
      throw new MigrationInvalidException(Kind.SOURCE_SQL, source.path(), p.chunk().line(),
          "cannot find the column list of " + ref.display(), null);
    }
    out.add(new Statement(p.chunk().withSql(edited), p.kind(), p.chunk().line(), false));
    tenantise(ref, p, ownerReplacement != null);
  }

  private void alter(Parsed p, Alter alter) {
    TableRef ref = TableRef.of(alter.getTable());
    List<AlterExpression> expressions = alter.getAlterExpressions() == null ? List.of() : alter.getAlterExpressions();
    boolean addsOwner = expressions.stream().anyMatch(e -> SqlMigrationTransformer.addsColumn(e, settings.ownerColumn()));
    if (!addsOwner || !selection.selected(ref) || isTenantised(ref)) {
      carry(p);
      return;
    }
    boolean ownerLoosened = false;
    if (settings.ownerOptional()) {
      for (AlterExpression e : expressions) {
        for (AlterExpression.ColumnDataType c : e.getColDataTypeList() == null ? List.<AlterExpression.ColumnDataType>of() : e.getColDataTypeList()) {
          if (TableRef.fold(c.getColumnName()).equals(settings.ownerColumn())
              && withoutNotNull(c.getColumnSpecs()).size() != sizeOf(c.getColumnSpecs())) {
            c.setColumnSpecs(withoutNotNull(c.getColumnSpecs()));
            ownerLoosened = true;
          }
        }
      }
    }
    out.add(new Statement(ownerLoosened ? p.chunk().withSql(alter.toString()) : p.chunk(), p.kind(), p.chunk().line(), false));
    out.add(new Statement(new SqlScript.Chunk("\n", tenantSql.addColumn(ref), ";", p.chunk().line()),
        PortedScript.Kind.TABLE_OR_INDEX, p.chunk().line(), true));
    tenantise(ref, p, ownerLoosened);
  }

  private void tenantise(TableRef ref, Parsed p, boolean ownerLoosened) {
    PortSettings.TenantColumn tenant = settings.tenant();
    if (tenant.index()) {
      out.add(new Statement(new SqlScript.Chunk("\n", tenantSql.createIndex(ref), ";", p.chunk().line()),
          PortedScript.Kind.TABLE_OR_INDEX, p.chunk().line(), true));
    }
    tenantised.put(ref.display(), ref);
    changed.add(ref);
    changes.add("%s: added %s %s%s%s%s%s".formatted(ref.display(), tenant.name(), tenant.type(),
        tenant.nullable() ? "" : " NOT NULL",
        tenant.hasForeignKey() ? " -> %s(%s) ON DELETE %s".formatted(tenant.referencedTable(), tenant.referencedColumn(), tenant.onDelete()) : "",
        tenant.index() ? ", index " + tenantSql.indexName(ref) : "",
        ownerLoosened ? "; " + settings.ownerColumn() + " is now optional" : ""));
  }

  private void policy(Parsed p, CreatePolicy policy) throws JSQLParserException {
    Table table = policy.getTable();
    OwnerFilterRewriter.Outcome using = rewriter.rewrite(policy.getUsingExpression(), table);
    OwnerFilterRewriter.Outcome check = rewriter.rewrite(policy.getWithCheckExpression(), table);
    if (using.changed() || check.changed()) {
      policy.setUsingExpression(using.expression());
      policy.setWithCheckExpression(check.expression());
      out.add(new Statement(p.chunk().withSql(policy.toString()), p.kind(), p.chunk().line(), false));
      changes.add("policy %s on %s: %d %s filter(s) now filter by %s".formatted(policy.getPolicyName(),
          TableRef.of(table).display(), using.rewritten() + check.rewritten(), settings.ownerColumn(), settings.tenant().name()));
    } else {
      carry(p);
    }
    if (using.leftOver() + check.leftOver() > 0) {
      warnings.add("%s:%d: policy %s still uses %s in a way that was not rewritten; check it by hand"
          .formatted(source.path(), p.chunk().line(), policy.getPolicyName(), settings.ownerColumn()));
    }
  }

  private void view(Parsed p, CreateView view) {
    if (view.getSelect() == null) {
      carry(p);
      return;
    }
    OwnerFilterRewriter.Outcome outcome = rewriter.rewrite(view.getSelect());
    if (outcome.changed()) {
      out.add(new Statement(p.chunk().withSql(view.toString()), p.kind(), p.chunk().line(), false));
      changes.add("view %s: %d %s filter(s) now filter by %s".formatted(TableRef.of(view.getView()).display(),
          outcome.rewritten(), settings.ownerColumn(), settings.tenant().name()));
    } else {
      carry(p);
    }
    if (outcome.leftOver() > 0) {
      warnings.add("%s:%d: view %s still uses %s in a way that was not rewritten; check it by hand"
          .formatted(source.path(), p.chunk().line(), TableRef.of(view.getView()).display(), settings.ownerColumn()));
    }
  }

  private void drop(Parsed p, Drop drop) {
    if ("TABLE".equalsIgnoreCase(drop.getType())) {
      List<Table> names = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames() : List.of(drop.getName());
      for (Table t : names) {
        TableRef ref = TableRef.of(t);
        tenantised.values().removeIf(ref::sameAs);
      }
    }
    carry(p);
  }

  private void carriedUnparsed(Parsed p) {
    carry(p);
    String what = p.words().split(" ").length > 1 ? p.words().split(" ")[0] + " " + p.words().split(" ")[1] : p.words();
    warnings.add("%s:%d: %s carried over without parsing (the SQL parser does not read it)%s".formatted(source.path(),
        p.chunk().line(), what, mentionsOwner(p) ? "; it mentions " + settings.ownerColumn() + ": check it by hand" : ""));
  }

  private void carry(Parsed p) {
    out.add(SqlMigrationTransformer.carried(p));
    if (p.ast() != null && p.kind() == PortedScript.Kind.PROCEDURAL && mentionsOwner(p)) {
      warnings.add("%s:%d: procedural code mentions %s and is not rewritten; check it by hand"
          .formatted(source.path(), p.chunk().line(), settings.ownerColumn()));
    }
  }

  private boolean mentionsOwner(Parsed p) {
    return ownerWord.matcher(p.chunk().sql()).find();
  }

  private boolean isTenantised(TableRef ref) {
    return tenantised.values().stream().anyMatch(ref::sameAs);
  }

  private static int sizeOf(List<String> specs) {
    return specs == null ? 0 : specs.size();
  }

  /** Column specs without NOT NULL (as one token or two). */
  static List<String> withoutNotNull(List<String> specs) {
    List<String> result = new ArrayList<>();
    List<String> in = specs == null ? List.of() : specs;
    for (int i = 0; i < in.size(); i++) {
      String s = in.get(i).toUpperCase(Locale.ROOT);
      if (s.equals("NOT NULL")) {
        continue;
      }
      if (s.equals("NOT") && i + 1 < in.size() && in.get(i + 1).equalsIgnoreCase("NULL")) {
        i++;
        continue;
      }
      result.add(in.get(i));
    }
    return result;
  }
}
