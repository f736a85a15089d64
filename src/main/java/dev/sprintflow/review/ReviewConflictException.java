package dev.sprintflow.review;

/** The task was decided already (here or in Tasklist) or is no longer open. */
public class ReviewConflictException extends RuntimeException {
  private final String id;

  public ReviewConflictException(String id, String message) {
    super(message);
    this.id = id;
  }

  public String id() {
    return id;
  }
}
