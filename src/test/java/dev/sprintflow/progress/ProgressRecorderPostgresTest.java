package dev.sprintflow.progress;

import dev.sprintflow.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The recording contract on real PostgreSQL, a fresh schema per test (skipped without one, failing under CI=true). */
@ExtendWith(PostgresTestDatabase.class)
class ProgressRecorderPostgresTest extends ProgressRecorderContract {

  private ProgressStore store;

  @BeforeEach
  void database(PostgresTestDatabase.Schema schema) throws Exception {
    store = ProgressStore.postgres(schema);
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
