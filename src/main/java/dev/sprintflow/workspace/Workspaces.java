package dev.sprintflow.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Resolves paths that come from process variables inside server-side workspaces. A path is
 * refused if it is absolute, contains a {@code ..} segment, or leads (through a symbolic link)
 * outside its workspace: a process must not be able to read or write anywhere else.
 */
@Component
public class Workspaces {

  private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

  private final Map<String, WorkspaceProperties.Workspace> workspaces;

  public Workspaces(WorkspaceProperties properties) {
    this.workspaces = properties.workspaces();
  }

  public Set<String> names() {
    return workspaces.keySet();
  }

  /** The workspace's real root folder (created first if the workspace says so). */
  public Path root(String workspace) {
    WorkspaceProperties.Workspace ws = workspaces.get(workspace);
    if (workspace == null || ws == null) {
      throw new WorkspaceException("Unknown workspace '%s'; configured workspaces: %s (sprintflow.workspaces.<name>.path)"
          .formatted(workspace, workspaces.isEmpty() ? "none" : String.join(", ", workspaces.keySet())));
    }
    if (ws.path() == null || ws.path().isBlank()) {
      throw new WorkspaceException("Workspace '%s' has no path (sprintflow.workspaces.%s.path)".formatted(workspace, workspace));
    }
    Path configured = Path.of(ws.path()).toAbsolutePath().normalize();
    try {
      if (ws.create()) {
        Files.createDirectories(configured);
      }
      if (!Files.isDirectory(configured)) {
        throw new WorkspaceException("Workspace '%s' folder %s does not exist".formatted(workspace, configured));
      }
      return configured.toRealPath();
    } catch (IOException e) {
      throw new WorkspaceException("Workspace '%s' folder %s cannot be used: %s".formatted(workspace, configured, e), e);
    }
  }

  /** An existing or future path inside the workspace; refuses escapes. */
  public Path resolve(String workspace, String relative) {
    Path root = root(workspace);
    Path path = root.resolve(checkedRelative(workspace, relative)).normalize();
    ensureInside(workspace, root, path, relative);
    return path;
  }

  /** A folder inside a writable workspace, created if missing. */
  public Path writableDirectory(String workspace, String relative) {
    if (workspaces.containsKey(workspace) && workspaces.get(workspace).readOnly()) {
      throw new WorkspaceException("Workspace '%s' is read-only".formatted(workspace));
    }
    Path dir = resolve(workspace, relative);
    try {
      Files.createDirectories(dir);
      ensureInside(workspace, root(workspace), dir.toRealPath(), relative);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new WorkspaceException("Cannot create '%s' in workspace '%s': %s".formatted(relative, workspace, e), e);
    }
  }

  /**
   * Regular files matching a glob (e.g. {@code supabase/migrations/0*.sql}, {@code db/**}{@code /*.sql})
   * relative to the workspace root, sorted by path. Matches that resolve outside the workspace are refused.
   */
  public List<Path> glob(String workspace, String pattern) {
    Path root = root(workspace);
    String checked = checkedRelative(workspace, pattern).toString().replace('\\', '/');
    // Walk only from the longest literal folder prefix, so "a/b/*.sql" does not scan the whole tree.
    String[] segments = checked.split("/");
    int literal = 0;
    while (literal < segments.length - 1 && !GLOB_CHARS.matcher(segments[literal]).find()) {
      literal++;
    }
    Path base = root.resolve(String.join("/", List.of(segments).subList(0, literal))).normalize();
    ensureInside(workspace, root, base, pattern);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + checked);
    int depth = checked.contains("**") ? Integer.MAX_VALUE : segments.length - literal;
    List<Path> matches = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base, depth)) {
      files.filter(p -> matcher.matches(root.relativize(p)))
          .filter(p -> Files.isRegularFile(p))
          .sorted()
          .forEach(p -> {
            ensureInside(workspace, root, p, root.relativize(p).toString());
            matches.add(p);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return matches;
  }

  /** The path relative to the workspace root, with forward slashes (for outputs and messages). */
  public String relativize(String workspace, Path path) {
    return root(workspace).relativize(path).toString().replace('\\', '/');
  }

  private static Path checkedRelative(String workspace, String relative) {
    if (relative == null || relative.isBlank()) {
      throw new WorkspaceException("An empty path in workspace '%s'".formatted(workspace));
    }
    if (relative.indexOf('\0') >= 0) {
      throw new WorkspaceException("Path '%s' in workspace '%s' contains a NUL character".formatted(relative, workspace));
    }
    String unified = relative.replace('\\', '/');
    Path path = Path.of(relative);
    if (path.isAbsolute() || unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
      throw new WorkspaceException("Path '%s' must be relative to workspace '%s', not absolute".formatted(relative, workspace));
    }
    for (String segment : unified.split("/")) {
      if (segment.equals("..")) {
        throw new WorkspaceException("Path '%s' may not contain '..': it must stay inside workspace '%s'"
            .formatted(relative, workspace));
      }
    }
    return path;
  }

  /** Checks the lexical path and, for its longest existing part, the real path (symbolic links). */
  private static void ensureInside(String workspace, Path root, Path path, String shown) {
    Path normalized = path.toAbsolutePath().normalize();
    if (!normalized.startsWith(root)) {
      throw escape(workspace, shown);
    }
    Path existing = normalized;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw escape(workspace, shown);
    }
    try {
      if (!existing.toRealPath().startsWith(root)) {
        throw escape(workspace, shown);
      }
    } catch (IOException e) {
      // A dangling symbolic link: its target cannot be checked, so it is not trusted.
      throw escape(workspace, shown);
    }
  }

  private static WorkspaceException escape(String workspace, String shown) {
    return new WorkspaceException("Path '%s' leads outside workspace '%s' and is refused".formatted(shown, workspace));
  }
}
