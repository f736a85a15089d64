package dev.sprintflow.worker.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks, through JDBC metadata only, that the database holds what the port promised: every
 * tenant-ised table exists with the tenant column (type, nullability), an index led by it and, if
 * asked for, its foreign key. Reading the catalogue rather than trusting Flyway's "success" catches
 * migrations that ran but did something else.
 */
final class SchemaVerifier {

  private static final Map<String, String> TYPE_ALIASES = Map.of(
      "int4", "integer", "int", "integer", "int8", "bigint", "int2", "smallint", "character varying", "varchar",
      "timestamptz", "timestamp with time zone", "bool", "boolean", "character", "char");

  /**
   * @param index name of an index whose first column is the tenant column, or null
   * @param foreignKey e.g. {@code agencies(id)}, or null
   */
  record TableCheck(String table, boolean exists, boolean tenantColumn, String tenantColumnType, Boolean tenantColumnNullable,
      String index, String foreignKey) {}

  /** The outcome; {@code problems} is empty exactly when {@code passed}. */
  record Verification(boolean passed, String databaseProduct, String schema, List<TableCheck> tables, List<String> problems) {}

  private SchemaVerifier() {}

  static Verification verify(DataSource dataSource, String schema, PortSettings.TenantColumn tenant, List<TableRef> tables)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData md = connection.getMetaData();
      String defaultSchema = schema != null && !schema.isBlank() ? schema : connection.getSchema();
      List<TableCheck> checks = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (TableRef table : tables) {
        String s = stored(md, table.schema() != null ? table.schema() : defaultSchema);
        String t = stored(md, table.name());
        String column = stored(md, tenant.name());
        if (!exists(md, s, t)) {
          checks.add(new TableCheck(table.display(), false, false, null, null, null, null));
          problems.add("table %s does not exist".formatted(table.display()));
          continue;
        }
        String type = null;
        Boolean nullable = null;
        try (ResultSet rs = md.getColumns(connection.getCatalog(), s, t, column)) {
          if (rs.next()) {
            type = rs.getString("TYPE_NAME");
            nullable = "YES".equalsIgnoreCase(rs.getString("IS_NULLABLE"));
          }
        }
        String index = index(md, connection.getCatalog(), s, t, column);
        String foreignKey = tenant.hasForeignKey() ? foreignKey(md, connection.getCatalog(), s, t, column) : null;
        checks.add(new TableCheck(table.display(), true, type != null, type, nullable, index, foreignKey));
        if (type == null) {
          problems.add("%s has no column %s".formatted(table.display(), tenant.name()));
          continue;
        }
        if (!sameType(type, tenant.type())) {
          problems.add("%s.%s is %s, expected %s".formatted(table.display(), tenant.name(), type, tenant.type()));
        }
        if (nullable != tenant.nullable()) {
          problems.add("%s.%s is %s, expected %s".formatted(table.display(), tenant.name(),
              nullable ? "nullable" : "NOT NULL", tenant.nullable() ? "nullable" : "NOT NULL"));
        }
        if (tenant.index() && index == null) {
          problems.add("%s has no index on %s".formatted(table.display(), tenant.name()));
        }
        if (tenant.hasForeignKey()) {
          String expected = TableRef.parse(tenant.referencedTable()).name() + "(" + tenant.referencedColumn().toLowerCase(Locale.ROOT) + ")";
          if (foreignKey == null || !foreignKey.equalsIgnoreCase(expected)) {
            problems.add("%s.%s references %s, expected %s".formatted(table.display(), tenant.name(),
                foreignKey == null ? "nothing" : foreignKey, expected));
          }
        }
      }
      return new Verification(problems.isEmpty(), md.getDatabaseProductName(), defaultSchema, checks, problems);
    }
  }

  private static boolean exists(DatabaseMetaData md, String schema, String table) throws SQLException {
    try (ResultSet rs = md.getTables(md.getConnection().getCatalog(), schema, table, null)) {
      return rs.next();
    }
  }

  private static String index(DatabaseMetaData md, String catalog, String schema, String table, String column)
      throws SQLException {
    try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
      while (rs.next()) {
        if (rs.getShort("ORDINAL_POSITION") == 1 && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
          return rs.getString("INDEX_NAME");
        }
      }
    }
    return null;
  }

  private static String foreignKey(DatabaseMetaData md, String catalog, String schema, String table, String column)
      throws SQLException {
    try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
      while (rs.next()) {
        if (column.equalsIgnoreCase(rs.getString("FKCOLUMN_NAME"))) {
          return rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "(" + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT) + ")";
        }
      }
    }
    return null;
  }

  /** The name as the catalogue stores unquoted identifiers (PostgreSQL: lower case; H2 default: upper). */
  private static String stored(DatabaseMetaData md, String name) throws SQLException {
    if (name == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
      return name; // null, or quoted with capitals: stored exactly as written
    }
    if (md.storesUpperCaseIdentifiers()) {
      return name.toUpperCase(Locale.ROOT);
    }
    return md.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
  }

  static boolean sameType(String actual, String expected) {
    return normalType(actual).equals(normalType(expected));
  }

  private static String normalType(String type) {
    String base = type.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").replace("\"", "").trim().replaceAll("\\s+", " ");
    return TYPE_ALIASES.getOrDefault(base, base);
  }
}
