package dev.sprintflow.worker.migration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated migration-port request: every value checked, every default applied. Built by
 * {@link MigrationPortRequest#validate()}.
 *
 * @param tables tables to tenant-ise, lower case; empty = every table that has the owner column
 * @param tenantExpression SQL expression yielding the caller's tenant (used in rewritten policies), or null
 */
record PortSettings(
    String sourceWorkspace,
    List<String> sourceFiles,
    String targetWorkspace,
    String targetDirectory,
    MigrationNaming.Style naming,
    Long numberingStart,
    Map<Long, Long> numberingMapping,
    String ownerColumn,
    boolean ownerOptional,
    TenantColumn tenant,
    Set<String> tables,
    String tenantExpression,
    PolicyMode policyMode,
    String targetDatabase,
    String historyTable,
    boolean dryRun) {

  /**
   * The column that carries the tenant.
   *
   * @param type SQL type as written in the target (e.g. {@code uuid})
   * @param referencedTable table of the foreign key, e.g. {@code agencies} or {@code public.agencies}; null = no foreign key
   * @param referencedColumn column of the foreign key, e.g. {@code id}
   * @param onDelete referential action, e.g. {@code CASCADE}
   * @param index create an index on the column
   */
  record TenantColumn(
      String name, String type, boolean nullable, String referencedTable, String referencedColumn, String onDelete,
      boolean index) {

    boolean hasForeignKey() {
      return referencedTable != null;
    }
  }

  /** How owner filters in policies and views become tenant filters. */
  enum PolicyMode {
    /** {@code user_id = auth.uid()} becomes {@code agency_id = <tenantExpression>}. */
    TENANT,
    /** ... becomes {@code (<tenant-rewritten>) AND (<original>)}: tenant and owner must both match. */
    TENANT_AND_OWNER;

    static PolicyMode of(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "tenant" -> TENANT;
        case "tenant-and-owner" -> TENANT_AND_OWNER;
        default -> throw new IllegalArgumentException("must be 'tenant' or 'tenant-and-owner'");
      };
    }
  }
}
