package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleErrorsTest {

  @Test
  void aWorkFailureCarriesItsCodeAndMessageAsVariablesForTheTriageTask() {
    BpmnError error = LifecycleErrors.workFailure(LifecycleErrors.OAUTH_REAUTH_REQUIRED, "Gmail token revoked",
        Map.of("integration", "gmail"));

    assertThat(error.getErrorCode()).isEqualTo(LifecycleErrors.OAUTH_REAUTH_REQUIRED);
    assertThat(error.getErrorMessage()).isEqualTo("Gmail token revoked");
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) error.getVariables();
    assertThat(variables)
        .containsEntry(LifecycleVariables.ERROR_CODE, LifecycleErrors.OAUTH_REAUTH_REQUIRED)
        .containsEntry(LifecycleVariables.ERROR_MESSAGE, "Gmail token revoked")
        .containsEntry("integration", "gmail");
  }

  @Test
  void aCodeIsRequired() {
    assertThatThrownBy(() -> LifecycleErrors.workFailure(" ", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
