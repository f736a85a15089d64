package dev.sprintflow.worker.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sprintflow.oauth.OAuthProviders;
import dev.sprintflow.oauth.ReauthRequiredException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gmail (API v1): a full sync lists messages page by page (page tokens), remembering the mailbox's
 * history id from before the first page; after that, history.list from that id returns what was
 * added since, so nothing that arrives during or between syncs is missed. Each listed message's
 * metadata (From, Subject, Date, labels, snippet) is then fetched. A history id Gmail no longer
 * knows (404) starts a full sync again; upserts make that safe.
 *
 * <p>External id: {@code <account>/<message id>}, since message ids are per mailbox.
 */
@Component
public class GmailSync implements ProviderSync {

  private static final Logger LOG = LoggerFactory.getLogger(GmailSync.class);
  static final String PROVIDER = "gmail";

  /** Google's reasons for a 403 that means "slow down", not "forbidden". */
  private static final java.util.Set<String> RATE_LIMIT_REASONS = java.util.Set.of("rateLimitExceeded", "userRateLimitExceeded");

  private final OAuthProviders providers;
  private final SyncProperties sync;

  public GmailSync(OAuthProviders providers, SyncProperties sync) {
    this.providers = providers;
    this.sync = sync;
  }

  /** Position: phase "full" (listing) or "history"; historyId to continue from; the page token within. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Position(String phase, String historyId, String pageToken) {
    static final String FULL = "full";
    static final String HISTORY = "history";
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String streamKey(SyncOptions options) {
    if (options.channel() != null) {
      throw new InvalidSyncOptionsException("syncOptions.channel", "Gmail has no channels; use syncOptions.label");
    }
    return options.label() == null ? "mailbox" : "label:" + options.label();
  }

  @Override
  public SyncPage fetchPage(ProviderApi api, SyncRequest request) {
    Position position = Positions.read(request.position(), Position.class).orElse(null);
    if (position != null && Position.HISTORY.equals(position.phase())) {
      return history(api, request, position);
    }
    return full(api, request, position);
  }

  private SyncPage full(ProviderApi api, SyncRequest request, Position position) {
    String historyId = position == null ? profileHistoryId(api, request) : position.historyId();
    URI list = users("/messages")
        .param("maxResults", request.pageSize())
        .param("pageToken", position == null ? null : position.pageToken())
        .param("labelIds", request.options().label())
        .build();
    JsonNode page = JsonFields.object(ok(api.get(list, "messages.list"), request), "Gmail messages.list");
    List<String> ids = new ArrayList<>();
    for (JsonNode message : JsonFields.array(page, "messages", "Gmail messages.list")) {
      ids.add(JsonFields.requiredText(message, "id", "Gmail messages.list messages[]"));
    }
    String next = JsonFields.optionalText(page, "nextPageToken", "Gmail messages.list");
    List<Communication> messages = metadata(api, request, ids);
    // After the last listed page, go on to history from the id taken before the listing began.
    Position after = next != null ? new Position(Position.FULL, historyId, next) : new Position(Position.HISTORY, historyId, null);
    return new SyncPage(messages, Positions.write(after), false);
  }

  private SyncPage history(ProviderApi api, SyncRequest request, Position position) {
    URI list = users("/history")
        .param("startHistoryId", position.historyId())
        .param("historyTypes", "messageAdded")
        .param("maxResults", request.pageSize())
        .param("pageToken", position.pageToken())
        .param("labelId", request.options().label())
        .build();
    ApiResponse response = api.get(list, "history.list");
    if (response.status() == 404) {
      LOG.info("Gmail no longer has history from id {} for connection '{}': full sync again",
          position.historyId(), request.connection().id());
      return new SyncPage(List.of(), null, false);
    }
    JsonNode page = JsonFields.object(ok(response, request), "Gmail history.list");
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode entry : JsonFields.array(page, "history", "Gmail history.list")) {
      for (JsonNode added : JsonFields.array(entry, "messagesAdded", "Gmail history.list history[]")) {
        JsonNode message = JsonFields.object(added.get("message"), "Gmail history.list messagesAdded[].message");
        ids.add(JsonFields.requiredText(message, "id", "Gmail history.list messagesAdded[].message"));
      }
    }
    String next = JsonFields.optionalText(page, "nextPageToken", "Gmail history.list");
    List<Communication> messages = metadata(api, request, new ArrayList<>(ids));
    if (next != null) {
      return new SyncPage(messages, Positions.write(new Position(Position.HISTORY, position.historyId(), next)), false);
    }
    String latest = JsonFields.requiredText(page, "historyId", "Gmail history.list");
    return new SyncPage(messages, Positions.write(new Position(Position.HISTORY, latest, null)), true);
  }

  private String profileHistoryId(ProviderApi api, SyncRequest request) {
    JsonNode json = JsonFields.object(ok(api.get(users("/profile").build(), "users.getProfile"), request), "Gmail users.getProfile");
    return JsonFields.requiredText(json, "historyId", "Gmail users.getProfile");
  }

  private List<Communication> metadata(ProviderApi api, SyncRequest request, List<String> ids) {
    List<URI> uris = ids.stream().map(id -> users("/messages").segment(id)
        .param("format", "metadata")
        .param("metadataHeaders", "From")
        .param("metadataHeaders", "Subject")
        .build()).toList();
    List<ApiResponse> answers = api.getAll(uris, "messages.get", body -> false);
    List<Communication> messages = new ArrayList<>(answers.size());
    for (ApiResponse answer : answers) {
      if (answer.status() == 404) {
        continue; // deleted since it was listed
      }
      messages.add(message(request, JsonFields.object(ok(answer, request), "Gmail messages.get")));
    }
    return messages;
  }

  private static Communication message(SyncRequest request, JsonNode json) {
    String where = "Gmail messages.get";
    String id = JsonFields.requiredText(json, "id", where);
    String from = null;
    String subject = null;
    JsonNode payload = json.get("payload");
    if (payload != null && !payload.isNull()) {
      for (JsonNode header : JsonFields.array(JsonFields.object(payload, where + " payload"), "headers", where + " payload")) {
        String name = JsonFields.requiredText(header, "name", where + " payload.headers[]");
        String value = JsonFields.optionalText(header, "value", where + " payload.headers[]");
        if ("From".equalsIgnoreCase(name)) {
          from = value;
        } else if ("Subject".equalsIgnoreCase(name)) {
          subject = value;
        }
      }
    }
    List<String> labels = new ArrayList<>();
    JsonNode labelIds = json.get("labelIds");
    if (labelIds != null && labelIds.isArray()) {
      labelIds.forEach(l -> labels.add(l.asText()));
    }
    return new Communication(request.connection().account() + "/" + id,
        JsonFields.optionalText(json, "threadId", where), from, subject, JsonFields.optionalText(json, "snippet", where),
        labels.isEmpty() ? null : String.join(",", labels), internalDate(json, where));
  }

  private static Instant internalDate(JsonNode json, String where) {
    String millis = JsonFields.optionalText(json, "internalDate", where);
    if (millis == null) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(millis));
    } catch (NumberFormatException e) {
      throw new MalformedResponseException(where + ": internalDate '" + millis + "' is not epoch milliseconds");
    }
  }

  /**
   * The answer's JSON. A 403 for a rate limit is a rate limit (Google sends no Retry-After with it);
   * one for a missing scope needs consent again, like Slack's missing_scope.
   */
  private JsonNode ok(ApiResponse response, SyncRequest request) {
    if (response.status() == 403 && response.json() != null) {
      for (JsonNode error : response.json().path("error").path("errors")) {
        if ("insufficientPermissions".equals(error.path("reason").asText())) {
          throw new ReauthRequiredException(request.connection().id(), PROVIDER, request.connection().account(),
              "Gmail refused " + response.operation() + " for lack of a scope (insufficientPermissions)");
        }
        if (RATE_LIMIT_REASONS.contains(error.path("reason").asText())) {
          throw new RateLimitedException("gmail rate-limited " + response.operation() + " (403 "
              + error.path("reason").asText() + "); retry after " + sync.rateLimitBackoff(), sync.rateLimitBackoff());
        }
      }
    }
    return response.requireOk();
  }

  private ApiUri users(String path) {
    return ApiUri.of(providers.settings(PROVIDER).apiBaseUri(), "/gmail/v1/users/me" + path);
  }
}
