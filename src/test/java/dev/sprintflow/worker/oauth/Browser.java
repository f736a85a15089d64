package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a person's browser does during consent: follow one redirect at a time, over real HTTP. */
final class Browser {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Browser() {}

  static HttpResponse<String> get(URI uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A person consenting at an authorization server: open the authorize URL; when the server shows
   * its login/consent form (mock-oauth2-server does for prompt=consent), submit it as {@code user}.
   * Returns where the server sends the browser back to.
   */
  static URI consent(URI authorize, String user) {
    HttpResponse<String> page = get(authorize);
    if (page.statusCode() == 200 && page.body().contains("username")) {
      page = post(authorize, "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8));
    }
    assertThat(page.statusCode()).as("authorize %s: %s", authorize, page.body()).isIn(302, 303);
    return authorize.resolve(page.headers().firstValue("Location").orElseThrow());
  }

  static HttpResponse<String> post(URI uri, String form) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("POST " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where a GET redirects to (asserting that it does). */
  static URI redirect(URI uri) {
    HttpResponse<String> response = get(uri);
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isIn(302, 303);
    return uri.resolve(response.headers().firstValue("Location").orElseThrow());
  }

  static Map<String, List<String>> query(URI uri) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return params;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  static String param(URI uri, String name) {
    List<String> values = query(uri).get(name);
    return values == null ? null : values.get(0);
  }
}
