package dev.sprintflow.workspace;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.workspaces.<name>.*}: folders on the server that built-in workers may read and
 * write. Process variables only ever name a workspace and a path inside it.
 *
 * @param workspaces by name
 */
@ConfigurationProperties("sprintflow")
public record WorkspaceProperties(Map<String, Workspace> workspaces) {

  public WorkspaceProperties {
    workspaces = workspaces == null ? Map.of() : new TreeMap<>(workspaces);
  }

  /**
   * @param path the folder (relative paths are resolved against the service's working directory)
   * @param readOnly workers may read but never write here (e.g. bundled examples)
   * @param create create the folder on first use instead of refusing a missing one (scratch space)
   */
  public record Workspace(String path, Boolean readOnly, Boolean create) {
    public Workspace {
      readOnly = readOnly != null && readOnly;
      create = create != null && create;
    }
  }
}
