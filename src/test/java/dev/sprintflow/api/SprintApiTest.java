package dev.sprintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.plan.PlanLoader;
import java.io.InputStream;
import dev.sprintflow.test.ApiClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST a plan, get a running sprint; and every way a posted plan can be refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sprintflow.api.max-plan-size=64KB")
class SprintApiTest {

  @LocalServerPort int port;
  private ApiClient api;

  @org.junit.jupiter.api.BeforeEach
  void client() {
    api = new ApiClient(port);
  }
  @Autowired ObjectMapper json;

  static String plan(String name) throws Exception {
    try (InputStream in = SprintApiTest.class.getResourceAsStream("/plans/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void postingAMarkdownPlanStartsTheSprintAndItsDiagramCanBeFetched() throws Exception {
    HttpResponse<String> created = api.post("/api/sprints?file=audienceos-production-sprint.md", "text/markdown; charset=utf-8", plan("audienceos-production-sprint.md"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    assertThat(body.get("bpmnProcessId").asText()).isEqualTo("sprint-audienceos-production-sprint");
    assertThat(body.get("sprintId").asText()).startsWith("audienceos-production-sprint-");
    assertThat(body.get("processInstanceKey").asLong()).isPositive();
    assertThat(body.get("processDefinitionKey").asLong()).isPositive();
    assertThat(body.get("warnings").toString()).contains("diiiploy-gateway");

    HttpResponse<String> bpmn = api.get("/api/sprints/" + body.get("sprintId").asText() + "/bpmn");
    assertThat(bpmn.statusCode()).isEqualTo(200);
    assertThat(bpmn.body()).contains("id=\"sprint-audienceos-production-sprint\"", "<bpmndi:BPMNDiagram");

    // Posting the same plan again deploys nothing new: same process version.
    JsonNode again = json.readTree(api.post("/api/sprints?file=audienceos-production-sprint.md", "text/markdown", plan("audienceos-production-sprint.md")).body());
    assertThat(again.get("version").asInt()).isEqualTo(body.get("version").asInt());
    assertThat(again.get("sprintId").asText()).isNotEqualTo(body.get("sprintId").asText());
  }

  @Test
  void compileReturnsTheSameXmlAsTheCompiler() throws Exception {
    String markdown = plan("audienceos-integration.md");
    HttpResponse<String> xml = api.post("/api/plans/compile", "text/markdown", markdown);

    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
    String expected = new SprintCompiler().compile(PlanLoader.withDefaults().load("plan.md", markdown).plan()).bpmnXml();
    assertThat(xml.body()).isEqualTo(expected);
  }

  @Test
  void anInvalidPlanIs422WithEveryLocatedError() throws Exception {
    String yaml = """
        id: broken
        name: Broken plan
        tasks:
          - id: a
            title: A
            worker: manual
            dependsOn: [b]
          - id: b
            title: B
            worker: manual
            dependsOn: [a]
            score: {urgency: 11, impact: 1, confidence: 1, momentum: 1}
        """;
    HttpResponse<String> response = api.post("/api/sprints?file=broken.yaml", "application/yaml", yaml);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode errors = json.readTree(response.body()).get("errors");
    assertThat(errors.size()).isGreaterThanOrEqualTo(2);
    assertThat(errors.toString()).contains("broken.yaml").contains("a -> b -> a").contains("urgency");
    for (JsonNode e : errors) {
      assertThat(e.get("line").asInt()).isPositive();
    }
  }

  @Test
  void unsupportedMediaTypeIs415() throws Exception {
    HttpResponse<String> response = api.post("/api/sprints", "text/plain", "hello");
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("text/markdown");
  }

  @Test
  void aPlanOverTheLimitIs413() throws Exception {
    HttpResponse<String> response = api.post("/api/sprints", "text/markdown", "# Big\n" + "x".repeat(70 * 1024));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("sprintflow.api.max-plan-size");
  }

  @Test
  void anUnknownSprintIs404() throws Exception {
    HttpResponse<String> response = api.get("/api/sprints/nope/bpmn");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("'nope'");
  }
}
