package dev.sprintflow.worker.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;

/** Helpers around mock-oauth2-server, the authorization server of the tests. */
final class AuthServers {

  private AuthServers() {}

  /** Forgets the requests recorded so far (the server is shared by a class's tests). */
  static void drain(MockOAuth2Server server) {
    while (take(server, 20) != null) {
      // discard
    }
  }

  /** The next recorded request, or null after the timeout (the server throws instead of answering null). */
  private static RecordedRequest take(MockOAuth2Server server, long millis) {
    try {
      return server.takeRequest(millis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The token endpoint requests recorded since the last drain, in order. */
  static List<RecordedRequest> tokenRequests(MockOAuth2Server server) {
    List<RecordedRequest> tokens = new ArrayList<>();
    RecordedRequest request;
    while ((request = take(server, 200)) != null) {
      if (request.getPath() != null && request.getPath().endsWith("/token")) {
        tokens.add(request);
      }
    }
    return tokens;
  }

  /** The next token request of this issuer gets tokens that live {@code seconds}. */
  static void nextTokensLive(MockOAuth2Server server, String issuer, long seconds) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, "lead@example.com", "JWT", List.of("gmail"),
        java.util.Map.of(), seconds));
  }
}
