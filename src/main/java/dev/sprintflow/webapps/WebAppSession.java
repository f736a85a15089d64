package dev.sprintflow.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in session with Operate or Tasklist (self-managed, form login): {@code POST /api/login}
 * answers 204 with a session cookie and an {@code X-CSRF-TOKEN} header, which every later POST and
 * PATCH must send back. An expired session or stale token (401/403) triggers one new login and one
 * retry. Thread-safe; the password is sent in the login body only and never logged.
 */
public class WebAppSession {

  private static final Logger LOG = LoggerFactory.getLogger(WebAppSession.class);
  static final String CSRF_HEADER = "X-CSRF-TOKEN";

  private final String app;
  private final URI base;
  private final String username;
  private final String password;
  private final Duration timeout;
  private final ObjectMapper json;
  private final HttpClient http;
  private final Object loginLock = new Object();
  /** Null until logged in; replaced on every login. */
  private volatile String csrfToken;

  /**
   * @param app "Operate" or "Tasklist", for messages
   * @param base base URL without trailing slash
   */
  public WebAppSession(String app, URI base, String username, String password, Duration timeout, ObjectMapper json) {
    this.app = app;
    this.base = base;
    this.username = username;
    this.password = password;
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public String app() {
    return app;
  }

  public URI base() {
    return base;
  }

  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  /** A non-JSON answer as text, e.g. a process definition's BPMN XML from Operate. */
  public String getText(String path) {
    return exchangeChecked("GET", path, null).body();
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  public JsonNode patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  /** Logs in now (also used by the health check); throws like any request. */
  public void login() {
    synchronized (loginLock) {
      String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/login"))
          .timeout(timeout)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString(form))
          .build();
      HttpResponse<String> response = exchange(request, "POST /api/login");
      if (response.statusCode() == 401) {
        throw new WebAppException(401, "%s at %s refused the login of user '%s': check sprintflow.webapps.username and "
            .formatted(app, base, username) + "sprintflow.webapps.password (local-stack: SPRINTFLOW_STACK_USER, SPRINTFLOW_STACK_PASSWORD)");
      }
      if (response.statusCode() / 100 != 2) {
        throw new WebAppException(response.statusCode(), "%s at %s answered %d to the login; is %s really %s's address?"
            .formatted(app, base, response.statusCode(), base, app));
      }
      // Without the header, the token is only needed for writes; reads still work.
      csrfToken = response.headers().firstValue(CSRF_HEADER).orElse("");
      LOG.debug("Logged in to {} at {} as {}", app, base, username);
    }
  }

  private JsonNode send(String method, String path, Object body) {
    HttpResponse<String> response = exchangeChecked(method, path, body);
    if (response.body() == null || response.body().isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new WebAppException(0, "%s answered %s %s with something that is not JSON: %s"
          .formatted(app, method, path, abbreviate(response.body())));
    }
  }

  private HttpResponse<String> exchangeChecked(String method, String path, Object body) {
    String token = csrfToken;
    if (token == null) {
      login();
      token = csrfToken;
    }
    HttpResponse<String> response = exchange(request(method, path, body, token), method + " " + path);
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      synchronized (loginLock) {
        if (token.equals(csrfToken)) { // nobody logged in again meanwhile
          login();
        }
        token = csrfToken;
      }
      response = exchange(request(method, path, body, token), method + " " + path);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new WebAppException(status, "%s answered %d to %s %s: %s".formatted(app, status, method, path, message(response.body())));
    }
    return response;
  }

  private HttpRequest request(String method, String path, Object body, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
    if (body == null) {
      b.method(method, BodyPublishers.noBody());
    } else {
      try {
        b.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json.writeValueAsString(body)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Cannot write the request body for " + method + " " + path, e);
      }
    }
    if (!token.isEmpty()) {
      b.header(CSRF_HEADER, token);
    }
    return b.build();
  }

  private HttpResponse<String> exchange(HttpRequest request, String what) {
    try {
      return http.send(request, BodyHandlers.ofString());
    } catch (IOException e) {
      throw new WebAppUnavailableException("%s at %s cannot be reached (%s: %s)".formatted(app, base, what, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebAppUnavailableException(app + " request interrupted: " + what, e);
    }
  }

  /** Camunda's error bodies are {"status":..,"message":..}; fall back to the raw text. */
  private String message(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    try {
      JsonNode node = json.readTree(body);
      if (node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (JsonProcessingException ignored) {
      // not JSON: show the text
    }
    return abbreviate(body);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
