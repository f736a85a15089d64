package dev.sprintflow.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON form of plans (docs/plan.schema.json), pretty-printed, with a trailing newline. */
public final class PlanJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

  private PlanJson() {}

  public static String write(Object planOrPart) {
    try {
      return WRITER.writeValueAsString(planOrPart) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan model not serialisable: " + e.getOriginalMessage(), e);
    }
  }
}
