package dev.sprintflow.worker.migration;

import java.util.List;

/**
 * Output variables of a {@code migration-port} job.
 *
 * @param portedFiles every ported file, in the order they apply
 * @param tablesChanged tables that got the tenant column
 * @param statementsApplied SQL statements the database executed in this run (0 when all was applied before)
 * @param migrationsApplied target versions applied in this run
 * @param verification what the database looks like afterwards
 * @param warnings what a reviewer should check by hand (statements carried over unparsed, H2 differences)
 * @param summary Markdown for the reviewer: what changed, and a diff of source against ported file
 */
public record MigrationPortResult(
    List<PortedFile> portedFiles,
    List<String> tablesChanged,
    int statementsApplied,
    List<String> migrationsApplied,
    Verification verification,
    List<String> warnings,
    String summary) {

  /** Output variable names, in record order (the element template and the contract document list them). */
  public static final List<String> VARIABLES = List.of(
      "portedFiles", "tablesChanged", "statementsApplied", "migrationsApplied", "verification", "warnings", "summary");

  /**
   * @param source the source file, relative to the source workspace
   * @param path the ported file, relative to the target workspace
   * @param version target version
   * @param checksum {@code sha256:<hex>} of the ported file
   * @param statements statements in the ported file
   * @param status {@code written}, {@code unchanged} (identical file already there) or {@code planned} (dry run)
   */
  public record PortedFile(String source, String path, String version, String checksum, int statements, String status) {}

  /**
   * @param status {@code passed}, or {@code skipped} in a dry run
   * @param database the configured target database name
   * @param databaseProduct e.g. {@code PostgreSQL} or {@code H2}
   * @param historyTable Flyway history table the port uses
   */
  public record Verification(String status, String database, String databaseProduct, String schema, String historyTable,
      List<TableCheck> tables) {}

  /** One tenant-ised table as the database's catalogue shows it. */
  public record TableCheck(String table, boolean exists, boolean tenantColumn, String tenantColumnType,
      Boolean tenantColumnNullable, String index, String foreignKey) {}
}
