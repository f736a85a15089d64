package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PermissionMatrixParserTest {

  static final String SEED = """
      roles: [owner, admin, manager, member]
      resources:
        clients: [list, create]
        clients/assigned: [read, update, delete, archive, export]
        clients/unassigned: [read, update, delete, archive, export]
      allow:
        owner: ["*"]
        admin: ["clients:*"]
        manager: [clients:list, clients/assigned:read, clients/assigned:update, clients/assigned:export]
        member: [clients:list, clients/assigned:read]
      deny:
        admin: [clients:delete]
      """;

  @Test
  void theExamplePlansMatrixStatesTheProductionPlansAcceptanceCriteria() {
    PermissionMatrix matrix = PermissionMatrixParser.parse(RbacFixtures.exampleInputs().get("matrix"), "inputs.matrix");

    assertThat(matrix.roles()).containsExactly("owner", "admin", "manager", "member");
    assertThat(matrix.cells()).hasSize(48);
    // Owner can edit all clients; Admin can edit all clients (but, here, not delete them)
    assertThat(expected(matrix, "owner", "clients/unassigned", "delete")).isEqualTo(Access.ALLOW);
    assertThat(expected(matrix, "admin", "clients/unassigned", "update")).isEqualTo(Access.ALLOW);
    assertThat(expected(matrix, "admin", "clients/assigned", "delete")).isEqualTo(Access.DENY);
    // Manager can edit assigned clients only
    assertThat(expected(matrix, "manager", "clients/assigned", "update")).isEqualTo(Access.ALLOW);
    assertThat(expected(matrix, "manager", "clients/unassigned", "update")).isEqualTo(Access.DENY);
    assertThat(expected(matrix, "manager", "clients", "create")).isEqualTo(Access.DENY);
    // Member is read-only
    assertThat(matrix.cells().stream().filter(c -> c.role().equals("member"))
        .filter(c -> matrix.expected(c) == Access.ALLOW).map(Cell::toString))
        .containsExactly("member list clients", "member read clients/assigned");
  }

  @Test
  void yamlTextAndAnObjectGiveTheSameMatrix() {
    PermissionMatrix fromText = PermissionMatrixParser.parse(SEED, "m");
    PermissionMatrix fromObject = PermissionMatrixParser.parse(RbacFixtures.exampleInputs().get("matrix"), "m");
    assertThat(fromText).isEqualTo(fromObject);
  }

  @Test
  void patternsCoverScopesAsDocumented() {
    PermissionMatrix matrix = PermissionMatrixParser.parse(Map.of(
        "roles", List.of("r"),
        "resources", Map.of("docs", List.of("read"), "docs/mine", List.of("read", "edit"), "docs/team", List.of("read")),
        "allow", Map.of("r", List.of("docs/*:read", "*/mine:edit"))), "m");

    assertThat(expected(matrix, "r", "docs", "read")).as("docs/* leaves the unscoped row out").isEqualTo(Access.DENY);
    assertThat(expected(matrix, "r", "docs/mine", "read")).isEqualTo(Access.ALLOW);
    assertThat(expected(matrix, "r", "docs/team", "read")).isEqualTo(Access.ALLOW);
    assertThat(expected(matrix, "r", "docs/mine", "edit")).isEqualTo(Access.ALLOW);

    PermissionMatrix byName = PermissionMatrixParser.parse(Map.of(
        "roles", List.of("r"),
        "resources", Map.of("docs", List.of("read"), "docs/mine", List.of("read")),
        "allow", Map.of("r", "docs:read")), "m");
    assertThat(byName.expected().values()).as("a bare name covers every scope").containsOnly(Access.ALLOW);
  }

  @Test
  void withoutAllowEveryCellIsExpectedDenied() {
    PermissionMatrix matrix = PermissionMatrixParser.parse("roles: [guest]\nresources: {clients: [list, create]}", "m");
    assertThat(matrix.expected().values()).containsOnly(Access.DENY).hasSize(2);
  }

  @Test
  void problemsNameTheFieldAndAreReportedTogether() {
    String yaml = """
        roles: [owner, owner, "bad role"]
        resources:
          clients: [read, read]
          clients/a/b: [read]
          reports: []
        allow:
          owner: ["clients:write", "nonsense"]
          ghost: ["*"]
        alow: {}
        """;
    assertProblems(() -> PermissionMatrixParser.parse(yaml, "inputs.matrix"),
        "inputs.matrix.alow: unknown field (fields: roles, resources, allow, deny)",
        "inputs.matrix.roles[1]: role 'owner' is listed twice",
        "inputs.matrix.roles[2]: a role name is letters, digits",
        "inputs.matrix.resources.clients[1]: action 'read' is listed twice",
        "inputs.matrix.resources.clients/a/b: a row is 'resource' or 'resource/scope'",
        "inputs.matrix.resources.reports: must list the actions to probe");
  }

  @Test
  void patternProblemsNameTheRoleAndPosition() {
    String yaml = """
        roles: [owner, member]
        resources: {clients: [read]}
        allow:
          owner: ["clients:write", "nonsense", "clients:read"]
          ghost: ["*"]
        deny:
          member: [clients/assigned:read]
        """;
    assertProblems(() -> PermissionMatrixParser.parse(yaml, "inputs.matrix"),
        "inputs.matrix.allow.owner[0]: 'clients:write' matches no cell (rows: clients)",
        "inputs.matrix.allow.owner[1]: 'nonsense' is not a pattern",
        "inputs.matrix.allow.ghost: 'ghost' is not one of the roles (owner, member)",
        "inputs.matrix.deny.member[0]: 'clients/assigned:read' matches no cell");
  }

  @Test
  void invalidYamlIsLocated() {
    assertProblems(() -> PermissionMatrixParser.parse("roles: [a]\nroles: [b]\n", "inputs.matrix"),
        "inputs.matrix: is not valid YAML at line 2");
    assertProblems(() -> PermissionMatrixParser.parse(null, "inputs.matrix"), "inputs.matrix: is required");
    assertProblems(() -> PermissionMatrixParser.parse(List.of("owner"), "inputs.matrix"), "inputs.matrix: must be an object");
  }

  @Test
  void aMatrixTooLargeForOneCheckIsRefused() {
    List<String> roles = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "role" + i).toList();
    List<String> actions = java.util.stream.IntStream.range(0, 41).mapToObj(i -> "a" + i).toList();
    assertProblems(() -> PermissionMatrixParser.parse(Map.of("roles", roles, "resources", Map.of("x", actions)), "m"),
        "m: 2050 cells (50 roles x 41 actions); at most 2000 per check");
  }

  static Access expected(PermissionMatrix matrix, String role, String row, String action) {
    String[] parts = row.split("/");
    return matrix.expected(new Cell(role, parts[0], parts.length > 1 ? parts[1] : null, action));
  }

  static void assertProblems(ThrowingCallable call, String... starts) {
    assertThatThrownBy(call).isInstanceOfSatisfying(RbacConfigInvalidException.class, e -> {
      for (String start : starts) {
        assertThat(e.problems()).as(String.join("\n", e.problems())).anySatisfy(p -> assertThat(p).startsWith(start));
      }
    });
  }
}
