package dev.sprintflow.review;

import dev.sprintflow.engine.DeploymentProperties;
import dev.sprintflow.engine.ModelResources;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Sprintflow user tasks of the deployed diagrams (those with a {@link UserTaskHeaders#KIND}
 * header), read from the same files the service deploys. Tasklist reports a task's element id but
 * not its custom headers, so the Tasklist inbox learns each task's kind and form here.
 */
@Component
public class UserTaskCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(UserTaskCatalog.class);

  /** One user task of a deployed diagram: its process, element id, kind header and form id. */
  public record Entry(String bpmnProcessId, String elementId, String kind, String formId) {}

  private final List<Entry> entries;

  @Autowired
  public UserTaskCatalog(DeploymentProperties deployment) {
    this(read(deployment.folders()));
  }

  UserTaskCatalog(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public Optional<Entry> byElementId(String elementId) {
    return entries.stream().filter(e -> e.elementId().equals(elementId)).findFirst();
  }

  static List<Entry> read(List<String> folders) {
    List<Entry> found = new ArrayList<>();
    for (ModelResources.ModelFile file : ModelResources.find(folders)) {
      if (!file.name().endsWith(".bpmn")) {
        continue;
      }
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
      } catch (RuntimeException e) {
        LOG.warn("{} cannot be read for its user tasks ({}); the Tasklist inbox ignores them", file.name(), e.getMessage());
        continue;
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
        if (headers == null) {
          continue;
        }
        String kind = header(headers, UserTaskHeaders.KIND);
        if (kind != null && !kind.isBlank()) {
          found.add(new Entry(processId(task), task.getId(), kind, header(headers, UserTaskHeaders.FORM_ID)));
        }
      }
    }
    long distinct = found.stream().map(Entry::elementId).distinct().count();
    if (distinct != found.size()) {
      // Tasklist searches by element id only; two diagrams using one id would mix their tasks.
      throw new IllegalStateException("User task ids with a " + UserTaskHeaders.KIND
          + " header must be unique across the deployed diagrams: " + found);
    }
    return found;
  }

  private static String header(ZeebeTaskHeaders headers, String key) {
    return headers.getHeaders().stream().filter(h -> key.equals(h.getKey())).map(ZeebeHeader::getValue).findFirst().orElse(null);
  }

  private static String processId(UserTask task) {
    for (ModelElementInstance e = task.getParentElement(); e != null; e = e.getParentElement()) {
      if (e instanceof Process p) {
        return p.getId();
      }
    }
    return null;
  }
}
