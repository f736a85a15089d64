package dev.sprintflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.webapps.OperateClient;
import dev.sprintflow.webapps.OperateClient.FlowNodeInstance;
import dev.sprintflow.webapps.OperateClient.ProcessInstance;
import dev.sprintflow.webapps.TasklistClient;
import dev.sprintflow.webapps.TasklistTask;
import dev.sprintflow.webapps.WebApps;
import dev.sprintflow.webapps.WebAppsProperties;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The product as leads and reviewers use it, on the real Camunda 8.6 stack: start the production
 * sprint sample through the service, find it with its diagram in Operate, see the review appear in
 * Tasklist once the worker finished, approve it in Tasklist's form in headless Chromium, see the
 * next tasks start in Operate, decide the next review through the service's inbox (backed by
 * Tasklist), and finish the sprint. Workers are scripted stand-ins ({@link ScriptedWorkers}).
 *
 * <p>Everything the test starts (stack, service, browser, workers) is stopped in {@link #stopAll()},
 * also when it fails, and by a shutdown hook if the JVM is terminated.
 */
class SprintOnLocalStackE2E {

  private static final String PLAN_FILE = "audienceos-production-sprint.md";
  private static final String FIRST_TASK = "port-cartridge-backend";
  private static final String NEXT_TASK_ELEMENT = "task_e2e_test_multi_org_roles";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
  private static final Timings TIMINGS = new Timings();

  private static E2eSettings settings;
  private static ServiceUnderTest service;
  private static CamundaClient client;
  private static ScriptedWorkers workers;
  private static OperateClient operate;
  private static TasklistClient tasklist;
  private static Browser browser;
  /** The sprint's instance, cancelled on the way out unless it completed. */
  private static volatile Long sprintKey;
  private static volatile boolean sprintCompleted;

  @BeforeAll
  static void startAll() throws IOException {
    Runtime.getRuntime().addShutdownHook(new Thread(SprintOnLocalStackE2E::stopAll, "e2e-cleanup"));
    settings = E2eSettings.load();
    Files.createDirectories(settings.out());
    STARTED.push(LocalStack.ensureUp(settings, TIMINGS));
    service = ServiceUnderTest.start(settings, TIMINGS);
    STARTED.push(service);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(settings.grpcUrl()))
        .restAddress(URI.create(settings.webUrl()))
        .preferRestOverGrpc(false) // REST: 8.8 client vs 8.6 broker cannot complete jobs
        .build();
    STARTED.push(client);
    workers = new ScriptedWorkers(client);
    STARTED.push(workers);
    URI web = URI.create(settings.webUrl());
    WebApps webApps = new WebApps(new WebAppsProperties(web, web, settings.user(), settings.password(), null), JSON);
    operate = webApps.operate().orElseThrow();
    tasklist = webApps.tasklist().orElseThrow();
    browser = new Browser(settings);
    STARTED.push(browser);
  }

  @AfterAll
  static void stopAll() {
    synchronized (STARTED) {
      if (sprintKey != null && !sprintCompleted && client != null) {
        try { // leave no half-run sprint behind in a stack that keeps running
          client.newCancelInstanceCommand(sprintKey).send().join();
        } catch (RuntimeException e) {
          System.out.println("[e2e] could not cancel sprint instance " + sprintKey + ": " + e.getMessage());
        }
        sprintKey = null;
      }
      while (!STARTED.isEmpty()) {
        AutoCloseable next = STARTED.pop();
        try {
          next.close();
        } catch (Exception e) {
          System.out.println("[e2e] stopping " + next.getClass().getSimpleName() + " failed: " + e);
        }
      }
      if (settings != null) {
        TIMINGS.write(settings.out().resolve("timings.md"));
      }
    }
  }

  @Test
  void aSprintRunsThroughOperateAndTasklist() throws Exception {
    // 1. A lead starts the sprint from the plan.
    Instant posted = Instant.now();
    JsonNode sprint = postPlan();
    String sprintId = sprint.path("sprintId").asText();
    sprintKey = sprint.path("processInstanceKey").asLong();
    assertThat(sprint.path("bpmnProcessId").asText()).isEqualTo("sprint-audienceos-production-sprint");

    // 2. Operate has the instance, with exactly the compiled diagram, and the first task's instance.
    ProcessInstance instance = Waits.until("the sprint instance in Operate", E2eSettings.OPERATE_WAIT,
        () -> operate.processInstance(sprintKey));
    TIMINGS.record("plan POST -> sprint instance visible in Operate", Duration.between(posted, Instant.now()));
    assertThat(instance.bpmnProcessId()).isEqualTo("sprint-audienceos-production-sprint");
    assertThat(instance.parentKey()).isNull();
    String compiledXml = serviceGet("/api/sprints/" + sprintId + "/bpmn");
    String operateXml = operate.session().getText("/v1/process-definitions/" + sprint.path("processDefinitionKey").asLong() + "/xml");
    assertThat(operateXml).isEqualTo(compiledXml);
    List<String> callActivities = callActivityIds(compiledXml);
    assertThat(callActivities).hasSize(7).contains("task_port_cartridge_backend", NEXT_TASK_ELEMENT);
    ProcessInstance firstTask = Waits.until("the first task's sprint-task instance in Operate", E2eSettings.OPERATE_WAIT,
        () -> operate.children(sprintKey).stream().filter(c -> c.bpmnProcessId().equals("sprint-task")).findFirst());
    // Operate imports instances and element instances separately: each may lag the other.
    FlowNodeInstance firstCall = Waits.until("the first call activity in Operate", E2eSettings.OPERATE_WAIT,
        () -> operate.flowNodes(sprintKey).stream().filter(f -> f.flowNodeId().equals("task_port_cartridge_backend")).findFirst());
    assertThat(firstCall.key()).isEqualTo(firstTask.parentFlowNodeInstanceKey());

    // 3. The scripted worker finishes the first task; its review shows in Tasklist and the inbox.
    TasklistTask review = Waits.until("the review of " + FIRST_TASK + " in Tasklist", E2eSettings.TASKLIST_WAIT,
        () -> openTask("review-work", sprintId, FIRST_TASK));
    Instant reviewSeen = Instant.now();
    Instant workerDone = workers.completedAt(sprintId, FIRST_TASK);
    assertThat(workerDone).as("the scripted migration-port worker completed the job").isNotNull();
    TIMINGS.record("worker completed -> review visible in Tasklist", Duration.between(workerDone, reviewSeen));
    assertThat(review.candidateGroups()).containsExactly("backend-reviewers");
    assertThat(review.formId()).isEqualTo("sprint-task-review");
    JsonNode inbox = JSON.readTree(serviceGet("/api/reviews?sprintId=" + sprintId));
    assertThat(inbox.findValuesAsText("name")).contains("Review: Port Cartridge Backend");

    // 4. In the browser: the diagram in Operate, then approve the review through Tasklist's form.
    step("operate-diagram", () -> {
      browser.login(settings.webUrl(), "operate", settings.user(), settings.password());
      browser.open(settings.webUrl() + "/operate/processes/" + sprintKey);
      // bpmn-js renders the diagram as an svg named after the process, one g per element
      browser.waitFor(By.cssSelector("[data-testid=diagram] svg[data-element-id='sprint-audienceos-production-sprint']"));
      for (String id : callActivities) {
        browser.waitForPresent(By.cssSelector("[data-testid=diagram] g[data-element-id='" + id + "']"));
      }
      browser.waitForText("Port Cartridge Backend");
      browser.screenshot("operate-sprint-started.png");
    });
    Instant approved = step("tasklist-approve", () -> {
      browser.login(settings.webUrl(), "tasklist", settings.user(), settings.password());
      browser.open(settings.webUrl() + "/tasklist/" + review.id());
      browser.waitForText("Review: Port Cartridge Backend");
      browser.waitForText("migration-port work for 'Port Cartridge Backend' done by the e2e test's scripted worker");
      dismissNotificationBanner();
      browser.click(browser.waitForClickable(Browser.text("button", "Assign to me")));
      browser.waitFor(Browser.text("button", "Unassign"));
      browser.click(browser.waitFor(Browser.text("label", "Approve")));
      browser.waitFor(By.tagName("textarea")).sendKeys("Endpoints and migrations checked against RevOS.");
      browser.screenshot("tasklist-review-form.png");
      browser.click(browser.waitForClickable(Browser.text("button", "Complete Task")));
      Instant clicked = Instant.now();
      Waits.until("Tasklist to record the review as completed", E2eSettings.TASKLIST_WAIT,
          () -> tasklist.task(review.id()).filter(t -> t.state().equals("COMPLETED")));
      return clicked;
    });
    FlowNodeInstance next = Waits.until("the next task in Operate", E2eSettings.OPERATE_WAIT,
        () -> operate.flowNodes(sprintKey).stream().filter(f -> f.flowNodeId().equals(NEXT_TASK_ELEMENT)).findFirst());
    TIMINGS.record("review approved in Tasklist -> next task visible in Operate", Duration.between(approved, Instant.now()));
    assertThat(next.type()).isEqualTo("CALL_ACTIVITY");
    Waits.until("the first task's instance to be completed in Operate", E2eSettings.OPERATE_WAIT,
        () -> operate.processInstance(firstTask.key()).filter(p -> p.state().equals("COMPLETED")));
    step("operate-next-task", () -> {
      browser.open(settings.webUrl() + "/operate/processes/" + sprintKey);
      browser.waitFor(By.cssSelector("[data-testid=instance-history]"));
      browser.waitForText("E2E Test Multi-Org Roles");
      browser.waitForPresent(By.cssSelector("[data-testid=diagram] g[data-element-id='" + NEXT_TASK_ELEMENT + "']"));
      browser.screenshot("operate-sprint-running.png");
    });

    // 5. The security review of the next task, through the service's inbox, which reads Tasklist.
    JsonNode securityReview = Waits.until("the security review in the service's inbox", E2eSettings.TASKLIST_WAIT,
        () -> inboxTasks(sprintId, "security-reviewers").stream().findFirst());
    assertThat(securityReview.path("name").asText()).isEqualTo("Review: E2E Test Multi-Org Roles");
    assertThat(securityReview.path("form").path("data").path("acceptance").toString()).contains("Owner can edit all clients");
    String securityId = securityReview.path("id").asText();
    step("tasklist-criteria", () -> {
      browser.open(settings.webUrl() + "/tasklist/" + securityId);
      browser.waitForText("Review: E2E Test Multi-Org Roles");
      browser.waitForText("Manager can edit assigned clients only");
      dismissNotificationBanner();
      browser.screenshot("tasklist-review-criteria.png");
    });
    JsonNode decided = servicePost("/api/reviews/" + securityId + "/decision",
        Map.of("decision", "approve", "comment", "Role matrix verified"), 200);
    assertThat(decided.path("kind").asText()).isEqualTo("review");
    Waits.until("Tasklist to show the inbox's decision", E2eSettings.TASKLIST_WAIT,
        () -> tasklist.task(securityId).filter(t -> t.state().equals("COMPLETED")));
    servicePost("/api/reviews/" + securityId + "/decision", Map.of("decision", "approve"), 409);

    // 6. Work the rest through the inbox and the gates through Tasklist until the sprint completes.
    Instant finishing = Instant.now();
    finishSprint(sprintId);
    sprintCompleted = true;
    TIMINGS.record("remaining reviews, manual work and 3 gates -> sprint completed", Duration.between(finishing, Instant.now()));
    JsonNode status = Waits.until("the service's status to show every task and gate completed", E2eSettings.OPERATE_WAIT,
        () -> Optional.of(readJson(serviceGet("/api/sprints/" + sprintId + "/status")))
            .filter(st -> st.path("elements").findValuesAsText("state").stream().allMatch("COMPLETED"::equals))
            .filter(st -> st.path("elements").findValuesAsText("elementId").containsAll(callActivities)));
    assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(status.path("elements").findValuesAsText("elementId")).contains("gate_tier_1", "gate_tier_2", "gate_tier_3");
    step("operate-completed", () -> {
      browser.open(settings.webUrl() + "/operate/processes/" + sprintKey);
      browser.waitFor(By.cssSelector("[data-testid=instance-history]"));
      browser.waitForText("Sprint completed");
      browser.screenshot("operate-sprint-completed.png");
    });
  }

  /** Decides every open inbox task of the sprint and ticks every gate until Operate reports it completed. */
  private void finishSprint(String sprintId) {
    Waits.until("the sprint to complete", Duration.ofMinutes(5), () -> {
      for (JsonNode task : inboxTasks(sprintId, null)) {
        String kind = task.path("kind").asText();
        if (kind.equals("triage")) {
          throw new AssertionError("A task failed and went to triage: " + task);
        }
        Map<String, Object> decision = kind.equals("work")
            ? Map.of("decision", "done", "comment", "Deployed; build, 53 tests and type check green")
            : Map.of("decision", "approve");
        servicePost("/api/reviews/" + task.path("id").asText() + "/decision", decision, 200, 409);
      }
      for (JsonNode gate : openGates()) {
        String id = gate.path("id").asText();
        Map<String, Object> ticks = new LinkedHashMap<>();
        int criteria = readJson(variable(gate, "criteria")).size();
        for (int i = 0; i < criteria; i++) {
          ticks.put("criterion_" + i, true);
        }
        ticks.put("comment", "Verified by the e2e test");
        tasklist.assignToSelf(id);
        tasklist.complete(id, ticks);
      }
      return operate.processInstance(sprintKey).filter(p -> p.state().equals("COMPLETED"));
    });
  }

  private List<JsonNode> openGates() {
    JsonNode found = tasklist.session().post("/v1/tasks/search", Map.of(
        "state", "CREATED", "processInstanceKey", sprintKey, "pageSize", 50,
        "includeVariables", List.of(Map.of("name", "criteria", "alwaysReturnFullValue", true))));
    return JSON.convertValue(found, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + text, e);
    }
  }

  private static String variable(JsonNode task, String name) {
    for (JsonNode v : task.path("variables")) {
      if (v.path("name").asText().equals(name)) {
        return v.path("value").asText();
      }
    }
    return "[]";
  }

  private Optional<TasklistTask> openTask(String elementId, String sprintId, String taskId) {
    return tasklist.openTasks(elementId, Map.of("sprintId", sprintId), List.of("taskId")).stream()
        .filter(t -> taskId.equals(t.variables().get("taskId"))).findFirst();
  }

  private List<JsonNode> inboxTasks(String sprintId, String candidateGroup) {
    String query = "?sprintId=" + sprintId + (candidateGroup == null ? "" : "&candidateGroup=" + candidateGroup);
    JsonNode list = readJson(serviceGet("/api/reviews" + query));
    return JSON.convertValue(list, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
  }

  private void dismissNotificationBanner() {
    // Tasklist offers browser notifications in a banner that would cover part of the screenshot.
    for (WebElement close : browser.findAll(By.cssSelector("button[aria-label='close notification']"))) {
      if (close.isDisplayed()) {
        browser.click(close);
      }
    }
  }

  private static List<String> callActivityIds(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementsByType(CallActivity.class).stream().map(CallActivity::getId).sorted().toList();
  }

  private JsonNode postPlan() throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(service.url.resolve("/api/sprints?file=" + PLAN_FILE))
        .header("Content-Type", "text/markdown")
        .POST(HttpRequest.BodyPublishers.ofFile(settings.plan())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST /api/sprints: %s", r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  private String serviceGet(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(service.url.resolve(path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
      return r.body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("GET " + path + " failed", e);
    }
  }

  private JsonNode servicePost(String path, Object body, Integer... expected) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(service.url.resolve(path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isIn((Object[]) expected);
      return JSON.readTree(r.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("POST " + path + " failed", e);
    }
  }

  /** A browser step; on failure the page as it was is saved under target/e2e/failed-<name>.*. */
  private static <T> T step(String name, java.util.concurrent.Callable<T> body) throws Exception {
    try {
      return body.call();
    } catch (Exception | AssertionError e) {
      browser.evidence("failed-" + name);
      throw e;
    }
  }

  private static void step(String name, Runnable body) throws Exception {
    step(name, () -> {
      body.run();
      return null;
    });
  }
}
