package dev.sprintflow.worker.rbac;

import java.util.List;

/**
 * The outcome of signing in as one role: the Authorization header value to send, or why there is
 * none. {@code secrets} are the strings to redact from anything the check reports.
 */
public record RoleCredentials(String authorization, String failure, boolean unreachable, List<String> secrets) {

  public RoleCredentials {
    secrets = List.copyOf(secrets);
  }

  static RoleCredentials header(String authorization, List<String> secrets) {
    return new RoleCredentials(authorization, null, false, secrets);
  }

  static RoleCredentials failed(String failure, boolean unreachable, List<String> secrets) {
    return new RoleCredentials(null, failure, unreachable, secrets);
  }

  public boolean ok() {
    return authorization != null;
  }

  @Override
  public String toString() {
    return ok() ? "RoleCredentials[authorization=***]" : "RoleCredentials[failure=" + failure + "]";
  }
}
