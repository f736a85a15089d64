package dev.sprintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.review.UserTaskHeaders;
import dev.sprintflow.test.DiagramLayout;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.ParsedDecision;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The models as files: valid for Zeebe, drawn completely and legibly, targeted at Camunda 8.6, and
 * consistent with the forms, decisions, constants and worker documentation they rely on. The
 * Modeler linter (bpmnlint + camunda-compat) runs separately once tools/modeler lands.
 */
class SprintTaskModelTest {

  static final Path BPMN = Path.of("bpmn/sprint-task.bpmn");
  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  private final BpmnModelInstance model = Bpmn.readModelFromFile(BPMN.toFile());
  private final ObjectMapper json = new ObjectMapper();

  static Stream<Path> modelFiles() throws IOException {
    return Stream.of("bpmn", "dmn").flatMap(dir -> {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        return files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).sorted().toList().stream();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void isAValidZeebeProcess() {
    Bpmn.validateModel(model);
    assertThat(model.getModelElementById(LifecycleVariables.PROCESS_ID).getAttributeValue("isExecutable")).isEqualTo("true");
  }

  @ParameterizedTest
  @MethodSource("modelFiles")
  void targetsCamunda86(Path file) throws Exception {
    Element root = xml(file).getDocumentElement();
    assertThat(root.getAttributeNS(MODELER_NS, "executionPlatform")).isEqualTo("Camunda Cloud");
    assertThat(root.getAttributeNS(MODELER_NS, "executionPlatformVersion")).isEqualTo("8.6.0");
  }

  @ParameterizedTest
  @MethodSource("modelFiles")
  void diagramsAreDrawnCompletelyAndLegibly(Path file) {
    if (file.toString().endsWith(".bpmn")) {
      assertThat(DiagramLayout.problems(Bpmn.readModelFromFile(file.toFile()))).isEmpty();
    }
  }

  @Test
  void userTasksAreJobWorkerBasedWithALinkedFormTheInboxCanFind() throws Exception {
    List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
    assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrder("review-work", "triage", "do-manual-work");
    for (UserTask task : userTasks) {
      // Camunda user tasks cannot be completed on the embedded engine (docs/lifecycle.md, "User tasks")
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as(task.getId()).isNull();
      String formId = task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId();
      Map<String, String> headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class).getHeaders().stream()
          .collect(Collectors.toMap(ZeebeHeader::getKey, ZeebeHeader::getValue));
      assertThat(headers).containsEntry(UserTaskHeaders.FORM_ID, formId).containsKey(UserTaskHeaders.KIND);
      JsonNode form = json.readTree(Path.of("bpmn", formId + ".form").toFile());
      assertThat(form.get("id").asText()).isEqualTo(formId);
      assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("8.6.0");
    }
  }

  @Test
  void calledDecisionsExistAndParseWithExplicitHitPoliciesAndAnnotatedRules() throws Exception {
    List<String> called = model.getModelElementsByType(BusinessRuleTask.class).stream()
        .map(t -> t.getSingleExtensionElement(ZeebeCalledDecision.class).getDecisionId())
        .toList();
    assertThat(called).containsExactlyInAnyOrder("priority-tier", "review-policy");
    for (String decisionId : called) {
      Path file = Path.of("dmn", decisionId + ".dmn");
      try (InputStream in = Files.newInputStream(file)) {
        ParsedDecisionRequirementsGraph drg = DecisionEngineFactory.createDecisionEngine().parse(in);
        assertThat(drg.isValid()).as(drg.getFailureMessage()).isTrue();
        assertThat(drg.getDecisions()).extracting(ParsedDecision::getId).contains(decisionId);
      }
      Document dmn = xml(file);
      NodeList tables = dmn.getElementsByTagNameNS("*", "decisionTable");
      for (int i = 0; i < tables.getLength(); i++) {
        assertThat(((Element) tables.item(i)).getAttribute("hitPolicy")).as(file + " hit policy").isNotBlank();
      }
      NodeList rules = dmn.getElementsByTagNameNS("*", "rule");
      assertThat(rules.getLength()).isPositive();
      for (int i = 0; i < rules.getLength(); i++) {
        Element rule = (Element) rules.item(i);
        NodeList description = rule.getElementsByTagNameNS("*", "description");
        assertThat(description.getLength() == 1 ? description.item(0).getTextContent() : "")
            .as("annotation of rule %s in %s", rule.getAttribute("id"), file).isNotBlank();
      }
    }
  }

  @Test
  void everyErrorCodeIsAConstantAndDocumentedForWorkerAuthors() throws Exception {
    String readme = Files.readString(Path.of("workers/README.md"));
    List<String> bpmnCodes = model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode).toList();
    assertThat(bpmnCodes).contains(LifecycleErrors.SPRINT_ABORTED, LifecycleErrors.REWORK_LIMIT_REACHED, LifecycleErrors.WORK_FAILED);
    for (String code : Stream.concat(bpmnCodes.stream(), LifecycleErrors.WORKER_CODES.stream()).toList()) {
      assertThat(readme).as("workers/README.md documents " + code).contains("`" + code + "`");
    }
    assertThat(readme).contains("`" + LifecycleErrors.UNKNOWN_CODE + "`");
    BoundaryEvent workFailed = model.getModelElementById("work-failed");
    ErrorEventDefinition catchAll = (ErrorEventDefinition) workFailed.getEventDefinitions().iterator().next();
    assertThat(catchAll.getError()).as("the work's error boundary catches every code").isNull();
  }

  @Test
  void theBpmnUsesTheSharedNamesAndDefaults() throws Exception {
    String bpmn = Files.readString(BPMN);
    for (String name : List.of(LifecycleVariables.WORKER_KIND, LifecycleVariables.SCORE,
        LifecycleVariables.ESTIMATE, LifecycleVariables.REVIEW, LifecycleVariables.FORCE_RUN, LifecycleVariables.TASK_OUTCOME,
        LifecycleVariables.TIER, LifecycleVariables.RESULT, LifecycleVariables.REWORK_COUNT, LifecycleVariables.REVIEW_COMMENT,
        LifecycleVariables.ERROR_CODE, LifecycleVariables.ERROR_MESSAGE)) {
      assertThat(bpmn).as("the BPMN uses variable " + name).containsPattern("\\b" + name + "\\b");
    }
    for (String outcome : List.of(LifecycleVariables.OUTCOME_DONE, LifecycleVariables.OUTCOME_DEFERRED, LifecycleVariables.OUTCOME_SKIPPED)) {
      assertThat(bpmn).contains("&quot;" + outcome + "&quot;\" target=\"" + LifecycleVariables.TASK_OUTCOME + "\"");
    }
    assertThat(bpmn).contains("type=\"" + LifecycleVariables.ESCALATION_JOB_TYPE + "\"")
        .contains("workerKind = \"" + LifecycleVariables.MANUAL_WORKER_KIND + "\"")
        .contains("&quot;" + LifecycleErrors.UNKNOWN_CODE + "&quot;");
    TimerEventDefinition timer = (TimerEventDefinition) ((BoundaryEvent) model.getModelElementById("work-overdue"))
        .getEventDefinitions().iterator().next();
    assertThat(timer.getTimeDuration().getTextContent()).contains("\"" + LifecycleVariables.DEFAULT_ESTIMATE + "\"");
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
