package dev.sprintflow.oauth;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One provider under {@code sprintflow.oauth.providers.<name>}. Endpoints default to the real
 * provider in application.yaml; the client id and secret come from the environment, never from
 * process variables.
 *
 * @param clientId OAuth client id registered with the provider
 * @param clientSecret its secret
 * @param authorizeUri the provider's authorization endpoint
 * @param tokenUri the provider's token endpoint
 * @param apiBaseUri base of the provider's API (the sync reads from it)
 * @param scopes scopes asked for on consent
 * @param scopeSeparator how the provider wants scopes joined (" " per RFC 6749; Slack wants ",")
 * @param authorizeParameters extra authorize parameters (Google needs access_type=offline to issue
 *     a refresh token)
 * @param clientAuthentication how the client authenticates at the token endpoint
 * @param tokenResponse which token response format the provider speaks
 */
public record ProviderSettings(
    String clientId,
    String clientSecret,
    URI authorizeUri,
    URI tokenUri,
    URI apiBaseUri,
    List<String> scopes,
    String scopeSeparator,
    Map<String, String> authorizeParameters,
    ClientAuthentication clientAuthentication,
    TokenResponseFormat tokenResponse) {

  public ProviderSettings {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    scopeSeparator = scopeSeparator == null || scopeSeparator.isEmpty() ? " " : scopeSeparator;
    authorizeParameters = authorizeParameters == null ? Map.of() : Map.copyOf(authorizeParameters);
    clientAuthentication = clientAuthentication == null ? ClientAuthentication.CLIENT_SECRET_POST : clientAuthentication;
    tokenResponse = tokenResponse == null ? TokenResponseFormat.STANDARD : tokenResponse;
  }

  /** Client authentication methods at the token endpoint (RFC 6749 section 2.3.1). */
  public enum ClientAuthentication { CLIENT_SECRET_POST, CLIENT_SECRET_BASIC }

  /** Token endpoint dialects: RFC 6749 JSON, or Slack's {@code {"ok": ...}} envelope. */
  public enum TokenResponseFormat { STANDARD, SLACK }

  boolean hasClient() {
    return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "ProviderSettings[clientId=" + clientId + ", authorizeUri=" + authorizeUri + ", tokenUri=" + tokenUri
        + ", apiBaseUri=" + apiBaseUri + ", scopes=" + scopes + ", clientSecret=" + (hasClient() ? "(set)" : "(unset)") + "]";
  }
}
