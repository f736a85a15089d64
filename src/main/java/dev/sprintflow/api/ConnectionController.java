package dev.sprintflow.api;

import dev.sprintflow.oauth.AuthorizeLinks;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConnectionService;
import dev.sprintflow.worker.oauth.SyncSchedule;
import dev.sprintflow.worker.oauth.SyncScheduleService;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth connections of the oauth-sync worker (workers/oauth-sync.md): create one, send a person to its
 * authorize link, schedule its sync. Tokens never leave the service.
 */
@RestController
@RequestMapping(path = "/api/connections", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConnectionController {

  private final ConnectionService connections;
  private final SyncScheduleService schedules;
  private final AuthorizeLinks links;

  public ConnectionController(ConnectionService connections, SyncScheduleService schedules, AuthorizeLinks links) {
    this.connections = connections;
    this.schedules = schedules;
    this.links = links;
  }

  /** Body of a new connection; {@code id} is optional (generated when missing). */
  public record NewConnection(String id, String provider, String account) {}

  /** Body of a schedule: ISO-8601 interval (default PT15M) and the worker's sync options. */
  public record NewSchedule(String interval, Map<String, Object> syncOptions) {}

  @Operation(summary = "Create a pending connection; a person then opens its authorizeUrl")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ConnectionView> create(@RequestBody(required = false) NewConnection body) {
    if (body == null) {
      throw new InvalidRequestException("body", "Send {\"provider\": \"gmail\", \"account\": \"lead@example.com\"}");
    }
    Connection created = connections.create(body.id(), body.provider(), body.account());
    return ResponseEntity.created(URI.create("/api/connections/" + created.id())).body(view(created));
  }

  @Operation(summary = "All connections, oldest first")
  @GetMapping
  public List<ConnectionView> list() {
    return connections.list().stream().map(this::view).toList();
  }

  @Operation(summary = "One connection: status, token expiry, authorize link, schedule (never tokens)")
  @GetMapping("/{id}")
  public ConnectionView get(@PathVariable String id) {
    return view(connections.get(id));
  }

  @Operation(summary = "Delete a connection with its tokens and cursors (synced messages stay); stops its schedule")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    connections.get(id);
    if (schedules.find(id).isPresent()) {
      schedules.stop(id);
    }
    connections.delete(id);
  }

  @Operation(summary = "Start bpmn/oauth-sync-schedule.bpmn for the connection: sync now, then every interval")
  @PostMapping(path = "/{id}/sync-schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ConnectionView.ScheduleView> schedule(@PathVariable String id,
      @RequestBody(required = false) NewSchedule body) {
    Duration interval = null;
    if (body != null && body.interval() != null) {
      try {
        interval = Duration.parse(body.interval());
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException("interval", "interval must be an ISO-8601 duration such as PT15M, not '" + body.interval() + "'");
      }
    }
    SyncSchedule started = schedules.start(id, interval, body == null ? null : body.syncOptions());
    return ResponseEntity.status(HttpStatus.CREATED).body(ConnectionView.ScheduleView.of(started));
  }

  @Operation(summary = "Stop the connection's sync schedule")
  @DeleteMapping("/{id}/sync-schedule")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void unschedule(@PathVariable String id) {
    connections.get(id);
    schedules.stop(id);
  }

  private ConnectionView view(Connection c) {
    return ConnectionView.of(c, links.authorize(c.provider(), c.id()), schedules.find(c.id()).orElse(null));
  }
}
