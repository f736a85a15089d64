package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.worker.rbac.RbacCheckOutcome.Status;
import dev.targets.clients.ClientStore.Client;
import dev.targets.clients.ClientsTargetApp;
import dev.targets.clients.ClientsTargetApp.Options;
import dev.targets.clients.ClientsTargetApp.Running;
import dev.targets.clients.Flaw;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check against a real HTTP target (Spring Security, four roles, clients with assignments)
 * whose roles sign in four ways, one of them the OAuth2 client-credentials grant and one the
 * password grant against an in-process authorization server.
 */
class RbacCheckServiceTest {

  static MockOAuth2Server oauth;
  static Running correct;
  static Running managerBug;
  static Running archiveCrash;

  @BeforeAll
  static void startTargets() {
    oauth = RbacFixtures.startAuthorizationServer();
    Options jwt = Options.basicOnly().withJwtIssuer(RbacFixtures.issuer(oauth), RbacFixtures.jwks(oauth));
    correct = ClientsTargetApp.start(jwt);
    managerBug = ClientsTargetApp.start(jwt.withFlaws(Flaw.MANAGER_UPDATES_UNASSIGNED));
    archiveCrash = ClientsTargetApp.start(jwt.withFlaws(Flaw.ARCHIVE_FAILS));
  }

