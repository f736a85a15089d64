package dev.sprintflow.worker.migration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Input variables of a {@code migration-port} job, as the process sends them. Nothing here is
 * trusted: {@link #validate()} checks every value and reports the variable by name.
 * Workspaces and the target database are names of server-side configuration, never paths or URLs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MigrationPortRequest(
    String sourceWorkspace,
    List<String> sourceFiles,
    String targetWorkspace,
    String targetDirectory,
    String targetNaming,
    Long numberingStart,
    Map<String, Object> numberingMapping,
    String ownerColumn,
    Boolean ownerOptional,
    String tenantColumn,
    String tenantColumnType,
    Boolean tenantColumnNullable,
    String tenantReferences,
    String tenantOnDelete,
    Boolean tenantIndex,
    List<String> tables,
    String tenantExpression,
    String policyMode,
    String targetDatabase,
    String historyTable,
    Boolean dryRun) {

  /** Every input variable, in the order of the record (the worker fetches exactly these). */
  public static final List<String> VARIABLES = List.of(
      "sourceWorkspace", "sourceFiles", "targetWorkspace", "targetDirectory", "targetNaming", "numberingStart",
      "numberingMapping", "ownerColumn", "ownerOptional", "tenantColumn", "tenantColumnType", "tenantColumnNullable",
      "tenantReferences", "tenantOnDelete", "tenantIndex", "tables", "tenantExpression", "policyMode",
      "targetDatabase", "historyTable", "dryRun");

  static final String DEFAULT_HISTORY_TABLE = "sprintflow_migration_port_history";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern TABLE = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern REFERENCE =
      Pattern.compile("\\s*((?:[A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*");
  private static final Set<String> ON_DELETE = Set.of("CASCADE", "RESTRICT", "NO ACTION", "SET NULL", "SET DEFAULT");
  private static final int MAX_SOURCE_PATTERNS = 1_000;

  /** @throws InvalidRequestException naming the first variable that is wrong */
  PortSettings validate() {
    boolean dry = dryRun != null && dryRun;
    String owner = identifier("ownerColumn", ownerColumn, "user_id");
    String tenant = identifier("tenantColumn", tenantColumn, "agency_id");
    if (owner.equalsIgnoreCase(tenant)) {
      throw new InvalidRequestException("tenantColumn", "must differ from ownerColumn ('%s')".formatted(owner));
    }
    boolean nullable = tenantColumnNullable != null && tenantColumnNullable;
    String onDelete = tenantOnDelete == null || tenantOnDelete.isBlank()
        ? "CASCADE" : tenantOnDelete.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (!ON_DELETE.contains(onDelete)) {
      throw new InvalidRequestException("tenantOnDelete", "must be one of %s, but is '%s'".formatted(ON_DELETE, tenantOnDelete));
    }
    if (onDelete.equals("SET NULL") && !nullable) {
      throw new InvalidRequestException("tenantOnDelete", "SET NULL needs tenantColumnNullable = true");
    }
    String refTable = null;
    String refColumn = null;
    if (tenantReferences != null && !tenantReferences.isBlank()) {
      Matcher m = REFERENCE.matcher(tenantReferences);
      if (!m.matches()) {
        throw new InvalidRequestException("tenantReferences", "must look like 'agencies(id)', but is '%s'".formatted(tenantReferences));
      }
      refTable = m.group(1);
      refColumn = m.group(2);
    }
    var tenantSpec = new PortSettings.TenantColumn(tenant, columnType(), nullable, refTable, refColumn, onDelete,
        tenantIndex == null || tenantIndex);

    String history = historyTable == null || historyTable.isBlank() ? DEFAULT_HISTORY_TABLE : historyTable.trim();
    if (!IDENTIFIER.matcher(history).matches()) {
      throw new InvalidRequestException("historyTable", "must be a plain SQL identifier, but is '%s'".formatted(historyTable));
    }
    MigrationNaming.Style style;
    try {
      style = targetNaming == null || targetNaming.isBlank() ? MigrationNaming.Style.NUMBERED : MigrationNaming.Style.of(targetNaming);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("targetNaming", e.getMessage() + ", but is '" + targetNaming + "'");
    }
    PortSettings.PolicyMode mode;
    try {
      mode = policyMode == null || policyMode.isBlank() ? PortSettings.PolicyMode.TENANT : PortSettings.PolicyMode.of(policyMode);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("policyMode", e.getMessage() + ", but is '" + policyMode + "'");
    }
    Map<Long, Long> mapping = mapping();
    if (numberingStart == null && mapping.isEmpty()) {
      throw new InvalidRequestException("numberingStart", "set numberingStart (first target number) or numberingMapping");
    }
    if (numberingStart != null && numberingStart < 1) {
      throw new InvalidRequestException("numberingStart", "must be at least 1, but is " + numberingStart);
    }
    String database = targetDatabase == null || targetDatabase.isBlank() ? null : targetDatabase.trim();
    if (database == null && !dry) {
      throw new InvalidRequestException("targetDatabase", "name the configured database to apply the migrations to (or set dryRun)");
    }
    return new PortSettings(
        required("sourceWorkspace", sourceWorkspace), patterns(), required("targetWorkspace", targetWorkspace),
        required("targetDirectory", targetDirectory), style, numberingStart, mapping, owner,
        ownerOptional != null && ownerOptional, tenantSpec, tableNames(), expression(), mode, database, history, dry);
  }

  private static String required(String variable, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(variable, "is required");
    }
    return value.trim();
  }

  private static String identifier(String variable, String value, String fallback) {
    String v = value == null || value.isBlank() ? fallback : value.trim();
    if (!IDENTIFIER.matcher(v).matches()) {
      throw new InvalidRequestException(variable, "must be a plain SQL identifier (letters, digits, _), but is '%s'".formatted(value));
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private List<String> patterns() {
    if (sourceFiles == null || sourceFiles.isEmpty()) {
      throw new InvalidRequestException("sourceFiles", "list at least one file or glob, e.g. [\"supabase/migrations/003_*.sql\"]");
    }
    if (sourceFiles.size() > MAX_SOURCE_PATTERNS) {
      throw new InvalidRequestException("sourceFiles", "at most %d patterns".formatted(MAX_SOURCE_PATTERNS));
    }
    List<String> out = new ArrayList<>();
    for (String p : sourceFiles) {
      if (p == null || p.isBlank()) {
        throw new InvalidRequestException("sourceFiles", "contains an empty entry");
      }
      out.add(p.trim());
    }
    return List.copyOf(out);
  }

  private Set<String> tableNames() {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tables == null ? List.<String>of() : tables) {
      if (t == null || !TABLE.matcher(t.trim()).matches()) {
        throw new InvalidRequestException("tables", "'%s' is not a table name (name or schema.name)".formatted(t));
      }
      out.add(t.trim().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private Map<Long, Long> mapping() {
    Map<Long, Long> out = new LinkedHashMap<>();
    if (numberingMapping == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : numberingMapping.entrySet()) {
      Long from = number(e.getKey());
      Long to = e.getValue() == null ? null : number(e.getValue().toString());
      if (from == null || to == null) {
        throw new InvalidRequestException("numberingMapping",
            "maps source version to target version, e.g. {\"003\": 8}; '%s' -> '%s' is not that".formatted(e.getKey(), e.getValue()));
      }
      out.put(from, to);
    }
    return out;
  }

  private static Long number(String text) {
    String t = text.trim();
    if (t.endsWith(".0")) {
      t = t.substring(0, t.length() - 2); // FEEL numbers arrive as 8.0
    }
    try {
      long v = Long.parseLong(t);
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The column type, checked by letting the SQL parser read it inside a column definition. */
  private String columnType() {
    String type = tenantColumnType == null || tenantColumnType.isBlank() ? "uuid" : tenantColumnType.trim();
    try {
      if (type.contains(";") || type.contains("--") || type.contains("/*")
          || !(SqlParsing.parse("CREATE TABLE t (c " + type + ")") instanceof CreateTable table)) {
        throw new InvalidRequestException("tenantColumnType", "'%s' is not a column type".formatted(type));
      }
      ColumnDefinition column = table.getColumnDefinitions().getFirst();
      if (column.getColumnSpecs() != null && !column.getColumnSpecs().isEmpty()) {
        throw new InvalidRequestException("tenantColumnType", "'%s' must be only a type; use the other tenant* variables for constraints"
            .formatted(type));
      }
      return column.getColDataType().toString();
    } catch (JSQLParserException e) {
      throw new InvalidRequestException("tenantColumnType", "'%s' is not a column type".formatted(type));
    }
  }

  private String expression() {
    if (tenantExpression == null || tenantExpression.isBlank()) {
      return null;
    }
    try {
      CCJSqlParserUtil.parseExpression(tenantExpression.trim());
      return tenantExpression.trim();
    } catch (JSQLParserException e) {
      throw new InvalidRequestException("tenantExpression", "is not an SQL expression: '%s'".formatted(tenantExpression));
    }
  }

  /** A request that cannot be carried out as given; the message starts with the variable's name. */
  static final class InvalidRequestException extends RuntimeException {
    private final String variable;

    InvalidRequestException(String variable, String problem) {
      super(variable + ": " + problem);
      this.variable = variable;
    }

    String variable() {
      return variable;
    }
  }
}
