package dev.sprintflow.worker.rbac;

import dev.sprintflow.worker.rbac.HttpCall.Header;
import dev.sprintflow.worker.rbac.RbacTargets.Auth;
import dev.sprintflow.worker.rbac.RbacTargets.Call;
import dev.sprintflow.worker.rbac.RbacTargets.Request;
import dev.sprintflow.worker.rbac.RbacTargets.Role;
import dev.sprintflow.worker.rbac.RbacTargets.Target;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a matrix and a configured target into one probe per cell, checking the configuration the
 * matrix needs (roles with credentials, a request per resource and action, every placeholder's
 * value) before a single request goes out. Problems name the configuration key to fix.
 */
public final class ProbePlanner {

  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");
  /** Filled while probing, from the probe's response and the snapshot. */
  static final Pattern RUNTIME_PLACEHOLDER = Pattern.compile("response\\.[A-Za-z0-9_.-]+|location|snapshot");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
  // The JDK client refuses these, and Authorization is the worker's alone.
  private static final Set<String> RESERVED_HEADERS =
      Set.of("authorization", "connection", "content-length", "expect", "host", "upgrade");

  private final Target target;
  private final String key;
  private final List<String> problems = new ArrayList<>();

  private ProbePlanner(String targetName, Target target) {
    this.target = target;
    this.key = RbacTargets.PREFIX + "." + targetName;
  }

  /** One probe per cell of the matrix, in the matrix's order. */
  public static List<Probe> plan(String targetName, Target target, PermissionMatrix matrix) {
    return new ProbePlanner(targetName, target).plan(matrix);
  }

  private List<Probe> plan(PermissionMatrix matrix) {
    checkTarget();
    matrix.roles().forEach(this::checkRole);
    if (target.restoreAs() != null && !target.roles().containsKey(target.restoreAs())) {
      problems.add("%s.restore-as: '%s' is not a configured role (%s)".formatted(key, target.restoreAs(), target.roles().keySet()));
    }
    List<Header> common = headers(target.headers(), key + ".headers");
    List<Probe> probes = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    for (Cell cell : matrix.cells()) {
      Request request = target.requests().getOrDefault(cell.resource(), Map.of()).get(cell.action());
      String requestKey = "%s.requests.%s.%s".formatted(key, cell.resource(), cell.action());
      if (request == null) {
        missing.add(requestKey);
        continue;
      }
      Probe probe = probe(cell, request, requestKey, common);
      if (probe != null) {
        probes.add(probe);
      }
    }
    missing.forEach(k -> problems.add(k + ": missing; the matrix probes this action (method, path, optional body)"));
    if (!problems.isEmpty()) {
      throw new RbacConfigInvalidException(List.copyOf(new LinkedHashSet<>(problems)));
    }
    return probes;
  }

