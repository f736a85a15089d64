package dev.sprintflow.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Operate and Tasklist clients that {@code sprintflow.webapps.*} configures; either may be
 * absent (embedded engine, or a cluster whose web applications the service is not given).
 */
@Component
public class WebApps {

  private final OperateClient operate;
  private final TasklistClient tasklist;

  public WebApps(WebAppsProperties properties, ObjectMapper json) {
    this.operate = properties.operateUrl() == null ? null
        : new OperateClient(session("Operate", properties.operateUrl(), properties, json), json);
    this.tasklist = properties.tasklistUrl() == null ? null
        : new TasklistClient(session("Tasklist", properties.tasklistUrl(), properties, json), json);
  }

  private static WebAppSession session(String app, URI url, WebAppsProperties p, ObjectMapper json) {
    return new WebAppSession(app, url, p.username(), p.password(), p.timeout(), json);
  }

  public Optional<OperateClient> operate() {
    return Optional.ofNullable(operate);
  }

  public Optional<TasklistClient> tasklist() {
    return Optional.ofNullable(tasklist);
  }
}
