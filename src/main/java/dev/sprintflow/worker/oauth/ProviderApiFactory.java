package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.OAuthProperties;
import dev.sprintflow.oauth.TokenRefresher;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** One HTTP client for all provider APIs; a {@link ProviderApi} per sync. */
@Component
public class ProviderApiFactory {

  /** Trailing garbage after the JSON value is malformed too, not silently ignored. */
  static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final HttpClient http;
  private final TokenRefresher tokens;
  private final OAuthProperties oauth;
  private final SyncProperties sync;
  private final Clock clock;

  public ProviderApiFactory(TokenRefresher tokens, OAuthProperties oauth, SyncProperties sync, Clock clock) {
    this.tokens = tokens;
    this.oauth = oauth;
    this.sync = sync;
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .connectTimeout(oauth.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  public ProviderApi open(Connection connection) {
    return new ProviderApi(http, tokens, connection, JSON, sync, oauth.readTimeout(), clock);
  }
}
