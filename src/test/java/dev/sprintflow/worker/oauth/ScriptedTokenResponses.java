package dev.sprintflow.worker.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * A route in front of mock-oauth2-server's token endpoint: while answers are queued, token
 * requests get them (a revoked grant, a rotated refresh token); otherwise the server answers.
 */
final class ScriptedTokenResponses implements Route {

  private final Queue<OAuth2HttpResponse> answers = new ConcurrentLinkedQueue<>();

  /** The next token request gets an OAuth error (RFC 6749 5.2), as Google sends it for a revoked grant. */
  void refuse(String error, String description) {
    answers.add(json(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}"));
  }

  /** The next token request gets exactly these tokens. */
  void issue(String accessToken, String refreshToken, long expiresIn) {
    answers.add(json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
        + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"") + "}"));
  }

  /** The next token request fails as an overloaded server's would. */
  void fail(int status) {
    answers.add(json(status, "{\"error\":\"temporarily_unavailable\"}"));
  }

  void clear() {
    answers.clear();
  }

  @Override
  public boolean match(OAuth2HttpRequest request) {
    return request.getUrl().encodedPath().endsWith("/token") && !answers.isEmpty();
  }

  @Override
  public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
    OAuth2HttpResponse next = answers.poll();
    return next != null ? next : json(500, "{\"error\":\"server_error\",\"error_description\":\"script ran dry\"}");
  }

  private static OAuth2HttpResponse json(int status, String body) {
    return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), status, body,
        body.getBytes(StandardCharsets.UTF_8));
  }
}
