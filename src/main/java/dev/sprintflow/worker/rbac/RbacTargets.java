package dev.sprintflow.worker.rbac;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Systems the rbac-check worker may probe, configured server-side under
 * {@code sprintflow.rbac.targets.<name>} (workers/rbac-check.md). Process variables only name a
 * target: URLs and credentials never travel through the engine, so a plan cannot point the worker
 * at another host or read a secret back.
 */
@ConfigurationProperties("sprintflow.rbac")
public record RbacTargets(Map<String, Target> targets, Duration retryBackoff, Duration maxDuration) {

  public static final String PREFIX = "sprintflow.rbac.targets";

  public RbacTargets {
    targets = targets == null ? Map.of() : new TreeMap<>(targets);
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
    maxDuration = maxDuration == null ? Duration.ofMinutes(5) : maxDuration;
  }

  /** The named target, or a problem listing the configured names. */
  public Target require(String name) {
    if (name == null || name.isBlank()) {
      throw new RbacConfigInvalidException("inputs.target: is required: the name of a configured target ("
          + configuredNames() + ")");
    }
    Target target = targets.get(name);
    if (target == null) {
      throw new RbacConfigInvalidException("inputs.target: no target '%s' is configured (%s)".formatted(name, configuredNames()));
    }
    return target;
  }

  private String configuredNames() {
    return targets.isEmpty()
        ? "none configured; add " + PREFIX + ".<name>.base-url"
        : "configured: " + String.join(", ", targets.keySet());
  }

  /**
   * One system under test. {@code requests.<resource>.<action>} maps each cell to an HTTP request;
   * {@code roles.<role>} says how to sign in as that role and which objects are in its scopes.
   */
  public record Target(
      String baseUrl,
      Duration connectTimeout,
      Duration requestTimeout,
      Integer maxConcurrency,
      List<String> headers,
      String dryRunHeader,
      List<Integer> denyStatuses,
      String restoreAs,
      Map<String, String> params,
      Map<String, Role> roles,
      Map<String, Map<String, Request>> requests) {

    public Target {
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
      requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
      maxConcurrency = maxConcurrency == null ? 8 : maxConcurrency;
      headers = headers == null ? List.of() : List.copyOf(headers);
      denyStatuses = denyStatuses == null || denyStatuses.isEmpty() ? List.of(401, 403, 404) : List.copyOf(denyStatuses);
      params = params == null ? Map.of() : Map.copyOf(params);
      roles = roles == null ? Map.of() : new TreeMap<>(roles);
      requests = requests == null ? Map.of() : new TreeMap<>(requests);
    }
  }

  /**
   * How to act as one role: its credentials, and the placeholder values of its scopes (e.g.
   * {@code scopes.assigned.client: c-1}, a client assigned to this role's user).
   */
  public record Role(Auth auth, Map<String, String> params, Map<String, Map<String, String>> scopes) {

    public Role {
      params = params == null ? Map.of() : Map.copyOf(params);
      scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
    }
  }

  public enum AuthType { BEARER, BASIC, CLIENT_CREDENTIALS, PASSWORD }

  /** Credentials of a role. Which fields count depends on the type; toString hides the secrets. */
  public record Auth(
      AuthType type,
      String token,
      String username,
      String password,
      String tokenUrl,
      String clientId,
      String clientSecret,
      String scope) {

    @Override
    public String toString() {
      return "Auth[type=%s, username=%s, tokenUrl=%s, clientId=%s, scope=%s, secrets=***]"
          .formatted(type, username, tokenUrl, clientId, scope);
    }
  }

  /**
   * The probe of one action on one resource. Placeholders {@code {{name}}} in path and body are
   * filled from the role's scope, the role's params and the target's params. With a dry-run header
   * (here or on the target) the probe is safe and nothing is restored; otherwise an allowed probe
   * is followed by {@code restore}, sent as {@code restore-as}, which may use the probe's response
   * ({@code {{response.<field>}}}, {@code {{location}}}) and what {@code snapshot} fetched before
   * the probe ({@code {{snapshot}}}).
   */
  public record Request(
      String method,
      String path,
      String body,
      List<String> headers,
      String dryRunHeader,
      Boolean dryRun,
      Call snapshot,
      Call restore) {

    public Request {
      headers = headers == null ? List.of() : List.copyOf(headers);
    }
  }

  /** A follow-up request (snapshot or restore). */
  public record Call(String method, String path, String body) {}
}