  private void checkTarget() {
    String url = target.baseUrl();
    URI uri = null;
    try {
      uri = url == null ? null : new URI(url);
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      problems.add(key + ".base-url: must be an absolute http(s) URL, e.g. https://staging.example.com");
    } else if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
      problems.add(key + ".base-url: no credentials, query or fragment here; credentials go under roles.<role>.auth");
    }
    if (target.maxConcurrency() < 1 || target.maxConcurrency() > 64) {
      problems.add(key + ".max-concurrency: between 1 and 64");
    }
    if (target.dryRunHeader() != null) {
      header(target.dryRunHeader(), key + ".dry-run-header");
    }
  }

  private void checkRole(String roleName) {
    String roleKey = key + ".roles." + roleName;
    Role role = target.roles().get(roleName);
    if (role == null || role.auth() == null || role.auth().type() == null) {
      problems.add("%s.auth: missing; the matrix probes role '%s' (configured roles: %s)"
          .formatted(roleKey, roleName, target.roles().isEmpty() ? "none" : String.join(", ", target.roles().keySet())));
      return;
    }
    Auth auth = role.auth();
    String authKey = roleKey + ".auth";
    switch (auth.type()) {
      case BEARER -> require(auth.token(), authKey + ".token");
      case BASIC -> {
        require(auth.username(), authKey + ".username");
        require(auth.password(), authKey + ".password");
      }
      case CLIENT_CREDENTIALS -> {
        url(auth.tokenUrl(), authKey + ".token-url");
        require(auth.clientId(), authKey + ".client-id");
      }
      case PASSWORD -> {
        url(auth.tokenUrl(), authKey + ".token-url");
        require(auth.clientId(), authKey + ".client-id");
        require(auth.username(), authKey + ".username");
        require(auth.password(), authKey + ".password");
      }
    }
  }

  private Probe probe(Cell cell, Request request, String requestKey, List<Header> common) {
    String method = method(request.method(), requestKey + ".method");
    if (method == null || !path(request.path(), requestKey + ".path")) {
      return null;
    }
    List<Header> headers = new ArrayList<>(common);
    headers.addAll(headers(request.headers(), requestKey + ".headers"));
    String dryRunHeader = request.dryRunHeader() != null ? request.dryRunHeader() : target.dryRunHeader();
    boolean dryRun = !SAFE_METHODS.contains(method) && dryRunHeader != null && !Boolean.FALSE.equals(request.dryRun());
    if (dryRun) {
      headers.add(header(dryRunHeader, requestKey + ".dry-run-header"));
    }
    Map<String, String> values = values(cell);
    HttpCall call = new HttpCall(method,
        fill(request.path(), values, requestKey + ".path", cell, true, false),
        fill(request.body(), values, requestKey + ".body", cell, false, false), headers);
    if (dryRun || SAFE_METHODS.contains(method)) {
      return new Probe(cell, call, dryRun, null, null, null);
    }
    String restoreRole = target.restoreAs() != null ? target.restoreAs() : cell.role();
    HttpCall snapshot = followUp(request.snapshot(), requestKey + ".snapshot", values, cell, common, false);
    HttpCall restore = followUp(request.restore(), requestKey + ".restore", values, cell, common, true);
    if (restore != null && restore.toString().contains("{{snapshot}}") && snapshot == null) {
      problems.add(requestKey + ".restore: uses {{snapshot}}, so " + requestKey + ".snapshot must say how to fetch it");
    }
    return new Probe(cell, call, false, snapshot, restore, restoreRole);
  }

  private HttpCall followUp(Call call, String callKey, Map<String, String> values, Cell cell, List<Header> common,
      boolean runtimeValues) {
    if (call == null) {
      return null;
    }
    String method = method(call.method(), callKey + ".method");
    boolean fromLocation = runtimeValues && call.path() != null && call.path().startsWith("{{location}}");
    if (method == null || !fromLocation && !path(call.path(), callKey + ".path")) {
      return null;
    }
    return new HttpCall(method, fill(call.path(), values, callKey + ".path", cell, true, runtimeValues),
        fill(call.body(), values, callKey + ".body", cell, false, runtimeValues), common);
  }

  /** Placeholder values for this cell: the role's scope, then the role's params, then the target's. */
  private Map<String, String> values(Cell cell) {
    Map<String, String> values = new java.util.HashMap<>(target.params());
    Role role = target.roles().get(cell.role());
    if (role != null) {
      values.putAll(role.params());
      if (cell.scope() != null) {
        values.putAll(role.scopes().getOrDefault(cell.scope(), Map.of()));
      }
    }
    return values;
  }

  private String fill(String template, Map<String, String> values, String field, Cell cell, boolean inPath,
      boolean runtimeValues) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null && runtimeValues && RUNTIME_PLACEHOLDER.matcher(name).matches()) {
        m.appendReplacement(out, Matcher.quoteReplacement("{{" + name + "}}"));
        continue;
      }
      if (value == null) {
        String where = cell.scope() == null
            ? "%s.roles.%s.params.%s or %s.params.%s".formatted(key, cell.role(), name, key, name)
            : "%s.roles.%s.scopes.%s.%s".formatted(key, cell.role(), cell.scope(), name);
        problems.add("%s: no value for {{%s}} for %s; set %s".formatted(field, name, cell, where));
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(inPath ? encodePathValue(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String encodePathValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String method(String raw, String field) {
    String method = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    if (method == null || !METHODS.contains(method)) {
      problems.add("%s: '%s' is not one of %s".formatted(field, raw, new java.util.TreeSet<>(METHODS)));
      return null;
    }
    return method;
  }

  private boolean path(String path, String field) {
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("#")) {
      problems.add(field + ": must start with / (it is appended to base-url), e.g. /api/clients/{{client}}");
      return false;
    }
    return true;
  }

  private List<Header> headers(List<String> raw, String field) {
    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Header h = header(raw.get(i), "%s[%d]".formatted(field, i));
      if (h != null) {
        headers.add(h);
      }
    }
    return headers;
  }

  private Header header(String raw, String field) {
    int colon = raw == null ? -1 : raw.indexOf(':');
    String name = colon < 1 ? null : raw.substring(0, colon).strip();
    if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      problems.add(field + ": write 'Name: value', e.g. 'X-Dry-Run: true'");
      return null;
    }
    if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      problems.add("%s: %s is set by the worker (credentials go under roles.<role>.auth)".formatted(field, name));
      return null;
    }
    return new Header(name, raw.substring(colon + 1).strip());
  }

  private void require(String value, String field) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": is required");
    }
  }

  private void url(String value, String field) {
    try {
      URI uri = value == null ? null : new URI(value);
      if (uri != null && uri.isAbsolute() && uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getUserInfo() == null) {
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    problems.add(field + ": must be an absolute http(s) URL without credentials");
  }

}
