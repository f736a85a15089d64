package dev.sprintflow.review;

/** No open review, triage or work task with this id is known to the inbox. */
public class ReviewNotFoundException extends RuntimeException {
  private final String id;

  public ReviewNotFoundException(String id) {
    super("No open task with id '" + id + "'. GET /api/reviews lists the open ones.");
    this.id = id;
  }

  public String id() {
    return id;
  }
}
