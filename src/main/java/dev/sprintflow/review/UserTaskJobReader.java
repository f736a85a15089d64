package dev.sprintflow.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns an activated user-task job into the inbox's snapshot, reading Zeebe's and our headers. */
@Component
public class UserTaskJobReader {

  private final ObjectMapper json;

  public UserTaskJobReader(ObjectMapper json) {
    this.json = json;
  }

  /** Empty for user tasks of other processes (no {@link UserTaskHeaders#KIND} header). */
  public Optional<OpenUserTask> read(ActivatedJob job, Instant leaseUntil) {
    Map<String, String> headers = job.getCustomHeaders();
    String kind = headers.get(UserTaskHeaders.KIND);
    if (kind == null || kind.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new OpenUserTask(
        job.getKey(),
        kind,
        headers.get(UserTaskHeaders.FORM_ID),
        job.getElementId(),
        job.getBpmnProcessId(),
        job.getProcessInstanceKey(),
        candidateGroups(headers.get(UserTaskHeaders.CANDIDATE_GROUPS)),
        dueDate(headers.get(UserTaskHeaders.DUE_DATE)),
        job.getVariablesAsMap(),
        leaseUntil));
  }

  private List<String> candidateGroups(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(header, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      return List.of(header); // a static single group written without brackets
    }
  }

  /** Zeebe writes e.g. 2026-01-16T09:00:00Z[Etc/UTC]; Tasklist parses the same way. */
  static Instant dueDate(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(header, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
