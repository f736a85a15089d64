package dev.sprintflow.bench;

import ch.qos.logback.classic.Level;
import dev.sprintflow.worker.rbac.RbacCheckInput;
import dev.sprintflow.worker.rbac.RbacCheckOutcome;
import dev.sprintflow.worker.rbac.RbacCheckService;
import dev.sprintflow.worker.rbac.RbacTargets;
import dev.sprintflow.worker.rbac.RoleAuthenticator;
import dev.targets.clients.ClientsTargetApp;
import dev.targets.clients.ClientsTargetApp.Options;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Cells probed per second by the rbac-check service against the local test target (Spring MVC +
 * Spring Security on 127.0.0.1, HTTP basic): 4 roles x 5 actions (read, update, delete, archive,
 * export) x 50 clients = 1,000 cells per check, one row {@code clients/cNN} per client. In
 * {@code restore} mode updates snapshot and put back, deletes are undone (extra requests, changing
 * probes serialised per path); in {@code dry-run} mode every changing probe carries X-Dry-Run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RbacCheckBenchmark {

  static final int CLIENTS = 50;
  static final List<String> ROLES = List.of("owner", "admin", "manager", "member");
  static final List<String> ACTIONS = List.of("read", "update", "delete", "archive", "export");

  @Param({"8", "32"})
  public int maxConcurrency;

  @Param({"dry-run", "restore"})
  public String mode;

  private ClientsTargetApp.Running target;
  private RbacCheckService service;
  private RbacCheckInput input;

  @Setup
  public void start() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    target = ClientsTargetApp.start(Options.basicOnly().withExtraClients(CLIENTS - 3));
    service = new RbacCheckService(targets(), new RoleAuthenticator(Clock.systemUTC()));
    input = RbacCheckInput.from(Map.of("target", "bench", "matrix", matrix()));
    RbacCheckOutcome first = service.check(input);
    if (first.summary().cells() != 1_000 || first.summary().mismatches() + first.summary().errors() != 0) {
      throw new IllegalStateException("benchmark matrix does not pass: " + first.headline());
    }
  }

  @TearDown
  public void stop() {
    service.destroy();
    target.close();
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public RbacCheckOutcome check() {
    return service.check(input);
  }

  private RbacTargets targets() {
    String p = RbacTargets.PREFIX + ".bench.";
    Map<String, String> props = new HashMap<>();
    props.put(p + "base-url", target.baseUrl().toString());
    props.put(p + "max-concurrency", Integer.toString(maxConcurrency));
    props.put(p + "restore-as", "owner");
    for (String role : ROLES) {
      props.put(p + "roles." + role + ".auth.type", "basic");
      props.put(p + "roles." + role + ".auth.username", role);
      props.put(p + "roles." + role + ".auth.password", role + "-pw");
      for (int n = 1; n <= CLIENTS; n++) {
        props.put(p + "roles." + role + ".scopes." + scope(n) + ".client", "c-" + n);
      }
    }
    String r = p + "requests.clients.";
    props.put(r + "read.method", "GET");
    props.put(r + "read.path", "/api/clients/{{client}}");
    props.put(r + "update.method", "PATCH");
    props.put(r + "update.path", "/api/clients/{{client}}");
    props.put(r + "update.body", "{\"name\": \"rbac-probe\"}");
    props.put(r + "delete.method", "DELETE");
    props.put(r + "delete.path", "/api/clients/{{client}}");
    props.put(r + "archive.method", "POST");
    props.put(r + "archive.path", "/api/clients/{{client}}/archive");
    props.put(r + "export.method", "GET");
    props.put(r + "export.path", "/api/clients/{{client}}/export");
    if (mode.equals("dry-run")) {
      props.put(p + "dry-run-header", "X-Dry-Run: true");
    } else {
      props.put(r + "archive.dry-run-header", "X-Dry-Run: true"); // the target cannot un-archive
      props.put(r + "update.snapshot.method", "GET");
      props.put(r + "update.snapshot.path", "/api/clients/{{client}}");
      props.put(r + "update.restore.method", "PUT");
      props.put(r + "update.restore.path", "/api/clients/{{client}}");
      props.put(r + "update.restore.body", "{{snapshot}}");
      props.put(r + "delete.restore.method", "POST");
      props.put(r + "delete.restore.path", "/api/clients/{{client}}/restore");
    }
    return new Binder(new MapConfigurationPropertySource(props)).bind("sprintflow.rbac", RbacTargets.class).get();
  }

  /** The target's rules for 50 clients: c-1 and even-numbered extras are the manager's and member's. */
  static Map<String, Object> matrix() {
    Map<String, Object> resources = new LinkedHashMap<>();
    List<String> manager = new ArrayList<>();
    List<String> member = new ArrayList<>();
    for (int n = 1; n <= CLIENTS; n++) {
      resources.put("clients/" + scope(n), ACTIONS);
      if (n == 1 || n >= 4 && n % 2 == 0) {
        manager.addAll(List.of("clients/" + scope(n) + ":read", "clients/" + scope(n) + ":update",
            "clients/" + scope(n) + ":export"));
        member.add("clients/" + scope(n) + ":read");
      }
    }
    return Map.of("roles", ROLES, "resources", resources,
        "allow", Map.of("owner", List.of("*"), "admin", List.of("*"), "manager", manager, "member", member),
        "deny", Map.of("admin", List.of("clients:delete")));
  }

  private static String scope(int n) {
    return String.format("c%02d", n);
  }
}
