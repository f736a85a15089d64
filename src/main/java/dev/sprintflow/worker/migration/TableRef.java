package dev.sprintflow.worker.migration;

import java.util.Locale;
import net.sf.jsqlparser.schema.Table;

/**
 * A table name as PostgreSQL compares it: unquoted names fold to lower case, quoted ones keep
 * their case. A reference without a schema matches the same name in any schema.
 *
 * @param schema null when the SQL did not name one
 * @param written the name as the SQL spelled it (for generated statements)
 */
record TableRef(String schema, String name, String written) {

  static TableRef of(Table table) {
    return new TableRef(
        table.getSchemaName() == null ? null : fold(table.getSchemaName()), fold(table.getName()),
        table.getFullyQualifiedName());
  }

  /** From configuration, e.g. {@code agencies} or {@code public.agencies}. */
  static TableRef parse(String text) {
    int dot = text.indexOf('.');
    return dot < 0
        ? new TableRef(null, fold(text), text)
        : new TableRef(fold(text.substring(0, dot)), fold(text.substring(dot + 1)), text);
  }

  static String fold(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  boolean sameAs(TableRef other) {
    return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
  }

  /** The name for messages and outputs, e.g. {@code brand_cartridges} or {@code app.brand_cartridges}. */
  String display() {
    return schema == null ? name : schema + "." + name;
  }
}
