package dev.sprintflow.test;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.engine.EmbeddedZeebeEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Test-side view of the embedded engine's record stream: what an instance passed through, which
 * variables it carried, whether it completed. Assertions read the engine's own records, never the
 * service's idea of them.
 */
public final class EngineRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedZeebeEngine engine;

  public EngineRecords(EmbeddedZeebeEngine engine) {
    this.engine = engine;
  }

  public Stream<Record<?>> all() {
    return StreamSupport.stream(engine.records().spliterator(), false);
  }

  /** Process-instance events (not commands or rejections) of one instance, oldest first. */
  public Stream<Record<ProcessInstanceRecordValue>> processInstanceEvents(long processInstanceKey) {
    return all()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE && r.getRecordType() == RecordType.EVENT)
        .map(EngineRecords::<ProcessInstanceRecordValue>cast)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey);
  }

  public boolean isCompleted(long processInstanceKey) {
    return processInstanceEvents(processInstanceKey)
        .anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS);
  }

  /** Waits until the instance has completed (fails the test after the timeout). */
  public void awaitCompleted(long processInstanceKey, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> isCompleted(processInstanceKey));
  }

  /** Ids of the elements the instance completed, in order. */
  public List<String> completedElements(long processInstanceKey) {
    return processInstanceEvents(processInstanceKey)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /** The latest value of every variable the instance (any scope) held, decoded from JSON. */
  public Map<String, Object> variables(long processInstanceKey) {
    Map<String, Object> vars = new LinkedHashMap<>();
    all()
        .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getRecordType() == RecordType.EVENT)
        .map(EngineRecords::<VariableRecordValue>cast)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .forEach(r -> vars.put(r.getValue().getName(), decode(r.getValue().getValue())));
    return vars;
  }

  @SuppressWarnings("unchecked")
  private static <T extends io.camunda.zeebe.protocol.record.RecordValue> Record<T> cast(Record<?> r) {
    return (Record<T>) r;
  }

  private static Object decode(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Variable value is not JSON: " + json, e);
    }
  }
}
