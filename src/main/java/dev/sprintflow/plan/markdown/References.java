package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.markdown.ReferenceKeys.Key;
import dev.sprintflow.plan.markdown.ReferenceKeys.Ref;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every name a work item goes by (worker id, phase, code, section number, title) and what it stands
 * for: task drafts, or groups. One name may stand for several tasks, as when a worker's section is
 * split into several table rows.
 */
final class References {
  private final Map<String, Set<Object>> keys = new HashMap<>();
  private final Map<String, Set<Object>> aliases = new HashMap<>();
  private final Map<String, Set<Object>> titles = new HashMap<>();
  private final Map<String, Set<Object>> wordSets = new HashMap<>();

  References(List<TaskDraft> drafts, List<WorkItem> groups) {
    for (TaskDraft d : drafts) {
      if (d.row != null) {
        rowKey(d.row).ifPresent(k -> add(keys, k, d));
      }
      if (d.item != null) {
        register(d.item, d);
        d.item.field(FieldKind.ID).ifPresent(f -> add(keys, ReferenceKeys.code(f.value()), d));
      }
      addTitle(d.title, d);
    }
    for (WorkItem g : groups) {
      register(g, g);
    }
  }

  private void register(WorkItem item, Object target) {
    item.heading().keys().forEach(k -> add(keys, k, target));
    item.heading().aliases().forEach(k -> add(aliases, k, target));
    addTitle(item.heading().title(), target);
    addTitle(item.heading().qualifiedTitle(), target);
  }

  private void addTitle(String title, Object target) {
    String key = ReferenceKeys.titleKey(title);
    if (!key.isEmpty()) {
      add(titles, key, target);
      add(wordSets, ReferenceKeys.wordSetKey(title), target);
    }
  }

  /** The row's own key: its ID/Code column, else a worker id in its Worker column ("W1"). */
  static Optional<String> rowKey(TableRow row) {
    String code = row.get(TableRow.Column.CODE);
    if (code != null) {
      Ref ref = ReferenceKeys.classify(code);
      return Optional.of(ref instanceof Key k ? k.key() : ReferenceKeys.code(code));
    }
    String worker = row.get(TableRow.Column.WORKER);
    if (worker != null && ReferenceKeys.classify(worker) instanceof Key k && k.key().startsWith("w")
        && k.written().length() == worker.strip().length()) {
      return Optional.of(k.key());
    }
    return Optional.empty();
  }

  /** What a reference piece names: by exact title, by key, by the same words, by a title and trailing prose. */
  List<Object> find(String piece, Ref ref) {
    Set<Object> found = titles.get(ReferenceKeys.titleKey(piece));
    if (found != null) {
      return List.copyOf(found);
    }
    if (ref instanceof Key key) {
      found = keys.get(key.key());
      if (found == null) {
        found = aliases.get(key.key());
      }
      if (found != null) {
        return List.copyOf(found);
      }
    }
    found = wordSets.get(ReferenceKeys.wordSetKey(piece));
    if (found != null) {
      return List.copyOf(found);
    }
    if (piece.length() > ReferenceKeys.MAX_PIECE) {
      return List.of();
    }
    // "Ticket Store Refactor complete": a title followed by a status word or two.
    String[] words = ReferenceKeys.titleKey(piece).split(" ");
    for (int n = words.length - 1; n >= 2; n--) {
      found = titles.get(String.join(" ", Arrays.asList(words).subList(0, n)));
      if (found != null) {
        return List.copyOf(found);
      }
    }
    return List.of();
  }

  private static void add(Map<String, Set<Object>> map, String key, Object target) {
    map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(target);
  }
}
