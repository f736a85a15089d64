package dev.sprintflow.worker.migration;

import dev.sprintflow.worker.migration.MigrationInvalidException.Kind;
import dev.sprintflow.worker.migration.PortedScript.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Ports migrations from an owner-scoped schema ({@code user_id}) to a tenant-scoped one
 * ({@code agency_id} + optional {@code user_id}) with JSqlParser: every statement is parsed; tables
 * with the owner column get the tenant column, its foreign key and index; owner filters in policies
 * and views become tenant filters; everything else is carried over verbatim. Files are handled in
 * order, because later migrations alter the tables of earlier ones.
 */
final class SqlMigrationTransformer {

  /** A source migration to port; {@code path} is how messages name it. */
  record SourceFile(String path, String text) {}

  /** One ported file with what changed and what a reviewer should look at. */
  record PortedFile(SourceFile source, PortedScript script, List<String> changes, List<String> warnings) {}

  /**
   * @param tablesChanged tables that got the tenant column, in order
   * @param tenantTables tables that should have it once all files are applied (dropped ones removed)
   */
  record Result(List<PortedFile> files, List<TableRef> tablesChanged, List<TableRef> tenantTables) {}

  /** Statements JSqlParser does not read but which are carried over verbatim (and named in warnings). */
  private static final Pattern PASS_THROUGH = Pattern.compile(
      "^(DO\\b|(DROP|ALTER) POLICY\\b|CREATE (OR REPLACE )?(CONSTRAINT )?(FUNCTION|PROCEDURE|TRIGGER|RULE|PUBLICATION)\\b"
          + "|(DROP|ALTER) (FUNCTION|PROCEDURE|TRIGGER|RULE|PUBLICATION)\\b|ALTER DEFAULT PRIVILEGES\\b|COMMENT ON\\b"
          + "|GRANT\\b|REVOKE\\b|CREATE EXTENSION\\b|SECURITY LABEL\\b)");

  private final PortSettings settings;
  private final TenantColumnSql tenantSql;

  SqlMigrationTransformer(PortSettings settings) {
    this.settings = settings;
    this.tenantSql = new TenantColumnSql(settings.tenant());
  }

  /** @throws MigrationInvalidException for unparseable SQL or a request that does not fit the sources */
  Result transform(List<SourceFile> sources) {
    List<ParsedFile> parsed = new ArrayList<>();
    for (SourceFile source : sources) {
      parsed.add(parse(source));
    }
    TableSelection selection = TableSelection.of(settings, parsed);
    Map<String, TableRef> tenantised = new LinkedHashMap<>();
    List<TableRef> changed = new ArrayList<>();
    OwnerFilterRewriter rewriter = new OwnerFilterRewriter(settings.ownerColumn(), settings.tenant().name(),
        settings.tenantExpression(), settings.policyMode(),
        t -> tenantised.values().stream().anyMatch(t::sameAs));
    List<PortedFile> files = new ArrayList<>();
    for (int f = 0; f < sources.size(); f++) {
      var file = new FileTransformer(sources.get(f), selection, tenantised, changed, rewriter, settings, tenantSql);
      files.add(file.transform(parsed.get(f)));
    }
    return new Result(files, List.copyOf(changed), List.copyOf(tenantised.values()));
  }

  /**
   * A statement with its parse result.
   *
   * @param ast null for statements carried over unparsed
   * @param words the code in upper case without comments, for keyword checks
   */
  record Parsed(SqlScript.Chunk chunk, net.sf.jsqlparser.statement.Statement ast, PortedScript.Kind kind, String words) {}

  /** A parsed source file. */
  record ParsedFile(List<Parsed> statements, String trailer) {}

  private static ParsedFile parse(SourceFile source) {
    SqlScript script;
    try {
      script = SqlScript.parse(source.text());
    } catch (SqlSyntaxException e) {
      throw new MigrationInvalidException(Kind.SOURCE_SQL, source.path(), e.line(), e.getMessage(), e);
    }
    List<Parsed> out = new ArrayList<>();
    for (SqlScript.Chunk chunk : script.statements()) {
      String words = codeWords(chunk.sql());
      net.sf.jsqlparser.statement.Statement ast = null;
      JSQLParserException failure = null;
      try {
        ast = SqlParsing.parse(chunk.sql());
      } catch (JSQLParserException e) {
        failure = e;
      }
      boolean passThrough = PASS_THROUGH.matcher(words).find();
      if ((failure != null || ast instanceof UnsupportedStatement) && !passThrough) {
        throw invalidSql(source, chunk, failure);
      }
      if (failure != null || ast instanceof UnsupportedStatement) {
        ast = null;
      }
      out.add(new Parsed(chunk, ast, kindOf(ast, words), words));
    }
    return new ParsedFile(out, script.trailer());
  }

