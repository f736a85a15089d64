package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.PlanWarning;
import dev.sprintflow.plan.Review;
import dev.sprintflow.plan.Score;
import dev.sprintflow.plan.Slugs;
import dev.sprintflow.plan.SourceLocation;
import dev.sprintflow.plan.WorkerKeywords;
import dev.sprintflow.plan.markdown.TableRow.Column;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a task draft's single-valued fields (score, tier, estimate, review, worker kind, inputs)
 * from its table row first, then its section, then its enclosing groups. Whatever cannot be
 * interpreted becomes a warning at its place.
 */
final class TaskFields {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SMALL_INTEGER = Pattern.compile("-?\\d{1,4}");
  private static final Pattern NUMBERS = Pattern.compile("\\s*[/,|]\\s*|\\s+");
  private static final Pattern WORKER_ID = Pattern.compile("(?i)(?:w|worker\\s*#?)\\s*\\d{1,4}");

  /** A value and where the plan states it. */
  record At<T>(T value, SourceLocation location) {}

  private final WorkerKeywords keywords;
  private final List<PlanWarning> warnings;

  TaskFields(WorkerKeywords keywords, List<PlanWarning> warnings) {
    this.keywords = keywords;
    this.warnings = warnings;
  }

  At<Score> score(TaskDraft d) {
    TableRow row = d.row;
    if (row != null) {
      String[] single = {row.get(Column.URGENCY), row.get(Column.IMPACT), row.get(Column.CONFIDENCE), row.get(Column.MOMENTUM)};
      if (single[0] != null || single[1] != null || single[2] != null || single[3] != null) {
        return parts(String.join("/", nonNull(single)), row.get(Column.SCORE), row.at(Column.URGENCY), d);
      }
      if (row.get(Column.SCORE_PARTS) != null) {
        return parts(row.get(Column.SCORE_PARTS), row.get(Column.SCORE), row.at(Column.SCORE_PARTS), d);
      }
      if (row.get(Column.SCORE) != null) {
        return parts(row.get(Column.SCORE), null, row.at(Column.SCORE), d);
      }
    }
    if (d.item != null) {
      Optional<Field> partsField = d.item.field(FieldKind.SCORE_PARTS);
      Optional<Field> totalField = d.item.field(FieldKind.SCORE);
      if (partsField.isPresent()) {
        return parts(partsField.get().value(), totalField.map(Field::value).orElse(null), partsField.get().location, d);
      }
      if (totalField.isPresent()) {
        return parts(totalField.get().value(), null, totalField.get().location, d);
      }
    }
    return null;
  }

