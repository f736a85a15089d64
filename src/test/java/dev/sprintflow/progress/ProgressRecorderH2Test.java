package dev.sprintflow.progress;

import org.junit.jupiter.api.BeforeEach;

/** The recording contract on the service's default database: H2 in PostgreSQL mode. */
class ProgressRecorderH2Test extends ProgressRecorderContract {

  private ProgressStore store;

  @BeforeEach
  void database() throws Exception {
    store = ProgressStore.h2();
  }

  @org.junit.jupiter.api.AfterEach
  void closePool() {
    store.close(); // before PostgresTestDatabase drops the schema
  }

  @Override
  ProgressStore store() {
    return store;
  }
}
