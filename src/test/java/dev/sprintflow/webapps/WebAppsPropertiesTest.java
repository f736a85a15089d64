package dev.sprintflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebAppsPropertiesTest {

  @Test
  void defaultsToTheDemoLoginAndDropsATrailingSlash() {
    WebAppsProperties p = new WebAppsProperties(URI.create("http://127.0.0.1:8088/"), null, null, null, null);

    assertThat(p.operateUrl()).hasToString("http://127.0.0.1:8088");
    assertThat(p.tasklistUrl()).isNull();
    assertThat(p.username()).isEqualTo("demo");
    assertThat(p.password()).isEqualTo("demo");
    assertThat(p.timeout()).hasSeconds(10);
  }

  @Test
  void rejectsAUrlThatIsNotHttpNamingTheProperty() {
    // "localhost:8088" parses as scheme "localhost": the classic missing http://
    assertThatThrownBy(() -> new WebAppsProperties(null, URI.create("localhost:8088"), null, null, null))
        .hasMessageContaining("sprintflow.webapps.tasklist-url must be an http(s) URL")
        .hasMessageContaining("'localhost:8088'");
  }

  @Test
  void neverPrintsThePassword() {
    WebAppsProperties p = new WebAppsProperties(null, null, "lead", "hunter2", null);

    assertThat(p.toString()).contains("username=lead").contains("password=<hidden>").doesNotContain("hunter2");
  }
}
