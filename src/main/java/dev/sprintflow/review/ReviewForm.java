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

  /**
   * Checks a decision against this form, as Tasklist's form validation would.
   *
   * @throws InvalidDecisionException decision missing or not an option, comment too long
   */
  public void check(String decision, String comment) {
    if (decision == null || decision.isBlank()) {
      throw new InvalidDecisionException("decision",
          "decision is required: one of " + optionValues() + " (form " + id + ")");
    }
    if (!allows(decision.strip())) {
      throw new InvalidDecisionException("decision",
          "'%s' is not an option of form %s; choose one of %s".formatted(decision.strip(), id, optionValues()));
    }
    if (comment != null && comment.length() > commentMaxLength) {
      throw new InvalidDecisionException("comment",
          "comment has %d characters; form %s allows at most %d".formatted(comment.length(), id, commentMaxLength));
    }
  }

  public List<String> optionValues() {
    return decisionOptions.stream().map(Option::value).toList();
  }
}
