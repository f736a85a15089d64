package dev.sprintflow.worker.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The connection API and the consent endpoints over HTTP, with problem details naming the field. */
class ConnectionApiTest extends OAuthServiceTestBase {

  @Test
  void connectionsAreCreatedListedAndDeletedWithTheirAuthorizeLink() {
    HttpResponse<String> created = send("POST", "/api/connections",
        "{\"id\":\"api-gmail\",\"provider\":\"gmail\",\"account\":\"lead@example.com\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/connections/api-gmail");
    JsonNode body = json(created);
    assertThat(body.path("status").asText()).isEqualTo("pending");
    assertThat(body.path("authorizeUrl").asText()).isEqualTo(url("/oauth/gmail/authorize?connection=api-gmail").toString());
    assertThat(json(get("/api/connections")).findValuesAsText("id")).contains("api-gmail");

    assertThat(send("DELETE", "/api/connections/api-gmail", null).statusCode()).isEqualTo(204);
    assertThat(get("/api/connections/api-gmail").statusCode()).isEqualTo(404);
  }

  @Test
  void invalidRequestsAreProblemsNamingTheField() {
    send("POST", "/api/connections", "{\"id\":\"api-dup\",\"provider\":\"gmail\",\"account\":\"a@example.com\"}");

    assertProblem(send("POST", "/api/connections", "{\"id\":\"api-dup\",\"provider\":\"gmail\",\"account\":\"a@example.com\"}"), 400, "id");
    assertProblem(send("POST", "/api/connections", "{\"provider\":\"outlook\",\"account\":\"a@example.com\"}"), 400, "provider");
    assertProblem(send("POST", "/api/connections", "{\"provider\":\"gmail\"}"), 400, "account");
    assertProblem(send("POST", "/api/connections", "{\"id\":\"Bad Id!\",\"provider\":\"gmail\",\"account\":\"a\"}"), 400, "id");
    assertProblem(get("/api/connections/nope"), 404, "id");
    assertProblem(get("/oauth/gmail/authorize"), 400, "connection");
    assertProblem(get("/oauth/gmail/authorize?connection=nope"), 404, "connection");
    assertProblem(get("/oauth/outlook/authorize?connection=api-dup"), 404, "provider");
    assertProblem(get("/oauth/slack/authorize?connection=api-dup"), 400, "connection");
    assertProblem(get("/oauth/gmail/callback?code=x&state=forged"), 400, "state");
    assertProblem(send("POST", "/api/connections/api-dup/sync-schedule", "{\"interval\":\"every hour\"}"), 400, "interval");
    assertProblem(send("POST", "/api/connections/api-dup/sync-schedule", "{\"interval\":\"PT10S\"}"), 400, "interval");
    assertProblem(send("POST", "/api/connections/api-dup/sync-schedule", "{\"syncOptions\":{\"chanel\":\"C1\"}}"), 400, "syncOptions");
    assertProblem(send("DELETE", "/api/connections/api-dup/sync-schedule", null), 404, "id");
  }

  @Test
  void consentThroughTheServiceConnectsAndNoApiAnswerCarriesAToken() {
    send("POST", "/api/connections", "{\"id\":\"api-consent\",\"provider\":\"gmail\",\"account\":\"lead@example.com\"}");

    HttpResponse<String> redirect = get("/oauth/gmail/authorize?connection=api-consent");
    assertThat(redirect.statusCode()).isEqualTo(302);
    URI toProvider = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    assertThat(toProvider.toString()).startsWith(authServer.authorizationEndpointUrl("gmail").toString());
    assertThat(Browser.param(toProvider, "redirect_uri")).isEqualTo(url("/oauth/gmail/callback").toString());
    URI callback = Browser.consent(toProvider, "lead@example.com");
    HttpResponse<String> connected = Browser.get(callback);

    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    assertThat(json(connected).path("status").asText()).isEqualTo("connected");
    String token = accessToken("api-consent");
    HttpResponse<String> view = get("/api/connections/api-consent");
    assertThat(json(view).path("status").asText()).isEqualTo("connected");
    assertThat(json(view).path("accessTokenExpiresAt").asText()).isNotBlank();
    for (HttpResponse<String> answer : new HttpResponse[] {connected, view, get("/api/connections")}) {
      assertThat(answer.body()).doesNotContain(token).doesNotContain(token.substring(0, 16)).doesNotContainIgnoringCase("refresh_token");
    }
    assertProblem(Browser.get(callback), 400, "state"); // the same callback again
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(json(response).path("field").asText()).as(response.body()).isEqualTo(field);
  }
}