  /** "10/10/8/10" gives the four parts; a lone "38/40" has no parts and is reported. */
  private At<Score> parts(String text, String totalText, SourceLocation at, TaskDraft d) {
    List<Integer> numbers = integers(text);
    if (numbers.size() == 4) {
      Score score = new Score(numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3));
      List<Integer> total = totalText == null ? List.of() : integers(totalText);
      if (!total.isEmpty() && total.get(0) != score.total()) {
        warnings.add(PlanWarning.at(at, "'%s' has the total score %d, but its parts add up to %d; the sum is used."
            .formatted(d.title, total.get(0), score.total())));
      }
      return new At<>(score, at);
    }
    if (numbers.size() <= 2 && !numbers.isEmpty()) {
      warnings.add(PlanWarning.at(at, ("'%s' has only a total score (%s); a score needs urgency, impact,"
          + " confidence and momentum (U/I/C/M such as 10/10/8/10), so it is left out.").formatted(d.title, text)));
    } else {
      warnings.add(PlanWarning.at(at, ("'%s' has the score '%s', which is not four numbers for urgency, impact,"
          + " confidence and momentum; it is left out.").formatted(d.title, text)));
    }
    return null;
  }

  At<Duration> estimate(TaskDraft d) {
    At<String> text = estimateText(d);
    if (text == null) {
      return null;
    }
    Optional<Duration> parsed = EstimateText.parse(text.value());
    if (parsed.isEmpty()) {
      warnings.add(PlanWarning.at(text.location(), ("'%s' has the estimate '%s', which is not a duration"
          + " (such as '3 days', '0.5 day', '2 hours' or P3D); it is left out.").formatted(d.title, text.value())));
      return null;
    }
    return new At<>(parsed.get(), text.location());
  }

  private At<String> estimateText(TaskDraft d) {
    if (d.row != null && d.row.get(Column.ESTIMATE) != null) {
      return new At<>(d.row.get(Column.ESTIMATE), d.row.at(Column.ESTIMATE));
    }
    Optional<Field> field = d.item == null ? Optional.empty() : d.item.field(FieldKind.ESTIMATE);
    if (field.isPresent()) {
      return new At<>(field.get().text(), field.get().location);
    }
    if (d.item != null && d.item.heading().estimate() != null) {
      return new At<>(d.item.heading().estimate(), d.item.section.location);
    }
    for (WorkItem g : d.groups()) {
      Optional<Field> f = g.field(FieldKind.ESTIMATE);
      if (f.isPresent()) {
        return new At<>(f.get().text(), f.get().location);
      }
      if (g.heading().estimate() != null) {
        return new At<>(g.heading().estimate(), g.section.location);
      }
    }
    return null;
  }

  String tier(TaskDraft d) {
    if (d.row != null && d.row.get(Column.TIER) != null) {
      return d.row.get(Column.TIER);
    }
    return d.inheritedField(FieldKind.TIER).map(Field::value).filter(v -> !v.isEmpty()).orElse(null);
  }

  Review review(TaskDraft d) {
    At<String> text = d.row != null && d.row.get(Column.REVIEW) != null
        ? new At<>(d.row.get(Column.REVIEW), d.row.at(Column.REVIEW))
        : d.inheritedField(FieldKind.REVIEW).map(f -> new At<>(f.value(), f.location)).orElse(null);
    if (text == null) {
      return null;
    }
    Optional<Review> review = Review.parse(text.value());
    if (review.isEmpty()) {
      warnings.add(PlanWarning.at(text.location(), "'%s' has review '%s'; review is auto, required or none, so auto is used."
          .formatted(d.title, text.value())));
    }
    return review.orElse(null);
  }

  /** An explicit kind ("Worker kind:", a Kind column, a Worker column naming a kind) wins; else keywords. */
  String worker(TaskDraft d, String description) {
    if (d.row != null && d.row.get(Column.KIND) != null) {
      return Slugs.of(d.row.get(Column.KIND), keywords.defaultKind());
    }
    Optional<Field> explicit = d.inheritedField(FieldKind.WORKER_KIND);
    if (explicit.isPresent() && !explicit.get().value().isEmpty()) {
      return Slugs.of(explicit.get().value(), keywords.defaultKind());
    }
    String workerCell = workerLabel(d);
    if (workerCell != null && keywords.isKind(Slugs.of(workerCell, ""))) {
      return Slugs.of(workerCell, "");
    }
    String heading = d.item == null ? null : d.item.heading().title();
    return keywords.classify(workerCell, d.title, heading, description);
  }

  /** The Worker column when it is a label ("Manual", "Alice") rather than a worker id ("W1"). */
  static String workerLabel(TaskDraft d) {
    String cell = d.row == null ? null : d.row.get(Column.WORKER);
    return cell == null || WORKER_ID.matcher(cell.strip()).matches() ? null : cell;
  }

  /** What the worker is handed: description, notes, handoff, files, steps, other labelled fields, context. */
  Map<String, Object> inputs(TaskDraft d, String worker) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    WorkItem item = d.item;
    if (item != null) {
      Optional<Field> description = item.field(FieldKind.DESCRIPTION);
      String rest = item.content.rest;
      if (description.isPresent()) {
        inputs.put("description", description.get().text());
        if (!rest.isBlank()) {
          inputs.put("notes", rest);
        }
      } else if (!rest.isBlank()) {
        inputs.put("description", rest);
      }
      joined(item.fields(FieldKind.HANDOFF)).ifPresent(h -> inputs.put("handoff", h));
      listed(item.fields(FieldKind.FILES)).ifPresent(f -> inputs.put("files", f));
      listed(item.fields(FieldKind.STEPS)).ifPresent(s -> inputs.put("steps", s));
      for (Field f : item.allFields()) {
        if (f.kind == FieldKind.OTHER || f.kind == FieldKind.GOAL) {
          Object value = f.items.isEmpty() ? f.value() : listed(List.of(f)).orElse(List.of());
          if (!(value instanceof String s && s.isEmpty())) {
            inputs.putIfAbsent(camelCase(f.label), value);
          }
        }
      }
      if (item.heading().label() != null) {
        inputs.putIfAbsent("label", item.heading().label());
      }
      if (item.parent != null) {
        inputs.putIfAbsent("phase", item.parent.heading().qualifiedTitle());
      }
    }
    String label = workerLabel(d);
    if (label != null && !Slugs.of(label, "").equals(worker) && keywords.match(label).isEmpty()) {
      inputs.putIfAbsent("assignee", label);
    }
    return inputs;
  }

  private static Optional<String> joined(List<Field> fields) {
    List<String> texts = fields.stream().map(Field::text).filter(t -> !t.isEmpty()).toList();
    return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", texts));
  }

  private static Optional<List<String>> listed(List<Field> fields) {
    List<String> out = new ArrayList<>();
    for (Field f : fields) {
      if (!f.value().isEmpty()) {
        out.add(f.value());
      }
      out.addAll(f.items);
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  static String camelCase(String label) {
    String[] words = NON_WORD.split(label.toLowerCase(Locale.ROOT));
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      out.append(out.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out.isEmpty() ? "note" : out.toString();
  }

  private static List<Integer> integers(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : NUMBERS.split(text.strip())) {
      if (part.isEmpty()) {
        continue;
      }
      if (!SMALL_INTEGER.matcher(part).matches()) {
        return List.of();
      }
      out.add(Integer.parseInt(part));
    }
    return out;
  }

  private static String[] nonNull(String[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] == null ? "?" : values[i];
    }
    return out;
  }
}
