package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.oauth.OAuthProviders;
import dev.sprintflow.oauth.ReauthRequiredException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Slack (Web API): conversations.history of one channel, newest first, paged with cursors. A sweep
 * reads everything newer than {@code oldest} (exclusive); when it ends, {@code oldest} moves to the
 * newest message seen, so the next sweep reads only what arrived since. The position carries the
 * sweep's cursor and newest timestamp, so a crash mid-sweep resumes at the page after the last one
 * stored.
 *
 * <p>Slack answers API errors with HTTP 200 and {@code "ok": false}; token errors among them are
 * handled like a 401. External id: {@code <account>/<channel>/<ts>} (ts is unique per channel).
 */
@Component
public class SlackSync implements ProviderSync {

  static final String PROVIDER = "slack";
  private static final Set<String> TOKEN_REJECTED = Set.of("invalid_auth", "not_authed", "token_expired");
  private static final Set<String> REAUTH = Set.of("token_revoked", "account_inactive", "missing_scope", "no_permission");
  private static final Set<String> BAD_CHANNEL = Set.of("channel_not_found", "not_in_channel", "is_archived");

  private final OAuthProviders providers;

  public SlackSync(OAuthProviders providers) {
    this.providers = providers;
  }

  /** Position: the sweep's lower bound, its page cursor, and the newest ts it has stored so far. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Position(String oldest, String cursor, String newest) {}

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String streamKey(SyncOptions options) {
    if (options.channel() == null) {
      throw new InvalidSyncOptionsException("syncOptions.channel", "A Slack sync needs syncOptions.channel, the conversation id (e.g. C024BE91L)");
    }
    if (options.label() != null) {
      throw new InvalidSyncOptionsException("syncOptions.label", "Slack has no labels; use syncOptions.channel");
    }
    return "channel:" + options.channel();
  }

  @Override
  public SyncPage fetchPage(ProviderApi api, SyncRequest request) {
    Position position = Positions.read(request.position(), Position.class).orElse(new Position(null, null, null));
    String channel = request.options().channel();
    URI uri = ApiUri.of(providers.settings(PROVIDER).apiBaseUri(), "/conversations.history")
        .param("channel", channel)
        .param("limit", request.pageSize())
        .param("oldest", position.oldest())
        .param("cursor", position.cursor())
        .build();
    JsonNode page = JsonFields.object(api.get(uri, "conversations.history", SlackSync::tokenRejected).requireOk(),
        "Slack conversations.history");
    checkOk(page, request);
    String newest = position.newest();
    List<Communication> messages = new ArrayList<>();
    for (JsonNode message : JsonFields.array(page, "messages", "Slack conversations.history")) {
      String ts = JsonFields.requiredText(message, "ts", "Slack conversations.history messages[]");
      Instant sentAt = timestamp(ts);
      newest = later(newest, ts);
      messages.add(new Communication(
          request.connection().account() + "/" + channel + "/" + ts,
          firstNonNull(JsonFields.optionalText(message, "thread_ts", "Slack message"), channel),
          firstNonNull(JsonFields.optionalText(message, "user", "Slack message"),
              JsonFields.optionalText(message, "bot_id", "Slack message"),
              JsonFields.optionalText(message, "username", "Slack message")),
          null,
          JsonFields.optionalText(message, "text", "Slack message"),
          JsonFields.optionalText(message, "subtype", "Slack message"),
          sentAt));
    }
    boolean more = page.path("has_more").asBoolean(false);
    String cursor = page.path("response_metadata").path("next_cursor").asText("");
    if (more && !cursor.isBlank()) {
      return new SyncPage(messages, Positions.write(new Position(position.oldest(), cursor, newest)), false);
    }
    return new SyncPage(messages, Positions.write(new Position(later(position.oldest(), newest), null, null)), true);
  }

  static boolean tokenRejected(JsonNode body) {
    return body != null && !body.path("ok").asBoolean(true) && TOKEN_REJECTED.contains(body.path("error").asText());
  }

  private static void checkOk(JsonNode page, SyncRequest request) {
    JsonNode ok = page.get("ok");
    if (ok == null || !ok.isBoolean()) {
      throw new MalformedResponseException("Slack conversations.history: field 'ok' is missing or not a boolean");
    }
    if (ok.asBoolean()) {
      return;
    }
    String error = page.path("error").asText("unknown_error");
    if (REAUTH.contains(error)) {
      throw new ReauthRequiredException(request.connection().id(), PROVIDER, request.connection().account(),
          "Slack refused conversations.history: " + error);
    }
    if (BAD_CHANNEL.contains(error)) {
      throw new InvalidSyncOptionsException("syncOptions.channel", "Slack cannot read channel "
          + request.options().channel() + ": " + error + " (is the app a member of it?)");
    }
    throw new ProviderRequestException("Slack refused conversations.history: " + error);
  }

  private static Instant timestamp(String ts) {
    try {
      BigDecimal seconds = new BigDecimal(ts);
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new MalformedResponseException("Slack conversations.history: ts '" + ts + "' is not a Slack timestamp");
    }
  }

  private static String later(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return new BigDecimal(a).compareTo(new BigDecimal(b)) >= 0 ? a : b;
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
