package dev.sprintflow.worker.oauth;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Provider URIs whose variable parts (ids, page tokens, cursors) are fully percent-encoded: a
 * base64 cursor's '+' or '/' must reach the provider as itself, not as a space or a path.
 */
final class ApiUri {

  private final UriComponentsBuilder builder;
  private final Map<String, Object> values = new HashMap<>();

  private ApiUri(URI base, String path) {
    this.builder = UriComponentsBuilder.fromUri(base).path(path);
  }

  static ApiUri of(URI base, String path) {
    return new ApiUri(base, path);
  }

  ApiUri segment(String value) {
    builder.pathSegment("{" + name(value) + "}");
    return this;
  }

  /** Adds the parameter unless the value is null. */
  ApiUri param(String name, Object value) {
    if (value != null) {
      builder.queryParam(name, "{" + name(value) + "}");
    }
    return this;
  }

  URI build() {
    return builder.encode().buildAndExpand(values).toUri();
  }

  private String name(Object value) {
    String name = "v" + values.size();
    values.put(name, value);
    return name;
  }
}
