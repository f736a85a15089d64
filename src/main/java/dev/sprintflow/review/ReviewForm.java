package dev.sprintflow.review;

import java.util.List;

/**
 * What the inbox needs from a Camunda Form: the decision options, the comment limit and the
 * variables the form shows.
 *
 * @param decisionOptions values of the form's {@code decision} radio (or select) field, in order
 * @param commentMaxLength the {@code comment} field's maxLength
 * @param shownVariables process variables the form displays (template references and field keys)
 */
public record ReviewForm(String id, List<Option> decisionOptions, int commentMaxLength, List<String> shownVariables) {

  public record Option(String value, String label) {}

  public ReviewForm {
    decisionOptions = List.copyOf(decisionOptions);
    shownVariables = List.copyOf(shownVariables);
  }

  public boolean allows(String decision) {
    return decisionOptions.stream().anyMatch(o -> o.value().equals(decision));
  }

  public List<String> optionValues() {
    return decisionOptions.stream().map(Option::value).toList();
  }
}
