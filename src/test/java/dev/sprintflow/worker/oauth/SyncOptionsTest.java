package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

  @Test
  void readsTheDocumentedOptions() {
    assertThat(SyncOptions.from(Map.of("pageSize", 50, "maxPages", 3, "channel", "C0CLIENTS")))
        .isEqualTo(new SyncOptions(50, 3, null, "C0CLIENTS"));
    assertThat(SyncOptions.from(null)).isEqualTo(SyncOptions.none());
    assertThat(SyncOptions.from(Map.of("pageSize", 100.0)).pageSize()).isEqualTo(100);
  }

  @Test
  void aTypoOrAWrongTypeNamesTheOption() {
    assertThatThrownBy(() -> SyncOptions.from(Map.of("chanel", "C1")))
        .isInstanceOf(InvalidSyncOptionsException.class).hasMessageContaining("[chanel]");
    assertThatThrownBy(() -> SyncOptions.from(Map.of("pageSize", 501)))
        .isInstanceOfSatisfying(InvalidSyncOptionsException.class, e -> assertThat(e.field()).isEqualTo("syncOptions.pageSize"));
    assertThatThrownBy(() -> SyncOptions.from(Map.of("pageSize", "100"))).isInstanceOf(InvalidSyncOptionsException.class);
    assertThatThrownBy(() -> SyncOptions.from(Map.of("channel", "C1&oldest=0"))).isInstanceOf(InvalidSyncOptionsException.class);
    assertThatThrownBy(() -> SyncOptions.from(List.of())).hasMessageContaining("must be a JSON object");
  }

  @Test
  void theLifecyclesInputsObjectCarriesTheSameVariables() {
    OAuthSyncInput nested = OAuthSyncInput.from(Map.of("inputs", Map.of("connectionId", "gmail-lead", "syncOptions", Map.of("label", "INBOX"))));
    assertThat(nested.effectiveConnectionId()).isEqualTo("gmail-lead");
    assertThat(nested.effectiveOptions().label()).isEqualTo("INBOX");
    OAuthSyncInput direct = OAuthSyncInput.from(Map.of("connectionId", "slack-a", "inputs", Map.of("connectionId", "other")));
    assertThat(direct.effectiveConnectionId()).isEqualTo("slack-a");
    assertThatThrownBy(() -> OAuthSyncInput.from(Map.of()).effectiveConnectionId())
        .isInstanceOf(InvalidSyncOptionsException.class).hasMessageContaining("needs connectionId");
    assertThatThrownBy(() -> OAuthSyncInput.from(Map.of("connectionId", 42))).hasMessageContaining("must be a string");
  }
}
