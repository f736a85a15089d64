package dev.sprintflow.test;

import dev.sprintflow.webapps.WebAppSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for Operate/Tasklist's HTTP surface as observed on the 8.6 stack: form login at
 * /api/login answering 204 with a session cookie and an X-CSRF-TOKEN header; 401 without a valid
 * session, 403 for writes without the current token. Routes are registered per "METHOD /path"
 * (a trailing "*" matches any rest) and every request is recorded.
 */
public final class FakeWebApp implements AutoCloseable {

  public record Request(String method, String path, String body, String csrfToken) {}

  public record Response(int status, String body) {
    public static Response json(String body) {
      return new Response(200, body);
    }
  }

  public static final String USER = "demo";
  public static final String PASSWORD = "s3cret-pw";

  private final HttpServer server;
  private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger logins = new AtomicInteger();
  private volatile String session;
  private volatile String token;

  public FakeWebApp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public WebAppSession session(String app, String password) {
    return new WebAppSession(app, url(), USER, password, java.time.Duration.ofSeconds(5), new ObjectMapper());
  }

  public FakeWebApp on(String methodAndPath, Function<Request, Response> handler) {
    routes.put(methodAndPath, handler);
    return this;
  }

  /** Forgets the session, as a restarted or timed-out server would. */
  public void expireSession() {
    session = "expired";
  }

  public int logins() {
    return logins.get();
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Request> requests(String method, String pathPrefix) {
    return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String csrf = ex.getRequestHeaders().getFirst("X-CSRF-TOKEN");
    requests.add(new Request(method, path, body, csrf));
    if (path.equals("/api/login") && method.equals("POST")) {
      Map<String, String> form = form(body);
      if (USER.equals(form.get("username")) && PASSWORD.equals(form.get("password"))) {
        int n = logins.incrementAndGet();
        session = "S" + n;
        token = "T" + n;
        ex.getResponseHeaders().add("Set-Cookie", "OPERATE-SESSION=" + session + "; Path=/; HttpOnly");
        ex.getResponseHeaders().add("X-CSRF-TOKEN", token);
        send(ex, new Response(204, ""));
      } else {
        send(ex, new Response(401, "{\"status\":401,\"message\":\"Bad credentials\"}"));
      }
      return;
    }
    String cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie"));
    if (session == null || !cookie.contains("OPERATE-SESSION=" + session)) {
      send(ex, new Response(401, ""));
      return;
    }
    if (!method.equals("GET") && !String.valueOf(token).equals(csrf)) {
      send(ex, new Response(403, "{\"status\":403,\"message\":\"Forbidden\"}"));
      return;
    }
    Function<Request, Response> route = routes.get(method + " " + path);
    if (route == null) {
      route = routes.entrySet().stream()
          .filter(e -> e.getKey().endsWith("*") && (method + " " + path).startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }
    send(ex, route == null ? new Response(404, "{\"status\":404,\"message\":\"no route " + path + "\"}")
        : route.apply(new Request(method, path, body, csrf)));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange ex, Response r) throws IOException {
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
