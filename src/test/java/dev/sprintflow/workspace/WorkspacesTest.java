package dev.sprintflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTest {

  @TempDir Path tmp;
  Path root;
  Path outside;
  Workspaces workspaces;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("ws"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("002_secret.sql"), "select 1;");
    Files.createDirectories(root.resolve("db/migrations/old"));
    Files.writeString(root.resolve("db/migrations/001_a.sql"), "");
    Files.writeString(root.resolve("db/migrations/003_c.sql"), "");
    Files.writeString(root.resolve("db/migrations/old/000_z.sql"), "");
    Files.writeString(root.resolve("db/migrations/notes.md"), "");
    workspaces = new Workspaces(new WorkspaceProperties(Map.of(
        "ws", new WorkspaceProperties.Workspace(root.toString(), false, false),
        "examples", new WorkspaceProperties.Workspace(root.toString(), true, false),
        "scratch", new WorkspaceProperties.Workspace(tmp.resolve("scratch/deep").toString(), false, true),
        "missing", new WorkspaceProperties.Workspace(tmp.resolve("nope").toString(), false, false))));
  }

  @Test
  void globsMatchInsideTheWorkspaceSorted() {
    assertThat(workspaces.glob("ws", "db/migrations/*.sql")).extracting(p -> workspaces.relativize("ws", p))
        .containsExactly("db/migrations/001_a.sql", "db/migrations/003_c.sql");
    assertThat(workspaces.glob("ws", "db/**/*.sql")).hasSize(3);
    assertThat(workspaces.glob("ws", "db/migrations/003_c.sql")).hasSize(1);
    assertThat(workspaces.glob("ws", "nowhere/*.sql")).isEmpty();
  }

  @Test
  void refusesAbsolutePathsDotDotAndSymbolicLinksOut() throws Exception {
    Files.createSymbolicLink(root.resolve("db/linked-dir"), outside);
    Files.createSymbolicLink(root.resolve("db/migrations/002_link.sql"), outside.resolve("002_secret.sql"));
    Files.createSymbolicLink(root.resolve("db/dangling"), tmp.resolve("gone"));

    assertThatThrownBy(() -> workspaces.resolve("ws", outside.toString())).hasMessageContaining("not absolute");
    assertThatThrownBy(() -> workspaces.resolve("ws", "db/../../outside")).hasMessageContaining("may not contain '..'");
    assertThatThrownBy(() -> workspaces.glob("ws", "../outside/*.sql")).hasMessageContaining("'..'");
    assertThatThrownBy(() -> workspaces.glob("ws", "db/linked-dir/*.sql")).hasMessageContaining("leads outside workspace 'ws'");
    assertThatThrownBy(() -> workspaces.glob("ws", "db/migrations/*.sql")).hasMessageContaining("002_link.sql");
    assertThatThrownBy(() -> workspaces.resolve("ws", "db/linked-dir/new.sql")).isInstanceOf(WorkspaceException.class);
    assertThatThrownBy(() -> workspaces.writableDirectory("ws", "db/linked-dir/sub")).isInstanceOf(WorkspaceException.class);
    assertThatThrownBy(() -> workspaces.resolve("ws", "db/dangling")).isInstanceOf(WorkspaceException.class);
    assertThat(outside.resolve("sub")).doesNotExist();
  }

  @Test
  void readOnlyCreateAndUnknownWorkspaces() {
    assertThatThrownBy(() -> workspaces.writableDirectory("examples", "out")).hasMessage("Workspace 'examples' is read-only");
    assertThat(workspaces.writableDirectory("scratch", "a/b")).isDirectory();
    assertThatThrownBy(() -> workspaces.root("missing")).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> workspaces.root("prod"))
        .hasMessage("Unknown workspace 'prod'; configured workspaces: examples, missing, scratch, ws (sprintflow.workspaces.<name>.path)");
  }

  @Test
  void aNewFolderInsideIsFine() {
    Path dir = workspaces.writableDirectory("ws", "supabase/migrations");
    assertThat(dir).isDirectory().startsWith(root.toAbsolutePath());
    assertThat(workspaces.resolve("ws", "supabase/migrations/008_x.sql").getParent()).isEqualTo(dir);
  }
}
