package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A provider answer that got past transport-level handling (no 429, 5xx or 401 reach a provider
 * sync). {@code json} is the parsed body, or null for a non-2xx answer without a JSON body.
 */
public record ApiResponse(int status, JsonNode json, String operation, String provider) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The JSON object of a 2xx answer; anything else is a clear failure naming the operation. */
  public JsonNode requireOk() {
    if (!ok()) {
      String detail = json == null ? "" : ": " + JsonFields.errorSummary(json);
      throw new ProviderRequestException(provider + " answered HTTP " + status + " to " + operation + detail);
    }
    return json;
  }
}
