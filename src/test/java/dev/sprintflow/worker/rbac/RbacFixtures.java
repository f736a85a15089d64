package dev.sprintflow.worker.rbac;

import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Shared pieces of the rbac-check tests: the example plan's matrix, an in-process OAuth2
 * authorization server, and the server-side configuration of a test target, written as the
 * properties an operator would set (and bound the way Spring binds them).
 */
final class RbacFixtures {

  static final Path EXAMPLE_PLAN = Path.of("docs/examples/rbac-check-plan.yaml");
  static final String ISSUER = "rbac";
  /** Secrets of the test configuration, which no output may contain. */
  static final String MANAGER_CLIENT_SECRET = "manager-client-secret-4711";
  static final String MEMBER_CLIENT_SECRET = "sprintflow-client-secret-0815";

  private RbacFixtures() {}

  /** The rbac-check task's inputs in docs/examples/rbac-check-plan.yaml. */
  static Map<String, Object> exampleInputs() {
    try {
      PlanLoadResult loaded = PlanLoader.withDefaults().load(EXAMPLE_PLAN.toString(), Files.readString(EXAMPLE_PLAN));
      Task task = loaded.validPlan().orElseThrow(() -> new IllegalStateException("example plan invalid: " + loaded.errors()))
          .tasks().stream().filter(t -> "rbac-check".equals(t.worker())).findFirst().orElseThrow();
      return task.inputs();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example matrix with its target renamed (tests run several targets side by side). */
  static Map<String, Object> exampleInputs(String target) {
    Map<String, Object> inputs = new LinkedHashMap<>(exampleInputs());
    inputs.put("target", target);
    return inputs;
  }

  static MockOAuth2Server startAuthorizationServer() {
    MockOAuth2Server server = new MockOAuth2Server();
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  static URI issuer(MockOAuth2Server oauth) {
    return oauth.issuerUrl(ISSUER).uri();
  }

  static URI jwks(MockOAuth2Server oauth) {
    return oauth.jwksUrl(ISSUER).uri();
  }

  /**
   * The operator's configuration of a clients target: owner signs in with basic credentials,
   * admin with a static bearer token, manager with the client-credentials grant, member with the
   * password grant; update probes restore from a snapshot, delete probes undelete, create probes
   * delete what they created, archive probes are dry runs.
   */
  static Map<String, String> targetProperties(String name, URI baseUrl, MockOAuth2Server oauth) {
    String p = RbacTargets.PREFIX + "." + name + ".";
    String tokenUrl = oauth.tokenEndpointUrl(ISSUER).toString();
    Map<String, String> props = new LinkedHashMap<>();
    props.put(p + "base-url", baseUrl.toString());
    props.put(p + "max-concurrency", "8");
    props.put(p + "request-timeout", "5s");
    props.put(p + "restore-as", "owner");
    props.put(p + "headers[0]", "Accept: application/json, text/csv");
    role(props, p, "owner", "c-3");
    props.put(p + "roles.owner.auth.type", "basic");
    props.put(p + "roles.owner.auth.username", "owner");
    props.put(p + "roles.owner.auth.password", "owner-pw");
    role(props, p, "admin", "c-3");
    props.put(p + "roles.admin.auth.type", "bearer");
    props.put(p + "roles.admin.auth.token", oauth.issueToken(ISSUER, "admin", "clients-target").serialize());
    role(props, p, "manager", "c-1");
    props.put(p + "roles.manager.auth.type", "client-credentials");
    props.put(p + "roles.manager.auth.token-url", tokenUrl);
    props.put(p + "roles.manager.auth.client-id", "manager");
    props.put(p + "roles.manager.auth.client-secret", MANAGER_CLIENT_SECRET);
    props.put(p + "roles.manager.auth.scope", "clients");
    role(props, p, "member", "c-1");
    props.put(p + "roles.member.auth.type", "password");
    props.put(p + "roles.member.auth.token-url", tokenUrl);
    props.put(p + "roles.member.auth.client-id", "sprintflow");
    props.put(p + "roles.member.auth.client-secret", MEMBER_CLIENT_SECRET);
    props.put(p + "roles.member.auth.username", "member");
    props.put(p + "roles.member.auth.password", "member-pw");
    requests(props, p);
    return props;
  }

  private static void role(Map<String, String> props, String p, String role, String assigned) {
    props.put(p + "roles." + role + ".scopes.assigned.client", assigned);
    props.put(p + "roles." + role + ".scopes.unassigned.client", "c-2");
  }

  static void requests(Map<String, String> props, String p) {
    String r = p + "requests.clients.";
    props.put(r + "list.method", "GET");
    props.put(r + "list.path", "/api/clients");
    props.put(r + "create.method", "POST");
    props.put(r + "create.path", "/api/clients");
    props.put(r + "create.body", "{\"name\": \"rbac-probe\"}");
    props.put(r + "create.restore.method", "DELETE");
    props.put(r + "create.restore.path", "/api/clients/{{response.id}}");
    props.put(r + "read.method", "GET");
    props.put(r + "read.path", "/api/clients/{{client}}");
    props.put(r + "update.method", "PATCH");
    props.put(r + "update.path", "/api/clients/{{client}}");
    props.put(r + "update.body", "{\"name\": \"rbac-probe\"}");
    props.put(r + "update.snapshot.method", "GET");
    props.put(r + "update.snapshot.path", "/api/clients/{{client}}");
    props.put(r + "update.restore.method", "PUT");
    props.put(r + "update.restore.path", "/api/clients/{{client}}");
    props.put(r + "update.restore.body", "{{snapshot}}");
    props.put(r + "delete.method", "DELETE");
    props.put(r + "delete.path", "/api/clients/{{client}}");
    props.put(r + "delete.restore.method", "POST");
    props.put(r + "delete.restore.path", "/api/clients/{{client}}/restore");
    props.put(r + "archive.method", "POST");
    props.put(r + "archive.path", "/api/clients/{{client}}/archive");
    props.put(r + "archive.dry-run-header", "X-Dry-Run: true");
    props.put(r + "export.method", "GET");
    props.put(r + "export.path", "/api/clients/{{client}}/export");
  }

  /** Binds properties as Spring binds application.yaml. */
  static RbacTargets bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bind("sprintflow.rbac", RbacTargets.class).get();
  }
}
