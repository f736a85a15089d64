package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.oauth.BearerToken;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ReauthRequiredException;
import dev.sprintflow.oauth.RetryAfter;
import dev.sprintflow.oauth.TokenRefresher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Authorised GETs against one connection's provider API for the length of a sync: adds the bearer
 * token, refreshes once when the provider rejects it, and turns transport outcomes into the sync's
 * failure types (429 with its Retry-After, 5xx and timeouts, malformed JSON). The token is kept in
 * memory only and never appears in a message.
 */
public final class ProviderApi {

  /** Re-check the stored token this long before it expires. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
  private static final int SNIPPET = 60;

  private final HttpClient http;
  private final TokenRefresher tokens;
  private final Connection connection;
  private final ObjectMapper json;
  private final SyncProperties sync;
  private final Duration readTimeout;
  private final Clock clock;
  // A lock, not synchronized: metadata requests run on virtual threads, which a monitor would pin.
  private final ReentrantLock tokenLock = new ReentrantLock();
  private BearerToken token;

  ProviderApi(HttpClient http, TokenRefresher tokens, Connection connection, ObjectMapper json, SyncProperties sync,
      Duration readTimeout, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.connection = connection;
    this.json = json;
    this.sync = sync;
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  public Connection connection() {
    return connection;
  }

  /** GET with the usual 401 handling only. */
  public ApiResponse get(URI uri, String operation) {
    return get(uri, operation, body -> false);
  }

  /**
   * GET; {@code tokenRejected} recognises providers that reject a token in a 200 body (Slack's
   * {@code invalid_auth}), which is then handled like a 401: one refresh, one retry.
   */
  public ApiResponse get(URI uri, String operation, Predicate<JsonNode> tokenRejected) {
    BearerToken used = currentToken();
    ApiResponse response = send(uri, operation, used);
    if (rejected(response, tokenRejected)) {
      BearerToken replaced = replace(used);
      response = send(uri, operation, replaced);
      if (rejected(response, tokenRejected)) {
        throw new ReauthRequiredException(connection.id(), connection.provider(), connection.account(),
            "the provider rejected a freshly refreshed access token (" + operation + ")");
      }
    }
    return response;
  }

  /** Several GETs at once (at most fetch-concurrency in flight); answers in the order of the URIs. */
  public List<ApiResponse> getAll(List<URI> uris, String operation, Predicate<JsonNode> tokenRejected) {
    if (uris.size() <= 1 || sync.fetchConcurrency() == 1) {
      return uris.stream().map(u -> get(u, operation, tokenRejected)).toList();
    }
    Semaphore permits = new Semaphore(sync.fetchConcurrency());
    List<Future<ApiResponse>> futures = new ArrayList<>(uris.size());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (URI uri : uris) {
        futures.add(executor.submit(() -> {
          permits.acquire();
          try {
            return get(uri, operation, tokenRejected);
          } finally {
            permits.release();
          }
        }));
      }
      List<ApiResponse> answers = new ArrayList<>(uris.size());
      for (Future<ApiResponse> future : futures) {
        answers.add(await(future, futures));
      }
      return answers;
    }
  }

  private static ApiResponse await(Future<ApiResponse> future, List<Future<ApiResponse>> all) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      all.forEach(f -> f.cancel(true)); // one failure fails the page: stop the rest
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ProviderUnavailableException("A provider request failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      all.forEach(f -> f.cancel(true));
      throw new ProviderUnavailableException("Interrupted while waiting for the provider");
    }
  }

  private boolean rejected(ApiResponse response, Predicate<JsonNode> tokenRejected) {
    return response.status() == 401 || (response.ok() && tokenRejected.test(response.json()));
  }

  private BearerToken currentToken() {
    tokenLock.lock();
    try {
      if (token == null || (token.expiresAt() != null && token.expiresAt().isBefore(clock.instant().plus(EXPIRY_MARGIN)))) {
        token = tokens.accessToken(connection.id());
      }
      return token;
    } finally {
      tokenLock.unlock();
    }
  }

  private BearerToken replace(BearerToken rejected) {
    tokenLock.lock();
    try {
      if (token == null || token.revision() == rejected.revision()) {
        token = tokens.replaceRejected(connection.id(), rejected);
      }
      return token;
    } finally {
      tokenLock.unlock();
    }
  }

  private ApiResponse send(URI uri, String operation, BearerToken bearer) {
    String who = connection.provider();
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(readTimeout)
        .header("Authorization", bearer.header())
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new ProviderUnavailableException(who + " did not answer " + operation + " within " + readTimeout);
    } catch (IOException e) {
      throw new ProviderUnavailableException(who + " could not be reached for " + operation + ": "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException("Interrupted while calling " + who + " " + operation);
    }
    int status = response.statusCode();
    if (status == 429) {
      Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
          .orElse(sync.rateLimitBackoff());
      wait = wait.compareTo(sync.maxRateLimitBackoff()) > 0 ? sync.maxRateLimitBackoff() : wait;
      throw new RateLimitedException(who + " rate-limited " + operation + " (HTTP 429); retry after " + wait, wait);
    }
    if (status >= 500) {
      throw new ProviderUnavailableException(who + " answered HTTP " + status + " to " + operation);
    }
    if (status == 401) {
      return new ApiResponse(status, null, operation, who);
    }
    boolean success = status >= 200 && status < 300;
    return new ApiResponse(status, parse(response.body(), operation, success), operation, who);
  }

  private JsonNode parse(byte[] body, String operation, boolean required) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new MalformedResponseException(connection.provider() + " answered " + operation + " with an empty body");
      }
      return node;
    } catch (JsonProcessingException e) {
      if (!required) {
        return null; // an error page on a 4xx: the status says enough
      }
      throw new MalformedResponseException(connection.provider() + " answered " + operation + " with malformed JSON ("
          + e.getOriginalMessage() + "); it begins: " + snippet(body));
    } catch (IOException e) {
      throw new MalformedResponseException(connection.provider() + " answered " + operation + " with an unreadable body: " + e);
    }
  }

  private static String snippet(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
        .replaceAll("\\p{Cntrl}", " ");
    return '"' + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text) + '"';
  }
}
