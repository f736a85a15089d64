package dev.sprintflow.worker.migration;

import dev.sprintflow.datasource.TargetDataSources;
import dev.sprintflow.datasource.UnknownTargetDataSourceException;
import dev.sprintflow.worker.migration.MigrationInvalidException.Kind;
import dev.sprintflow.workspace.WorkspaceException;
import dev.sprintflow.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ports SQL migrations from one workspace to another and proves them on a target database:
 * read the sources, transform them ({@link SqlMigrationTransformer}), write the ported files
 * (only when their content differs), apply them with Flyway ({@link FlywayApplier}) and check the
 * catalogue ({@link SchemaVerifier}). Every step is repeatable, so a job retried after a crash
 * ends in the same state and changes nothing the second time.
 */
@Service
public class MigrationPortService {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationPortService.class);
  private static final long MAX_SOURCE_BYTES = 5L * 1024 * 1024;

  private final Workspaces workspaces;
  private final TargetDataSources dataSources;

  public MigrationPortService(Workspaces workspaces, TargetDataSources dataSources) {
    this.workspaces = workspaces;
    this.dataSources = dataSources;
  }

  /**
   * @throws MigrationInvalidException when a human has to fix the request, the sources or the target
   * @throws TargetDatabaseUnavailableException when the target database cannot be reached (retry later)
   */
  public MigrationPortResult port(MigrationPortRequest request) {
    PortSettings settings;
    try {
      settings = request.validate();
    } catch (MigrationPortRequest.InvalidRequestException e) {
      throw new MigrationInvalidException(Kind.REQUEST, e.getMessage());
    }
    try {
      return port(settings);
    } catch (MigrationPortRequest.InvalidRequestException e) {
      throw new MigrationInvalidException(Kind.REQUEST, null, null, e.getMessage(), e);
    } catch (WorkspaceException e) {
      throw new MigrationInvalidException(Kind.WORKSPACE, null, null, e.getMessage(), e);
    } catch (UnknownTargetDataSourceException e) {
      throw new MigrationInvalidException(Kind.REQUEST, null, null, "targetDatabase: " + e.getMessage(), e);
    }
  }

  private MigrationPortResult port(PortSettings s) {
    List<Source> sources = readSources(s);
    List<MigrationNaming.Renumbered> numbering;
    try {
      numbering = MigrationNaming.renumber(
          sources.stream().map(Source::versioned).toList(), s.naming(), s.numberingStart(), s.numberingMapping());
    } catch (IllegalArgumentException e) { // the message starts with the variable's name
      throw new MigrationInvalidException(Kind.REQUEST, e.getMessage());
    }
    var transformed = new SqlMigrationTransformer(s).transform(
        sources.stream().map(src -> new SqlMigrationTransformer.SourceFile(src.path(), src.text())).toList());

    Path targetDir = s.dryRun() ? workspaces.resolve(s.targetWorkspace(), s.targetDirectory())
        : workspaces.writableDirectory(s.targetWorkspace(), s.targetDirectory());
    checkVersionCollisions(targetDir, numbering);
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      MigrationNaming.Renumbered n = numbering.get(i);
      Path file = workspaces.resolve(s.targetWorkspace(), s.targetDirectory() + "/" + n.targetName());
      targets.add(new Target(sources.get(i), n, file, workspaces.relativize(s.targetWorkspace(), file),
          transformed.files().get(i)));
    }
    List<String> warnings = new ArrayList<>();
    transformed.files().forEach(f -> warnings.addAll(f.warnings()));

    if (s.dryRun()) {
      List<MigrationPortResult.PortedFile> files = targets.stream().map(t -> t.output(Files.exists(t.file()) && t.sameAsOnDisk()
          ? "unchanged" : "planned", t.script().statements().size())).toList();
      var verification = new MigrationPortResult.Verification("skipped", s.targetDatabase(), null, null, s.historyTable(), List.of());
      return result(s, targets, files, transformed, 0, List.of(), verification, warnings,
          "Dry run: nothing was written or applied.");
    }

    DataSource dataSource = dataSources.get(s.targetDatabase());
    String schema = dataSources.schema(s.targetDatabase());
    String product = FlywayApplier.databaseProduct(dataSource, s.targetDatabase());
    boolean h2 = product.toUpperCase().contains("H2");
    List<FlywayApplier.Migration> migrations = new ArrayList<>();
    Map<String, Integer> executable = new java.util.HashMap<>();
    for (Target t : targets) {
      PortedScript applied = t.script();
      int skipped = 0;
      if (h2) {
        H2Compatibility.Adapted adapted = H2Compatibility.adapt(applied, t.numbering().targetName());
        applied = adapted.script();
        skipped = adapted.skipped();
        warnings.addAll(adapted.notes());
      }
      migrations.add(new FlywayApplier.Migration(t.numbering().targetName(), t.path(), applied.render()));
      executable.put(Long.toString(t.numbering().targetVersion()), applied.statements().size() - skipped);
    }
    FlywayApplier.checkHistory(dataSource, s.targetDatabase(), schema, s.historyTable(), s.naming(), migrations);
    List<MigrationPortResult.PortedFile> files = new ArrayList<>();
    for (Target t : targets) {
      files.add(t.output(write(t) ? "written" : "unchanged", t.script().statements().size()));
    }
    FlywayApplier.Applied applied;
    try {
      applied = FlywayApplier.apply(dataSource, s.targetDatabase(), schema, s.historyTable(), s.naming(), migrations, !h2);
    } catch (MigrationInvalidException e) {
      throw withSourceLine(e, targets);
    }
    List<String> versions = applied.versions().stream().map(v -> Long.toString(Long.parseLong(v))).toList();
    int statements = versions.stream().mapToInt(v -> executable.getOrDefault(v, 0)).sum();
    SchemaVerifier.Verification check;
    try {
      check = SchemaVerifier.verify(dataSource, schema, s.tenant(), transformed.tenantTables());
    } catch (SQLException e) {
      if (FlywayApplier.isConnectionProblem(e)) {
        throw FlywayApplier.unavailable(s.targetDatabase(), e);
      }
      throw new IllegalStateException("Reading the catalogue of '%s' failed: %s".formatted(s.targetDatabase(), e.getMessage()), e);
    }
    if (!check.passed()) {
      throw new MigrationInvalidException(Kind.VERIFICATION, null, null,
          "applied, but the database does not look as ported: " + String.join("; ", check.problems()), null);
    }
    var verification = new MigrationPortResult.Verification("passed", s.targetDatabase(), product, check.schema(),
        s.historyTable(), check.tables().stream().map(c -> new MigrationPortResult.TableCheck(c.table(), c.exists(),
            c.tenantColumn(), c.tenantColumnType(), c.tenantColumnNullable(), c.index(), c.foreignKey())).toList());
    LOG.info("migration-port: {} file(s) {} -> {}:{}, {} migration(s) applied to '{}' ({} statements), verification passed",
        targets.size(), s.sourceWorkspace(), s.targetWorkspace(), s.targetDirectory(), versions.size(), s.targetDatabase(), statements);
    String outcome = "%d statement(s) in %d migration(s) applied to `%s` (%s%s), history table `%s`; verification passed."
        .formatted(statements, versions.size(), s.targetDatabase(), product, h2 ? ", H2 sandbox: see below" : "", s.historyTable());
    return result(s, targets, files, transformed, statements, versions, verification, warnings, outcome);
  }

  private MigrationPortResult result(PortSettings s, List<Target> targets, List<MigrationPortResult.PortedFile> files,
      SqlMigrationTransformer.Result transformed, int statements, List<String> versions,
      MigrationPortResult.Verification verification, List<String> warnings, String outcome) {
    List<String> tables = transformed.tablesChanged().stream().map(TableRef::display).toList();
    String summary = MarkdownSummary.render(
        "Migration port %s → %s".formatted(s.sourceWorkspace(), s.targetWorkspace()),
        "%d file(s) ported; %s gained `%s`. %s".formatted(targets.size(),
            tables.isEmpty() ? "no table" : tables.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")),
            s.tenant().name(), outcome),
        files,
        targets.stream().map(t -> new MarkdownSummary.FileSection(t.source().path(), t.path(), t.source().text(),
            t.content(), t.ported().changes())).toList(),
        warnings);
    return new MigrationPortResult(files, tables, statements, versions, verification, List.copyOf(warnings), summary);
  }

  private List<Source> readSources(PortSettings s) {
    Set<Path> paths = new LinkedHashSet<>();
    for (String pattern : s.sourceFiles()) {
      List<Path> matches = workspaces.glob(s.sourceWorkspace(), pattern);
      if (matches.isEmpty()) {
        throw new MigrationPortRequest.InvalidRequestException("sourceFiles",
            "'%s' matches no file in workspace '%s'".formatted(pattern, s.sourceWorkspace()));
      }
      paths.addAll(matches);
    }
    List<Source> sources = new ArrayList<>();
    for (Path p : paths) {
      String name = p.getFileName().toString();
      String relative = workspaces.relativize(s.sourceWorkspace(), p);
      MigrationNaming.Versioned versioned = MigrationNaming.parse(name).orElseThrow(() ->
          new MigrationPortRequest.InvalidRequestException("sourceFiles",
              "'%s' has no version number (expected e.g. 003_name.sql or V3__name.sql)".formatted(relative)));
      sources.add(new Source(relative, versioned, read(p, relative)));
    }
    sources.sort((a, b) -> MigrationNaming.sourceOrder().compare(a.versioned(), b.versioned()));
    return sources;
  }

  private static String read(Path file, String relative) {
    try {
      if (Files.size(file) > MAX_SOURCE_BYTES) {
        throw new MigrationInvalidException(Kind.SOURCE_SQL, relative, null,
            "larger than %d MB; split it".formatted(MAX_SOURCE_BYTES / 1024 / 1024), null);
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MigrationInvalidException(Kind.SOURCE_SQL, relative, null, "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** A target version already used by another file in the target folder would be applied twice or skipped. */
  private static void checkVersionCollisions(Path targetDir, List<MigrationNaming.Renumbered> numbering) {
    if (!Files.isDirectory(targetDir)) {
      return;
    }
    try (var existing = Files.list(targetDir)) {
      for (Path p : existing.toList()) {
        String name = p.getFileName().toString();
        MigrationNaming.parse(name).ifPresent(v -> numbering.stream()
            .filter(n -> n.targetVersion() == v.version() && !n.targetName().equals(name))
            .findFirst()
            .ifPresent(n -> {
              throw new MigrationInvalidException(Kind.CONFLICT, null, null,
                  "target version %d of %s is already used by %s in the target folder; choose other numbers"
                      .formatted(n.targetVersion(), n.source().fileName(), name), null);
            }));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the file unless it already holds exactly this content (so a re-run leaves it untouched). */
  private static boolean write(Target t) {
    try {
      if (Files.exists(t.file()) && t.sameAsOnDisk()) {
        return false;
      }
      Path temp = Files.createTempFile(t.file().getParent(), "." + t.file().getFileName(), ".tmp");
      try {
        Files.writeString(temp, t.content(), StandardCharsets.UTF_8);
        Files.move(temp, t.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + t.file(), e);
    }
  }

  /** Adds the source file and line to a database error that names a line of a ported file. */
  private static MigrationInvalidException withSourceLine(MigrationInvalidException e, List<Target> targets) {
    if (e.kind() != Kind.DATABASE || e.line() == null) {
      return e;
    }
    for (Target t : targets) {
      if (t.path().equals(e.file())) {
        PortedScript.Located hit = null;
        for (PortedScript.Located l : t.script().located()) {
          if (l.line() <= e.line()) {
            hit = l;
          }
        }
        if (hit != null) {
          String detail = e.detail() + " (ported from %s line %d)".formatted(t.source().path(), hit.statement().sourceLine());
          return new MigrationInvalidException(Kind.DATABASE, e.file(), e.line(), detail, e.getCause());
        }
      }
    }
    return e;
  }

  private record Source(String path, MigrationNaming.Versioned versioned, String text) {}

  private record Target(Source source, MigrationNaming.Renumbered numbering, Path file, String path,
      SqlMigrationTransformer.PortedFile ported) {

    PortedScript script() {
      return ported.script();
    }

    String content() {
      return ported.script().render();
    }

    boolean sameAsOnDisk() {
      try {
        return Files.readString(file, StandardCharsets.UTF_8).equals(content());
      } catch (IOException e) {
        return false;
      }
    }

    MigrationPortResult.PortedFile output(String status, int statements) {
      return new MigrationPortResult.PortedFile(source.path(), path, Long.toString(numbering.targetVersion()),
          "sha256:" + sha256(content()), statements, status);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
