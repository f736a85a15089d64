package dev.sprintflow.worker.rbac;

import java.util.List;

/**
 * What an exchange says about access: 2xx allows, the deny statuses (401, 403, 404 unless
 * configured otherwise) deny, anything else (5xx, 3xx, 400, 409, a timeout, no credentials) proves
 * nothing and becomes an error cell, never a silent deny.
 */
public final class ResponseClassifier {

  private final List<Integer> denyStatuses;

  public ResponseClassifier(List<Integer> denyStatuses) {
    this.denyStatuses = List.copyOf(denyStatuses);
  }

  public Access classify(Exchange exchange) {
    if (!exchange.answered()) {
      return Access.ERROR;
    }
    int status = exchange.status();
    if (status >= 200 && status < 300) {
      return Access.ALLOW;
    }
    return denyStatuses.contains(status) ? Access.DENY : Access.ERROR;
  }

  /** Why an error cell is one, for the report; null for allow and deny. */
  public String errorReason(Exchange exchange) {
    if (classify(exchange) != Access.ERROR) {
      return null;
    }
    if (!exchange.answered()) {
      return exchange.failureMessage();
    }
    int status = exchange.status();
    if (status >= 300 && status < 400) {
      return "HTTP %d redirect (to %s); redirects are not followed: configure an API that answers 401/403"
          .formatted(status, exchange.location() == null ? "nowhere" : exchange.location());
    }
    if (status >= 500) {
      return "HTTP %d: the target failed; neither allow nor deny".formatted(status);
    }
    return "HTTP %d is neither success nor a deny status %s".formatted(status, denyStatuses);
  }
}