  @AfterAll
  static void stopTargets() {
    for (AutoCloseable c : new AutoCloseable[] {correct, managerBug, archiveCrash}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // best effort
        }
      }
    }
    if (oauth != null) {
      oauth.shutdown();
    }
  }

  private static RbacCheckService service(String name, URI baseUrl, Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>(RbacFixtures.targetProperties(name, baseUrl, oauth));
    props.putAll(overrides);
    return new RbacCheckService(RbacFixtures.bind(props), new RoleAuthenticator(Clock.systemUTC()));
  }

  private static RbacCheckOutcome check(Running target, Map<String, String> overrides) {
    RbacCheckService service = service("clients", target.baseUrl(), overrides);
    try {
      return service.check(RbacCheckInput.from(RbacFixtures.exampleInputs("clients")));
    } finally {
      service.destroy();
    }
  }

  @Test
  void theCorrectTargetPassesTheSeedMatrixAndIsLeftAsItWas() {
    List<Client> before = correct.store().live();

    RbacCheckOutcome outcome = check(correct, Map.of());

    assertThat(outcome.status()).as(outcome.report()).isEqualTo(Status.PASSED);
    assertThat(outcome.summary().cells()).isEqualTo(4 * 12);
    assertThat(outcome.summary().matching()).isEqualTo(48);
    assertThat(outcome.evidence()).allSatisfy(e -> assertThat(e.matches()).isTrue());
    // every kind of sign-in produced answers the target attributed to the right role
    assertThat(cell(outcome, "manager", "clients/assigned", "update").status()).isEqualTo(200);
    assertThat(cell(outcome, "manager", "clients/unassigned", "update").status()).isEqualTo(404);
    assertThat(cell(outcome, "member", "clients/assigned", "read").status()).isEqualTo(200);
    assertThat(cell(outcome, "member", "clients/assigned", "update").status()).isEqualTo(403);
    assertThat(cell(outcome, "admin", "clients/assigned", "delete").status()).isEqualTo(403);
    assertThat(cell(outcome, "owner", "clients/unassigned", "delete").status()).isEqualTo(204);
    assertThat(outcome.observed().get("admin").get("clients")).containsEntry("create", "allow");
    assertThat(outcome.observed().get("member").get("clients/unassigned")).containsEntry("read", "deny");
    // update, delete and create probes were undone; archive probes were dry runs
    assertThat(outcome.summary().dryRunProbes()).isEqualTo(8);
    // owner and admin create; owner and admin update both scopes, the manager its own; owner deletes both
    assertThat(outcome.summary().restored()).isEqualTo(2 + 5 + 2);
    assertThat(outcome.summary().restoreFailures()).isZero();
    assertThat(cell(outcome, "owner", "clients/unassigned", "delete").restore())
        .isEqualTo("POST /api/clients/c-2/restore as owner -> 200");
    assertThat(cell(outcome, "owner", "clients/assigned", "archive").request())
        .startsWith("POST /api/clients/c-3/archive [X-Dry-Run: true]");
    assertThat(correct.store().live()).isEqualTo(before);
    assertThat(outcome.report()).startsWith("### RBAC check passed: all 48 cells match the matrix");
  }

  @Test
  void aManagerWhoMayUpdateAnUnassignedClientIsExactlyOneReportedCell() {
    List<Client> before = managerBug.store().live();

    RbacCheckOutcome outcome = check(managerBug, Map.of());

    assertThat(outcome.status()).isEqualTo(Status.VIOLATION);
    List<CellEvidence> differing = outcome.evidence().stream().filter(e -> !e.matches()).toList();
    assertThat(differing).singleElement().satisfies(e -> {
      assertThat(List.of(e.role(), e.row(), e.action(), e.expected(), e.observed()))
          .containsExactly("manager", "clients/unassigned", "update", "deny", "allow");
      assertThat(e.request()).startsWith("PATCH /api/clients/c-2");
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.excerpt()).contains("\"id\":\"c-2\"");
    });
    assertThat(outcome.summary().mismatches()).isEqualTo(1);
    assertThat(outcome.summary().errors()).isZero();
    assertThat(outcome.report())
        .contains("### RBAC violation: 1 of 48 cells differ from the matrix")
        .contains("| manager | clients/unassigned | update | deny | **allow** | `PATCH /api/clients/c-2");
    assertThat(outcome.headline()).contains("manager update clients/unassigned is allow, expected deny");
    assertThat(managerBug.store().live()).as("the manager's change was restored").isEqualTo(before);
  }

  @Test
  void aTargetAnswering500ForOneActionReportsErrorCellsNotDenies() {
    RbacCheckOutcome outcome = check(archiveCrash, Map.of());

    assertThat(outcome.status()).isEqualTo(Status.INCONCLUSIVE);
    List<CellEvidence> errors = outcome.evidence().stream().filter(e -> e.observed().equals("error")).toList();
    // the crash happens where archiving is allowed: owner and admin, both scopes
    assertThat(errors).extracting(e -> e.role() + " " + e.row())
        .containsExactlyInAnyOrder("owner clients/assigned", "owner clients/unassigned",
            "admin clients/assigned", "admin clients/unassigned");
    assertThat(errors).allSatisfy(e -> {
      assertThat(e.action()).isEqualTo("archive");
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.note()).startsWith("HTTP 500");
      assertThat(e.matches()).isFalse();
    });
    assertThat(outcome.evidence().stream().filter(e -> !e.matches() && !e.observed().equals("error"))).isEmpty();
    assertThat(cell(outcome, "member", "clients/assigned", "archive").observed()).isEqualTo("deny");
    assertThat(outcome.report()).contains("Cells without a verdict").contains("HTTP 500");
  }

  @Test
  void restoresCanUseTheLocationHeaderOfTheProbesResponse() {
    RbacCheckOutcome outcome = check(correct, Map.of(RbacTargets.PREFIX + ".clients.requests.clients.create.restore.path",
        "{{location}}"));

    assertThat(outcome.status()).isEqualTo(Status.PASSED);
    assertThat(cell(outcome, "admin", "clients", "create").restore()).matches("DELETE /api/clients/c-\\d+ as owner -> 204");
    assertThat(outcome.summary().restoreFailures()).isZero();
  }

  @Test
  void aFailedRestoreIsReportedAndMarksTheCellsProbedAfterIt() throws Exception {
    try (Running fresh = ClientsTargetApp.start(Options.basicOnly()
        .withJwtIssuer(RbacFixtures.issuer(oauth), RbacFixtures.jwks(oauth)))) {
      RbacCheckOutcome outcome = check(fresh, Map.of(RbacTargets.PREFIX + ".clients.requests.clients.delete.restore.path",
          "/api/clients/{{client}}/undelete"));

      assertThat(outcome.summary().restoreFailures()).isEqualTo(2);
      // the owner's deletes of c-2 and c-3 stayed; later probes on those paths saw 404 and say why
      List<CellEvidence> differing = outcome.evidence().stream().filter(e -> !e.matches()).toList();
      assertThat(differing).extracting(e -> e.role() + " " + e.action() + " " + e.row() + " " + e.status())
          .containsExactlyInAnyOrder("admin update clients/assigned 404", "admin update clients/unassigned 404");
      assertThat(differing).allSatisfy(e -> assertThat(e.note()).startsWith("probed after the failed restore of owner delete"));
      assertThat(outcome.report()).contains("probed after the failed restore of owner delete clients/unassigned");
      CellEvidence delete = cell(outcome, "owner", "clients/unassigned", "delete");
      assertThat(delete.restoreFailed()).isTrue();
      assertThat(delete.restore()).isEqualTo("POST /api/clients/c-2/undelete as owner -> 404");
      assertThat(outcome.report()).contains("**Restores that failed**")
          .contains("- owner delete clients/unassigned: `POST /api/clients/c-2/undelete as owner -> 404`");
      assertThat(fresh.store().find("c-2").orElseThrow().deleted()).as("what the report warns about").isTrue();
    }
  }

  @Test
  void requestsThatOutlastTheTimeoutAreErrorCells() throws Exception {
    try (Running slow = ClientsTargetApp.start(Options.basicOnly()
        .withJwtIssuer(RbacFixtures.issuer(oauth), RbacFixtures.jwks(oauth)).withFlaws(Flaw.EXPORT_SLOW))) {
      RbacCheckOutcome outcome = check(slow, Map.of(RbacTargets.PREFIX + ".clients.request-timeout", "1s"));

      CellEvidence export = cell(outcome, "owner", "clients/assigned", "export");
      assertThat(export.observed()).isEqualTo("error");
      assertThat(export.status()).isNull();
      assertThat(export.note()).startsWith("timeout after 1000 ms");
      assertThat(outcome.evidence().stream().filter(e -> e.observed().equals("error")))
          .allSatisfy(e -> assertThat(e.action()).isEqualTo("export"));
      assertThat(cell(outcome, "owner", "clients/assigned", "read").observed()).isEqualTo("allow");
    }
  }

  @Test
  void atMostMaxConcurrencyRequestsAreInFlight() throws Exception {
    try (Running slow = ClientsTargetApp.start(Options.basicOnly()
        .withJwtIssuer(RbacFixtures.issuer(oauth), RbacFixtures.jwks(oauth)).withLatency(Duration.ofMillis(40)))) {
      RbacCheckOutcome outcome = check(slow, Map.of(RbacTargets.PREFIX + ".clients.max-concurrency", "3"));

      assertThat(outcome.status()).isEqualTo(Status.PASSED);
      assertThat(slow.inFlight().most()).isBetween(2, 3);
      assertThat(slow.inFlight().total()).isGreaterThanOrEqualTo(48);
    }
  }

  @Test
  void anUnreachableTargetIsAnErrorToRetryNotAReport() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RbacCheckService service = service("clients", URI.create("http://127.0.0.1:" + closedPort), Map.of());
    assertThatThrownBy(() -> service.check(RbacCheckInput.from(RbacFixtures.exampleInputs("clients"))))
        .isInstanceOf(TargetUnreachableException.class)
        .hasMessageContaining("target 'clients'")
        .hasMessageContaining("cannot connect");
    service.destroy();
  }

  @Test
  void noSecretReachesTheOutcome() throws Exception {
    RbacCheckOutcome outcome = check(correct, Map.of());
    String everything = new ObjectMapper().writeValueAsString(outcome);
    Map<String, String> props = RbacFixtures.targetProperties("clients", correct.baseUrl(), oauth);

    Predicate<String> secretKey = k -> k.endsWith(".password") || k.endsWith(".token") || k.endsWith(".client-secret");
    List<String> secrets = props.entrySet().stream().filter(e -> secretKey.test(e.getKey())).map(Map.Entry::getValue).toList();
    assertThat(secrets).hasSize(5);
    assertThat(secrets).allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
    assertThat(everything).doesNotContain("Bearer ey").doesNotContain("Basic b3du");
  }

  static CellEvidence cell(RbacCheckOutcome outcome, String role, String row, String action) {
    return outcome.evidence().stream()
        .filter(e -> e.role().equals(role) && e.row().equals(row) && e.action().equals(action))
        .findFirst().orElseThrow(() -> new AssertionError("no cell " + role + " " + action + " " + row));
  }
}
