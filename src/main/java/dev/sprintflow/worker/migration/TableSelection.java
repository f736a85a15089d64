package dev.sprintflow.worker.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Which tables get the tenant column: the ones the request names, or by default every table that
 * has the owner column (when created, or added later by ALTER TABLE).
 */
final class TableSelection {

  private final Set<String> explicit;
  private final List<TableRef> ownerTables;

  private TableSelection(Set<String> explicit, List<TableRef> ownerTables) {
    this.explicit = explicit;
    this.ownerTables = ownerTables;
  }

  /** @throws MigrationPortRequest.InvalidRequestException if a named table is not in the sources */
  static TableSelection of(PortSettings settings, List<SqlMigrationTransformer.ParsedFile> files) {
    List<TableRef> created = new ArrayList<>();
    List<TableRef> owners = new ArrayList<>();
    for (SqlMigrationTransformer.ParsedFile file : files) {
      for (SqlMigrationTransformer.Parsed p : file.statements()) {
        if (p.ast() instanceof CreateTable table) {
          TableRef ref = TableRef.of(table.getTable());
          created.add(ref);
          if (SqlMigrationTransformer.hasColumn(table, settings.ownerColumn())) {
            owners.add(ref);
          }
        } else if (p.ast() instanceof Alter alter && alter.getAlterExpressions() != null
            && alter.getAlterExpressions().stream().anyMatch(e -> SqlMigrationTransformer.addsColumn(e, settings.ownerColumn()))) {
          owners.add(TableRef.of(alter.getTable()));
        }
      }
    }
    for (String name : settings.tables()) {
      TableRef wanted = TableRef.parse(name);
      if (created.stream().noneMatch(wanted::sameAs) && owners.stream().noneMatch(wanted::sameAs)) {
        throw new MigrationPortRequest.InvalidRequestException("tables",
            "'%s' is not created by the source migrations (they create: %s)"
                .formatted(name, created.stream().map(TableRef::display).distinct().toList()));
      }
    }
    return new TableSelection(settings.tables(), List.copyOf(owners));
  }

  boolean selected(TableRef table) {
    return explicit.isEmpty() ? ownerTables.stream().anyMatch(table::sameAs) : explicitlyNamed(table);
  }

  /** Named in the request's {@code tables} (then it is tenant-ised even without an owner column). */
  boolean explicitlyNamed(TableRef table) {
    return explicit.stream().map(TableRef::parse).anyMatch(table::sameAs);
  }
}
