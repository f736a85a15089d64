package dev.sprintflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Finds the process models, decision tables and forms packaged under the configured folders. */
public final class ModelResources {

  static final List<String> EXTENSIONS = List.of("bpmn", "dmn", "form");

  /** A model file: its deployment name (e.g. {@code bpmn/sprint-task.bpmn}) and content. */
  public record ModelFile(String name, byte[] content) {}

  private ModelResources() {}

  /** Every model under the folders, sorted by name so that deployments are reproducible. */
  public static List<ModelFile> find(List<String> folders) {
    var resolver = new PathMatchingResourcePatternResolver();
    Map<String, ModelFile> byName = new TreeMap<>();
    for (String folder : folders) {
      String root = folder.replaceAll("^/+|/+$", "");
      for (String ext : EXTENSIONS) {
        try {
          for (Resource r : resolver.getResources("classpath*:" + root + "/**/*." + ext)) {
            String name = deploymentName(root, r);
            try (InputStream in = r.getInputStream()) {
              byName.putIfAbsent(name, new ModelFile(name, in.readAllBytes()));
            }
          }
        } catch (IOException e) {
          throw new DeploymentFailedException("Cannot read models under classpath folder '" + root + "': " + e.getMessage(), e);
        }
      }
    }
    List<ModelFile> files = new ArrayList<>(byName.values());
    files.sort(Comparator.comparing(ModelFile::name));
    return files;
  }

  private static String deploymentName(String root, Resource resource) throws IOException {
    String url = resource.getURL().toString();
    int at = url.lastIndexOf("/" + root + "/");
    return at >= 0 ? url.substring(at + 1) : root + "/" + resource.getFilename();
  }
}
