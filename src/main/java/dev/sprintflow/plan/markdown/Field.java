package dev.sprintflow.plan.markdown;

import dev.sprintflow.plan.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled value of a section: the label as written, the text after it, and the list items that
 * follow a label with no text ("**Files to Port:**" and then a list).
 */
final class Field {
  final FieldKind kind;
  final String label;
  final SourceLocation location;
  private final StringBuilder value;
  final List<String> items = new ArrayList<>();
  final List<SourceLocation> itemLocations = new ArrayList<>();

  Field(FieldKind kind, String label, String value, SourceLocation location) {
    this.kind = kind;
    this.label = label;
    this.value = new StringBuilder(value);
    this.location = location;
  }

  String value() {
    return value.toString().strip();
  }

  void continueWith(String more) {
    value.append(' ').append(more.strip());
  }

  void addItem(String text, SourceLocation at) {
    items.add(text);
    itemLocations.add(at);
  }

  /** The value and the items, each with its location, as separate texts (for references). */
  List<Located> parts() {
    List<Located> parts = new ArrayList<>();
    if (!value().isEmpty()) {
      parts.add(new Located(value(), location));
    }
    for (int i = 0; i < items.size(); i++) {
      parts.add(new Located(items.get(i), itemLocations.get(i)));
    }
    return parts;
  }

  /** All of it as one text: the value, or the items joined. */
  String text() {
    if (items.isEmpty()) {
      return value();
    }
    String joined = String.join("; ", items);
    return value().isEmpty() ? joined : value() + " " + joined;
  }

  record Located(String text, SourceLocation location) {}
}
