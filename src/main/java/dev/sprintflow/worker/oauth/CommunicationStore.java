package dev.sprintflow.worker.oauth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Upserts messages into {@code communications} on (provider, external_id), in SQL that PostgreSQL
 * and H2 both run: update rows whose content hash differs, insert the rest with ON CONFLICT DO
 * NOTHING; an insert that hits an existing row means it was stored already, unchanged. Rows go in
 * external-id order so concurrent writers lock them in the same order.
 */
@Repository
public class CommunicationStore {

  private static final String UPDATE = "UPDATE communications SET connection_id = ?, conversation = ?, sender = ?,"
      + " subject = ?, snippet = ?, labels = ?, sent_at = ?, content_hash = ?, last_synced_at = ?"
      + " WHERE provider = ? AND external_id = ? AND content_hash <> ?";
  private static final String INSERT = "INSERT INTO communications (provider, external_id, connection_id, conversation,"
      + " sender, subject, snippet, labels, sent_at, content_hash, first_synced_at, last_synced_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private final JdbcTemplate jdbc;

  public CommunicationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Call inside the page's transaction. */
  public StoreCounts upsert(String provider, String connectionId, List<Communication> page, Instant now) {
    if (page.isEmpty()) {
      return StoreCounts.NONE;
    }
    Map<String, Communication> unique = new LinkedHashMap<>();
    page.forEach(c -> unique.put(c.externalId(), c)); // a page listing a message twice stores it once
    List<Communication> rows = new ArrayList<>(unique.values());
    rows.sort(Comparator.comparing(Communication::externalId));
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);

    List<Object[]> updates = new ArrayList<>(rows.size());
    for (Communication c : rows) {
      String hash = c.contentHash();
      updates.add(new Object[] {connectionId, c.conversation(), c.sender(), c.subject(), c.snippet(), c.labels(),
          ts(c.sentAt()), hash, at, provider, c.externalId(), hash});
    }
    int[] updated = jdbc.batchUpdate(UPDATE, updates);
    List<Object[]> inserts = new ArrayList<>();
    int updatedCount = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (updated[i] > 0) {
        updatedCount++;
        continue;
      }
      Communication c = rows.get(i);
      inserts.add(new Object[] {provider, c.externalId(), connectionId, c.conversation(), c.sender(), c.subject(),
          c.snippet(), c.labels(), ts(c.sentAt()), c.contentHash(), at, at});
    }
    int insertedCount = 0;
    if (!inserts.isEmpty()) {
      for (int count : jdbc.batchUpdate(INSERT, inserts)) {
        insertedCount += count > 0 ? 1 : 0;
      }
    }
    return new StoreCounts(insertedCount, updatedCount, rows.size() - insertedCount - updatedCount);
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
