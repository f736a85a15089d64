package dev.sprintflow.oauth;

import static dev.sprintflow.oauth.TokenEndpointException.Kind.INVALID_GRANT;
import static dev.sprintflow.oauth.TokenEndpointException.Kind.MALFORMED;
import static dev.sprintflow.oauth.TokenEndpointException.Kind.REJECTED;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.time.Instant;
import java.util.Set;
import net.minidev.json.JSONObject;

/** Turns a token endpoint's answer into a {@link TokenGrant}, per dialect. */
final class TokenResponseReader {

  /** Slack's oauth.v2.access errors that mean the grant (code or refresh token) is no longer good. */
  private static final Set<String> SLACK_INVALID_GRANT = Set.of(
      "invalid_grant", "invalid_refresh_token", "invalid_code", "code_already_used", "code_expired",
      "token_revoked", "token_expired", "account_inactive");

  private TokenResponseReader() {}

  /** RFC 6749 section 5 via Nimbus. */
  static TokenGrant standard(HTTPResponse response, String label, Instant now) {
    TokenResponse parsed;
    try {
      parsed = TokenResponse.parse(response);
    } catch (ParseException e) {
      throw malformed(label, response, e);
    }
    if (!parsed.indicatesSuccess()) {
      ErrorObject error = parsed.toErrorResponse().getErrorObject();
      String code = error == null ? null : error.getCode();
      String description = error == null || error.getDescription() == null ? "" : " (" + error.getDescription() + ")";
      boolean revoked = OAuth2Error.INVALID_GRANT.getCode().equals(code);
      throw new TokenEndpointException(revoked ? INVALID_GRANT : REJECTED, code,
          label + " answered HTTP " + response.getStatusCode() + " " + code + description, null);
    }
    AccessTokenResponse success = parsed.toSuccessResponse();
    AccessToken access = success.getTokens().getAccessToken();
    RefreshToken refresh = success.getTokens().getRefreshToken();
    return new TokenGrant(
        access.getValue(),
        refresh == null ? null : refresh.getValue(),
        access.getLifetime() > 0 ? now.plusSeconds(access.getLifetime()) : null,
        access.getScope() == null ? null : access.getScope().toString());
  }

  /**
   * Slack's {@code {"ok": false, "error": "..."}} envelope (HTTP 200 either way) and its token_type
   * {@code bot}/{@code user}, which RFC parsers refuse. A user-only install puts the tokens under
   * {@code authed_user}.
   */
  static TokenGrant slack(HTTPResponse response, String label, Instant now) {
    try {
      JSONObject json = response.getBodyAsJSONObject();
      if (!JSONObjectUtils.getBoolean(json, "ok", false)) {
        String code = JSONObjectUtils.getString(json, "error", "unknown_error");
        throw new TokenEndpointException(SLACK_INVALID_GRANT.contains(code) ? INVALID_GRANT : REJECTED, code,
            label + " answered ok=false, error " + code, null);
      }
      JSONObject tokens = JSONObjectUtils.containsKey(json, "access_token") ? json : JSONObjectUtils.getJSONObject(json, "authed_user");
      long lifetime = JSONObjectUtils.getLong(tokens, "expires_in", 0);
      return new TokenGrant(
          JSONObjectUtils.getString(tokens, "access_token"),
          JSONObjectUtils.getString(tokens, "refresh_token", null),
          lifetime > 0 ? now.plusSeconds(lifetime) : null,
          JSONObjectUtils.getString(tokens, "scope", null));
    } catch (ParseException | IllegalArgumentException e) {
      throw malformed(label, response, e);
    }
  }

  /** Says what is wrong without echoing the body, which might hold a token. */
  private static TokenEndpointException malformed(String label, HTTPResponse response, Exception e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (reason.length() > 160) {
      reason = reason.substring(0, 160) + "…";
    }
    return new TokenEndpointException(MALFORMED, null, label + " answered HTTP " + response.getStatusCode()
        + " with something that is not a token response (" + reason + ")", null);
  }
}
