package dev.sprintflow.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerKeywordsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Port Cartridge Backend          | migration-port
      Apply database migrations       | migration-port
      Porting the invoice service     | migration-port
      Real Gmail Sync                 | oauth-sync
      OAuth callback                  | oauth-sync
      Slack notifications             | oauth-sync
      E2E Test Multi-Org Roles        | rbac-check
      RBAC audit                      | rbac-check
      Permissions for admins          | rbac-check
      Manual                          | manual
      Write the quarterly report      | generic
      Support portal redesign         | generic
      """)
  void defaultTable(String title, String kind) {
    assertThat(WorkerKeywords.defaults().classify(title)).isEqualTo(kind);
  }

  @Test
  void titleComesBeforeDescription() {
    assertThat(WorkerKeywords.defaults().classify("Real Slack Sync", "add the migration for tokens")).isEqualTo("oauth-sync");
    assertThat(WorkerKeywords.defaults().classify("Landing page", "copy from the old site: a port")).isEqualTo("migration-port");
  }

  @Test
  void overridesComeFirstReplaceSameNamedKindsAndCanSwitchOneOff() {
    Map<String, List<String>> overrides = new LinkedHashMap<>(); // the order is the priority
    overrides.put("qa", List.of("test"));
    overrides.put("manual", List.of());
    WorkerKeywords table = WorkerKeywords.defaults().overriddenBy(overrides, "external");
    assertThat(table.classify("Test the roles")).isEqualTo("qa");
    assertThat(table.classify("Manual")).isEqualTo("external");
    assertThat(table.classify("Gmail")).isEqualTo("oauth-sync");
    assertThat(table.rules().get(0).kind()).isEqualTo("qa");
  }

  @Test
  void readsTheYamlFormat() {
    WorkerKeywords table = WorkerKeywords.parseYaml("default: humans\nkinds:\n  design: [figma, mockup]\n");
    assertThat(table.classify("Figma mockups")).isEqualTo("design");
    assertThat(table.classify("anything")).isEqualTo("humans");
    assertThat(table.isKind("design")).isTrue();
  }

  @Test
  void refusesMalformedTablesWithAReason() {
    assertThatThrownBy(() -> WorkerKeywords.parseYaml("kinds: [a, b]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kinds' must map");
    assertThatThrownBy(() -> WorkerKeywords.parseYaml("colours: {}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'colours'");
    assertThatThrownBy(() -> WorkerKeywords.parseYaml("kinds: {a: [x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable YAML");
  }
}
