package dev.sprintflow.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;

/** Writes estimates as ISO-8601 durations ("P3D", "PT12H"), whatever ObjectMapper is used. */
public final class EstimateSerializer extends StdSerializer<Duration> {
  public EstimateSerializer() {
    super(Duration.class);
  }

  @Override
  public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeString(Estimates.format(value));
  }
}
