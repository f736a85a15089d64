package dev.sprintflow.worker.rbac;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.sprintflow.worker.rbac.RbacTargets.Auth;
import dev.sprintflow.worker.rbac.RbacTargets.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Signs in as each role of a target: static bearer tokens and basic credentials as configured;
 * OAuth 2.0 client-credentials and password grants through the Nimbus OAuth SDK against the
 * configured token endpoint. Tokens are reused until shortly before they expire, so repeated
 * checks do not hammer the identity provider.
 */
@Component
public class RoleAuthenticator {

  /** A token this close to expiry is fetched again rather than risk a 401 mid-check. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  private final Clock clock;
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

  public RoleAuthenticator(Clock clock) {
    this.clock = clock;
  }

  private record CachedToken(String authorization, String value, Instant expiresAt) {}

  /** Credentials per role, in the given order; one failed role does not stop the others. */
  public Map<String, RoleCredentials> signIn(String targetName, Target target, Collection<String> roles) {
    Map<String, RoleCredentials> byRole = new LinkedHashMap<>();
    for (String role : roles) {
      Auth auth = target.roles().get(role).auth(); // ProbePlanner checked every role has one
      byRole.put(role, signIn(targetName + "/" + role, auth, target.connectTimeout(), target.requestTimeout()));
    }
    return byRole;
  }

  private RoleCredentials signIn(String cacheKey, Auth auth, Duration connectTimeout, Duration readTimeout) {
    List<String> secrets = secrets(auth);
    return switch (auth.type()) {
      case BEARER -> RoleCredentials.header("Bearer " + auth.token(), secrets);
      case BASIC -> {
        String encoded = Base64.getEncoder()
            .encodeToString((auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
        yield RoleCredentials.header("Basic " + encoded, concat(secrets, encoded));
      }
      case CLIENT_CREDENTIALS, PASSWORD -> grant(cacheKey, auth, secrets, connectTimeout, readTimeout);
    };
  }

  private RoleCredentials grant(String cacheKey, Auth auth, List<String> secrets, Duration connectTimeout,
      Duration readTimeout) {
    CachedToken cached = tokens.get(cacheKey);
    if (cached != null && clock.instant().plus(EXPIRY_MARGIN).isBefore(cached.expiresAt())) {
      return RoleCredentials.header(cached.authorization(), concat(secrets, cached.value()));
    }
    String grantName = auth.type() == RbacTargets.AuthType.PASSWORD ? "password grant" : "client-credentials grant";
    try {
      HTTPRequest http = tokenRequest(auth).toHTTPRequest();
      http.setConnectTimeout(millis(connectTimeout));
      http.setReadTimeout(millis(readTimeout));
      http.setFollowRedirects(false);
      TokenResponse response = TokenResponse.parse(http.send());
      if (!response.indicatesSuccess()) {
        ErrorObject error = response.toErrorResponse().getErrorObject();
        return RoleCredentials.failed("%s refused by the token endpoint: HTTP %d %s%s".formatted(grantName,
            error.getHTTPStatusCode(), Objects.requireNonNullElse(error.getCode(), "(no error code)"),
            error.getDescription() == null ? "" : " (" + error.getDescription() + ")"), false, secrets);
      }
      AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
      String authorization = token.toAuthorizationHeader();
      if (token.getLifetime() > 0) {
        Instant expiresAt = clock.instant().plusSeconds(token.getLifetime());
        tokens.put(cacheKey, new CachedToken(authorization, token.getValue(), expiresAt));
      }
      return RoleCredentials.header(authorization, concat(secrets, token.getValue()));
    } catch (IOException e) {
      return RoleCredentials.failed("token endpoint unreachable for the %s: %s".formatted(grantName, e), true, secrets);
    } catch (ParseException e) {
      return RoleCredentials.failed("the token endpoint's answer to the %s is not an OAuth 2.0 token response: %s"
          .formatted(grantName, e.getMessage()), false, secrets);
    }
  }

  private static TokenRequest tokenRequest(Auth auth) {
    URI endpoint = URI.create(auth.tokenUrl());
    AuthorizationGrant grant = auth.type() == RbacTargets.AuthType.PASSWORD
        ? new ResourceOwnerPasswordCredentialsGrant(auth.username(), new Secret(auth.password()))
        : new ClientCredentialsGrant();
    Scope scope = auth.scope() == null || auth.scope().isBlank() ? null : Scope.parse(auth.scope());
    ClientID client = new ClientID(auth.clientId());
    if (auth.clientSecret() == null || auth.clientSecret().isBlank()) {
      return new TokenRequest(endpoint, client, grant, scope); // public client: id in the form
    }
    return new TokenRequest(endpoint, new ClientSecretBasic(client, new Secret(auth.clientSecret())), grant, scope);
  }

  /** The configured secrets of a role, to redact wherever they might echo back. */
  static List<String> secrets(Auth auth) {
    return Stream.of(auth.token(), auth.password(), auth.clientSecret())
        .filter(s -> s != null && !s.isBlank())
        .toList();
  }

  private static List<String> concat(List<String> secrets, String more) {
    List<String> all = new ArrayList<>(secrets);
    all.add(more);
    return all;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }
}
