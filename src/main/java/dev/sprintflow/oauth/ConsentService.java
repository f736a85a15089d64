package dev.sprintflow.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Consent: the authorize redirect (state and PKCE S256) and the callback (state check, code
 * exchange, sealed token storage), with the Nimbus SDK for the protocol messages.
 */
@Service
public class ConsentService {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentService.class);

  private final OAuthProviders providers;
  private final OAuthProperties properties;
  private final ConnectionRepository connections;
  private final ConsentStateRepository states;
  private final TokenCipher cipher;
  private final TokenEndpointClient endpoint;
  private final AuthorizeLinks links;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public ConsentService(OAuthProviders providers, OAuthProperties properties, ConnectionRepository connections,
      ConsentStateRepository states, TokenCipher cipher, TokenEndpointClient endpoint, AuthorizeLinks links,
      ApplicationEventPublisher events, Clock clock) {
    this.providers = providers;
    this.properties = properties;
    this.connections = connections;
    this.states = states;
    this.cipher = cipher;
    this.endpoint = endpoint;
    this.links = links;
    this.events = events;
    this.clock = clock;
  }

  /** Where to send the browser to ask the provider for consent for this connection. */
  public URI authorizeRedirect(String provider, String connectionId) {
    ProviderSettings settings = providers.withClient(provider);
    Connection connection = connections.find(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
    if (!connection.provider().equals(provider)) {
      throw new ConsentException("connection", "Connection '%s' is a %s connection: use %s".formatted(
          connectionId, connection.provider(), links.authorize(connection.provider(), connectionId)), false);
    }
    Instant now = clock.instant();
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    URI redirect = links.callback(provider);
    states.deleteExpired(now);
    states.insert(new ConsentStateRepository.PendingConsent(state.getValue(), connectionId, provider, redirect,
        cipher.seal(verifier.getValue(), verifierContext(state.getValue())), now.plus(properties.consentTimeout())));
    AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(settings.clientId()))
        .endpointURI(settings.authorizeUri())
        .redirectionURI(redirect)
        .state(state)
        .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (!settings.scopes().isEmpty()) {
      if (" ".equals(settings.scopeSeparator())) {
        request.scope(new Scope(settings.scopes().toArray(String[]::new)));
      } else {
        request.customParameter("scope", String.join(settings.scopeSeparator(), settings.scopes()));
      }
    }
    settings.authorizeParameters().forEach(request::customParameter);
    return request.build().toURI();
  }

  /**
   * Completes consent from the callback's query parameters: the state must be one we issued for
   * this provider, unused and not expired; the code is exchanged with the PKCE verifier.
   */
  public Connection complete(String provider, Map<String, List<String>> callbackParameters) {
    providers.settings(provider);
    List<String> stateValues = callbackParameters.getOrDefault("state", List.of());
    if (stateValues.size() != 1 || stateValues.get(0).isBlank()) {
      throw new ConsentException("state", "The callback must carry exactly one state parameter", false);
    }
    String state = stateValues.get(0);
    Instant now = clock.instant();
    ConsentStateRepository.PendingConsent pending = states.take(state).orElseThrow(() -> new ConsentException("state",
        "Unknown or already used state: start consent again from /oauth/" + provider + "/authorize?connection=<id>", false));
    URI restart = links.authorize(pending.provider(), pending.connectionId());
    if (!pending.provider().equals(provider)) {
      throw new ConsentException("state", "This state was issued for " + pending.provider() + ", not " + provider, false);
    }
    if (pending.expiresAt().isBefore(now)) {
      throw new ConsentException("state", "This consent took longer than " + properties.consentTimeout()
          + "; start again at " + restart, false);
    }
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(pending.redirectUri(), callbackParameters);
    } catch (ParseException e) {
      throw new ConsentException("code", "The callback is not an authorization response (" + e.getMessage()
          + "); start again at " + restart, false);
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new ConsentException("error", "The provider did not grant access: " + error.getCode()
          + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")") + "; start again at " + restart, false);
    }
    String verifier = cipher.open(pending.codeVerifier(), verifierContext(state));
    TokenGrant grant = exchange(provider, response.toSuccessResponse().getAuthorizationCode().getValue(), pending, verifier, restart);
    if (grant.refreshToken() == null) {
      LOG.warn("The {} token endpoint issued no refresh token for connection '{}': it will need reconnecting when"
          + " the access token expires (Google issues one only with access_type=offline and prompt=consent)",
          provider, pending.connectionId());
    }
    Connection before = connections.find(pending.connectionId()).orElseThrow(() -> new UnknownConnectionException(pending.connectionId()));
    connections.storeTokens(before.id(), new StoredTokens(
        cipher.seal(grant.accessToken(), Connection.accessContext(before.id())),
        grant.refreshToken() == null ? null : cipher.seal(grant.refreshToken(), Connection.refreshContext(before.id())),
        grant.expiresAt(),
        grant.scope()), now, false);
    LOG.info("Connection '{}' ({} {}) authorised", before.id(), provider, before.account());
    events.publishEvent(new ConnectionAuthorized(before.id(), provider));
    return connections.find(before.id()).orElseThrow();
  }

  private TokenGrant exchange(String provider, String code, ConsentStateRepository.PendingConsent pending, String verifier,
      URI restart) {
    try {
      return endpoint.exchangeCode(provider, code, pending.redirectUri(), verifier);
    } catch (TokenEndpointException e) {
      throw switch (e.kind()) {
        case INVALID_GRANT -> new ConsentException("code", "The provider refused the authorization code ("
            + e.errorCode() + "); start again at " + restart, false);
        case UNAVAILABLE -> new ConsentException(null, e.getMessage() + "; try again at " + restart, true);
        case REJECTED, MALFORMED -> new ConsentException(null, e.getMessage()
            + ". An operator must check the client registration (sprintflow.oauth.providers." + provider + ")", true);
      };
    }
  }

  private static String verifierContext(String state) {
    return "consent:" + state;
  }
}