  private static PortedScript.Kind kindOf(net.sf.jsqlparser.statement.Statement ast, String words) {
    if (ast instanceof Alter alter) {
      boolean rls = alter.getAlterExpressions() != null && alter.getAlterExpressions().stream()
          .map(AlterExpression::getOperation)
          .anyMatch(op -> op != null && op.name().endsWith("ROW_LEVEL_SECURITY"));
      return rls ? PortedScript.Kind.ROW_LEVEL_SECURITY : PortedScript.Kind.TABLE_OR_INDEX;
    }
    String name = ast == null ? "" : ast.getClass().getSimpleName();
    if (name.equals("CreatePolicy") || words.matches("^(DROP|ALTER) POLICY\\b.*")) {
      return PortedScript.Kind.POLICY;
    }
    if (name.equals("CreateTable") || name.equals("CreateIndex") || name.equals("Drop") && words.startsWith("DROP TABLE")
        || name.equals("Drop") && words.startsWith("DROP INDEX")) {
      return PortedScript.Kind.TABLE_OR_INDEX;
    }
    if (words.matches("^(DO\\b|CREATE (OR REPLACE )?(CONSTRAINT )?(FUNCTION|PROCEDURE|TRIGGER|RULE)\\b"
        + "|(DROP|ALTER) (FUNCTION|PROCEDURE|TRIGGER|RULE)\\b).*")) {
      return PortedScript.Kind.PROCEDURAL;
    }
    if (words.matches("^(GRANT|REVOKE|ALTER DEFAULT PRIVILEGES)\\b.*")) {
      return PortedScript.Kind.PRIVILEGE;
    }
    if (words.matches("^(CREATE EXTENSION|SECURITY LABEL|(CREATE|ALTER|DROP) PUBLICATION)\\b.*")) {
      return PortedScript.Kind.PLATFORM;
    }
    return PortedScript.Kind.OTHER;
  }

  /** The statement's code in upper case with comments dropped and whitespace folded, for keyword checks. */
  static String codeWords(String sql) {
    byte[] kind = SqlLexer.classify(sql);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      out.append(kind[i] == SqlLexer.SPACE ? ' ' : sql.charAt(i));
    }
    return out.toString().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  private static MigrationInvalidException invalidSql(SourceFile source, SqlScript.Chunk chunk, JSQLParserException e) {
    int line = chunk.line();
    String problem = "cannot parse this statement";
    ParseException parse = findParseException(e);
    if (parse != null && parse.currentToken != null && parse.currentToken.next != null) {
      Token token = parse.currentToken.next;
      line = chunk.line() + Math.max(0, token.beginLine - 1);
      problem = token.kind == 0
          ? "the statement ends unexpectedly"
          : "unexpected '%s' at column %d".formatted(token.image, token.beginColumn);
    } else if (e == null) {
      problem = "this kind of statement is not supported by the SQL parser";
    }
    String first = chunk.sql().lines().findFirst().orElse("").strip();
    return new MigrationInvalidException(Kind.SOURCE_SQL, source.path(), line,
        "%s (statement starting on line %d: %s)".formatted(problem, chunk.line(),
            first.length() > 80 ? first.substring(0, 80) + "..." : first), e);
  }

  private static ParseException findParseException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ParseException p) {
        return p;
      }
    }
    return null;
  }

  /** Renders the tenant column, its constraint and index in PostgreSQL syntax, from parser objects. */
  static final class TenantColumnSql {
    private final PortSettings.TenantColumn tenant;

    TenantColumnSql(PortSettings.TenantColumn tenant) {
      this.tenant = tenant;
    }

    String columnDefinition(TableRef table) {
      List<String> specs = new ArrayList<>();
      if (!tenant.nullable()) {
        specs.addAll(List.of("NOT", "NULL"));
      }
      if (tenant.hasForeignKey()) {
        specs.addAll(List.of("CONSTRAINT", constraintName(table), "REFERENCES",
            tenant.referencedTable() + " (" + tenant.referencedColumn() + ")", "ON", "DELETE", tenant.onDelete()));
      }
      return new ColumnDefinition(tenant.name(), new ColDataType(tenant.type()), specs).toString();
    }

    String constraintName(TableRef table) {
      return identifier(table.name() + "_" + tenant.name() + "_fkey");
    }

    String indexName(TableRef table) {
      return identifier("idx_" + table.name() + "_" + tenant.name());
    }

    String createIndex(TableRef table) {
      return "CREATE INDEX IF NOT EXISTS %s ON %s (%s)".formatted(indexName(table), table.written(), tenant.name());
    }

    String addColumn(TableRef table) {
      return "ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s".formatted(table.written(), columnDefinition(table));
    }

    /** PostgreSQL truncates names to 63 bytes; keep them unique with a short hash instead. */
    private static String identifier(String name) {
      String safe = name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
      if (safe.length() <= 63) {
        return safe;
      }
      return safe.substring(0, 54) + "_" + "%08x".formatted(safe.hashCode());
    }
  }

  static boolean addsColumn(AlterExpression e, String column) {
    return e.getOperation() == AlterOperation.ADD && e.getColDataTypeList() != null
        && e.getColDataTypeList().stream().anyMatch(c -> TableRef.fold(c.getColumnName()).equals(column));
  }

  static boolean hasColumn(CreateTable table, String column) {
    return table.getColumnDefinitions() != null
        && table.getColumnDefinitions().stream().anyMatch(c -> TableRef.fold(c.getColumnName()).equals(column));
  }

  static Statement carried(Parsed p) {
    return new Statement(p.chunk(), p.kind(), p.chunk().line(), false);
  }
}
