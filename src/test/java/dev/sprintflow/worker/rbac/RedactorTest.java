package dev.sprintflow.worker.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  final Redactor redactor = new Redactor(List.of("hunter2-long", "s3cr3t-client", "abc"));

  @Test
  void hidesConfiguredSecretsVerbatim() {
    assertThat(redactor.redact("login failed for owner with hunter2-long; client s3cr3t-client"))
        .isEqualTo("login failed for owner with ***; client ***");
  }

  @Test
  void hidesCredentialsATargetEchoes() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
    assertThat(redactor.redact("{\"access_token\":\"opaque-123\",\"token_type\":\"Bearer\"}"))
        .isEqualTo("{\"access_token\":\"***\",\"token_type\":\"Bearer\"}");
    assertThat(redactor.redact("Authorization: Bearer opaque.token-1")).isEqualTo("Authorization: Bearer ***");
    assertThat(redactor.redact("Authorization: Basic b3duZXI6b3duZXItcHc=")).isEqualTo("Authorization: Basic ***");
    assertThat(redactor.redact("token " + jwt + " seen")).isEqualTo("token *** seen");
    assertThat(redactor.redact("{\"password\": \"pw\", \"name\": \"Acme\"}")).isEqualTo("{\"password\": \"***\", \"name\": \"Acme\"}");
    assertThat(redactor.redact("client_secret=xyz&grant_type=password")).isEqualTo("client_secret=***&grant_type=password");
  }

  @Test
  void leavesOrdinaryTextAndShortSecretsAlone() {
    assertThat(redactor.redact("{\"id\":\"c-2\",\"name\":\"abc Dental\"}")).isEqualTo("{\"id\":\"c-2\",\"name\":\"abc Dental\"}");
    assertThat(redactor.redact(null)).isNull();
  }
}
