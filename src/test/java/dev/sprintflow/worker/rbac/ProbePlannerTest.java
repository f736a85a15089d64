package dev.sprintflow.worker.rbac;

import static dev.sprintflow.worker.rbac.PermissionMatrixParserTest.assertProblems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbePlannerTest {

  static final String P = RbacTargets.PREFIX + ".t.";
  final PermissionMatrix seed = PermissionMatrixParser.parse(PermissionMatrixParserTest.SEED, "m");

  /** A basic-auth version of the test target's configuration. */
  static Map<String, String> props() {
    Map<String, String> props = new HashMap<>();
    props.put(P + "base-url", "https://staging.example.com/");
    props.put(P + "restore-as", "owner");
    for (String role : List.of("owner", "admin", "manager", "member")) {
      props.put(P + "roles." + role + ".auth.type", "basic");
      props.put(P + "roles." + role + ".auth.username", role);
      props.put(P + "roles." + role + ".auth.password", role + "-pw");
      props.put(P + "roles." + role + ".scopes.assigned.client", role.startsWith("m") ? "c 1" : "c-3");
      props.put(P + "roles." + role + ".scopes.unassigned.client", "c-2");
    }
    RbacFixtures.requests(props, P);
    return props;
  }

  static List<Probe> plan(Map<String, String> props, PermissionMatrix matrix) {
    return ProbePlanner.plan("t", RbacFixtures.bind(props).require("t"), matrix);
  }

  static Probe probe(List<Probe> probes, String role, String row, String action) {
    return probes.stream().filter(p -> p.cell().role().equals(role) && p.cell().row().equals(row)
        && p.cell().action().equals(action)).findFirst().orElseThrow();
  }

  @Test
  void onePlannedProbePerCellWithTheRolesScopeFilledIn() {
    List<Probe> probes = plan(props(), seed);

    assertThat(probes).hasSize(48);
    assertThat(probes).extracting(Probe::cell).containsExactlyElementsOf(seed.cells());
    Probe managerRead = probe(probes, "manager", "clients/assigned", "read");
    assertThat(managerRead.request().line()).as("values are path-encoded").isEqualTo("GET /api/clients/c%201");
    assertThat(managerRead.mutating()).isFalse();
    assertThat(probe(probes, "owner", "clients/unassigned", "read").request().path()).isEqualTo("/api/clients/c-2");
  }

  @Test
  void changingProbesCarryTheirRestoreAndSafeOnesDoNot() {
    List<Probe> probes = plan(props(), seed);

    Probe update = probe(probes, "manager", "clients/unassigned", "update");
    assertThat(update.mutating()).isTrue();
    assertThat(update.restoreRole()).isEqualTo("owner");
    assertThat(update.snapshot().line()).isEqualTo("GET /api/clients/c-2");
    assertThat(update.restore().line()).isEqualTo("PUT /api/clients/c-2");
    assertThat(update.restore().body()).as("filled from the snapshot while probing").isEqualTo("{{snapshot}}");
    assertThat(probe(probes, "owner", "clients", "create").restore().path()).isEqualTo("/api/clients/{{response.id}}");

    Probe archive = probe(probes, "admin", "clients/assigned", "archive");
    assertThat(archive.dryRun()).isTrue();
    assertThat(archive.mutating()).isFalse();
    assertThat(archive.restore()).isNull();
    assertThat(archive.request().headers()).extracting(HttpCall.Header::toString).contains("X-Dry-Run: true");
  }

  @Test
  void aTargetWideDryRunHeaderMakesEveryChangingProbeSafeUnlessARequestOptsOut() {
    Map<String, String> props = props();
    props.put(P + "dry-run-header", "Prefer: dry-run");
    props.put(P + "requests.clients.delete.dry-run", "false");
    List<Probe> probes = plan(props, seed);

    assertThat(probe(probes, "owner", "clients/assigned", "update").dryRun()).isTrue();
    assertThat(probe(probes, "owner", "clients/assigned", "update").request().headers())
        .extracting(HttpCall.Header::toString).contains("Prefer: dry-run");
    assertThat(probe(probes, "owner", "clients/assigned", "delete").mutating()).isTrue();
    assertThat(probe(probes, "owner", "clients/assigned", "read").dryRun()).as("reads need no dry run").isFalse();
  }

  @Test
  void whatTheMatrixNeedsAndTheConfigurationLacksIsNamedByKey() {
    Map<String, String> props = props();
    props.keySet().removeIf(k -> k.startsWith(P + "requests.clients.export."));
    props.keySet().removeIf(k -> k.startsWith(P + "roles.member."));
    props.remove(P + "roles.admin.scopes.unassigned.client");
    props.put(P + "requests.clients.read.method", "FETCH");

    assertProblems(() -> plan(props, seed),
        P + "requests.clients.export: missing; the matrix probes this action",
        P + "roles.member.auth: missing; the matrix probes role 'member' (configured roles: admin, manager, owner)",
        P + "requests.clients.update.path: no value for {{client}} for admin update clients/unassigned; set "
            + P + "roles.admin.scopes.unassigned.client",
        P + "requests.clients.read.method: 'FETCH' is not one of");
  }

  @Test
  void credentialsAndHostsComeOnlyFromTheRightKeys() {
    Map<String, String> props = props();
    props.put(P + "base-url", "https://user:pw@staging.example.com");
    props.put(P + "headers[0]", "Authorization: Bearer smuggled");
    props.put(P + "roles.owner.auth.type", "client-credentials");
    props.put(P + "roles.owner.auth.token-url", "ftp://idp.example.com/token");
    props.put(P + "requests.clients.list.path", "//evil.example.com/api");
    props.put(P + "restore-as", "root");

    assertProblems(() -> plan(props, seed),
        P + "base-url: no credentials, query or fragment here",
        P + "headers[0]: Authorization is set by the worker",
        P + "roles.owner.auth.token-url: must be an absolute http(s) URL without credentials",
        P + "roles.owner.auth.client-id: is required",
        P + "requests.clients.list.path: must start with /",
        P + "restore-as: 'root' is not a configured role");
  }

  @Test
  void aRestoreFromASnapshotNeedsTheSnapshot() {
    Map<String, String> props = props();
    props.keySet().removeIf(k -> k.startsWith(P + "requests.clients.update.snapshot."));
    assertProblems(() -> plan(props, seed),
        P + "requests.clients.update.restore: uses {{snapshot}}, so " + P + "requests.clients.update.snapshot must say");
  }

  @Test
  void anUnknownTargetListsTheConfiguredOnes() {
    RbacTargets targets = RbacFixtures.bind(props());
    assertProblems(() -> targets.require("prod"), "inputs.target: no target 'prod' is configured (configured: t)");
    assertProblems(() -> new RbacTargets(null, null, null).require("prod"),
        "inputs.target: no target 'prod' is configured (none configured; add sprintflow.rbac.targets.<name>.base-url)");
    assertProblems(() -> targets.require(" "), "inputs.target: is required");
  }

  @Test
  void secretsStayOutOfTheConfigurationsToString() {
    RbacTargets targets = RbacFixtures.bind(props());
    assertThat(targets.toString()).doesNotContain("owner-pw").contains("secrets=***");
  }
}
