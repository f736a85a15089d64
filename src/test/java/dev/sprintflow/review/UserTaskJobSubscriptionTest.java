package dev.sprintflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.DeploymentProperties;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What arrives as a user-task job: ours goes to the inbox, others stay untouched, nothing throws. */
class UserTaskJobSubscriptionTest {

  private final ObjectMapper json = new ObjectMapper();
  private final ReviewProperties properties = new ReviewProperties(null, null, null, null, null, null);
  private final ReviewInbox inbox = new ReviewInbox(
      new FormCatalog(new DeploymentProperties(true, List.of("bpmn")), json, properties),
      (key, vars) -> {}, Clock.systemUTC(), properties);
  private final UserTaskJobSubscription subscription = new UserTaskJobSubscription(
      mock(CamundaClient.class), inbox, new UserTaskJobReader(json), properties, Clock.systemUTC());

  @Test
  void aLifecycleTaskIsHeldWithItsHeaders() {
    ActivatedJob job = job(42, Map.of(
        UserTaskHeaders.KIND, "triage",
        UserTaskHeaders.FORM_ID, "sprint-task-triage",
        UserTaskHeaders.CANDIDATE_GROUPS, "[\"sprint-leads\"]",
        UserTaskHeaders.DUE_DATE, "2026-01-16T09:00:00Z[Etc/UTC]"));

    subscription.receive(mock(JobClient.class), job);

    ReviewTask task = inbox.list(null, null).get(0);
    assertThat(task.id()).isEqualTo("42");
    assertThat(task.kind()).isEqualTo("triage");
    assertThat(task.candidateGroups()).containsExactly("sprint-leads");
    assertThat(task.dueDate()).isNotNull();
  }

  @Test
  void aUserTaskOfAnotherProcessIsLeftAlone() {
    subscription.receive(mock(JobClient.class), job(43, Map.of(UserTaskHeaders.CANDIDATE_GROUPS, "[\"accounting\"]")));

    assertThat(inbox.list(null, null)).isEmpty();
  }

  @Test
  void aJobThatCannotBeReadDoesNotEscapeToTheClient() {
    ActivatedJob broken = mock(ActivatedJob.class);
    when(broken.getCustomHeaders()).thenThrow(new IllegalStateException("malformed headers"));

    assertThatCode(() -> subscription.receive(mock(JobClient.class), broken)).doesNotThrowAnyException();
  }

  private static ActivatedJob job(long key, Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(key);
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getElementId()).thenReturn("triage");
    when(job.getBpmnProcessId()).thenReturn("sprint-task");
    when(job.getProcessInstanceKey()).thenReturn(key * 10);
    when(job.getVariablesAsMap()).thenReturn(Map.of("sprintId", "s", "taskTitle", "Gmail sync"));
    return job;
  }
}
