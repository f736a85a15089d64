package dev.sprintflow.oauth;

/** No connection with this id. */
public class UnknownConnectionException extends RuntimeException {

  private final String connectionId;

  public UnknownConnectionException(String connectionId) {
    super("No OAuth connection '" + connectionId + "' (create it with POST /api/connections)");
    this.connectionId = connectionId;
  }

  public String connectionId() {
    return connectionId;
  }
}
