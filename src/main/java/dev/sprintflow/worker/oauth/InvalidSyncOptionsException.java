package dev.sprintflow.worker.oauth;

/** The job asked for something the sync cannot do (bad options, unknown channel): a person must fix the inputs. */
public class InvalidSyncOptionsException extends RuntimeException {

  private final String field;

  public InvalidSyncOptionsException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
