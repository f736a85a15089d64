package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Provider positions are small JSON records; an unreadable stored one means "start over". */
final class Positions {

  private static final Logger LOG = LoggerFactory.getLogger(Positions.class);

  private Positions() {}

  static <T> Optional<T> read(String position, Class<T> type) {
    if (position == null || position.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ProviderApiFactory.JSON.readValue(position, type));
    } catch (JsonProcessingException e) {
      // Upserts make a full re-read safe; a stuck sync would not be.
      LOG.warn("Stored sync position {} is unreadable as {}; starting over", position, type.getSimpleName());
      return Optional.empty();
    }
  }

  static String write(Object position) {
    try {
      return ProviderApiFactory.JSON.writeValueAsString(position);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write sync position " + position, e);
    }
  }
}
