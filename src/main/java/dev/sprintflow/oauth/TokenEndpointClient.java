package dev.sprintflow.oauth;

import static dev.sprintflow.oauth.TokenEndpointException.Kind.UNAVAILABLE;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The token endpoint side of OAuth 2.0 (authorization code with PKCE, refresh), built and parsed
 * with the Nimbus OAuth SDK. Client credentials come from configuration only.
 */
@Component
public class TokenEndpointClient {

  private final OAuthProviders providers;
  private final OAuthProperties properties;
  private final Clock clock;

  public TokenEndpointClient(OAuthProviders providers, OAuthProperties properties, Clock clock) {
    this.providers = providers;
    this.properties = properties;
    this.clock = clock;
  }

  /** Exchanges an authorization code (RFC 6749 4.1.3) with its PKCE verifier (RFC 7636). */
  public TokenGrant exchangeCode(String provider, String code, URI redirectUri, String codeVerifier) {
    return send(provider, new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)),
        "code exchange");
  }

  /** Refreshes an access token (RFC 6749 section 6). */
  public TokenGrant refresh(String provider, String refreshToken) {
    return send(provider, new RefreshTokenGrant(new RefreshToken(refreshToken)), "token refresh");
  }

  private TokenGrant send(String provider, AuthorizationGrant grant, String operation) {
    ProviderSettings settings = providers.withClient(provider);
    String label = "The " + provider + " token endpoint (" + operation + ")";
    HTTPRequest request = new TokenRequest.Builder(settings.tokenUri(), clientAuthentication(settings), grant)
        .build()
        .toHTTPRequest();
    request.setConnectTimeout(millis(properties.connectTimeout()));
    request.setReadTimeout(millis(properties.readTimeout()));
    request.setAccept("application/json");
    HTTPResponse response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw new TokenEndpointException(UNAVAILABLE, null, label + " did not answer: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
    }
    int status = response.getStatusCode();
    if (status == 429 || status >= 500) {
      Duration retryAfter = RetryAfter.parse(response.getHeaderValue("Retry-After"), clock.instant()).orElse(null);
      throw new TokenEndpointException(UNAVAILABLE, null, label + " answered HTTP " + status, retryAfter);
    }
    return switch (settings.tokenResponse()) {
      case STANDARD -> TokenResponseReader.standard(response, label, clock.instant());
      case SLACK -> TokenResponseReader.slack(response, label, clock.instant());
    };
  }

  private static ClientAuthentication clientAuthentication(ProviderSettings settings) {
    ClientID id = new ClientID(settings.clientId());
    Secret secret = new Secret(settings.clientSecret());
    return switch (settings.clientAuthentication()) {
      case CLIENT_SECRET_BASIC -> new ClientSecretBasic(id, secret);
      case CLIENT_SECRET_POST -> new ClientSecretPost(id, secret);
    };
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
