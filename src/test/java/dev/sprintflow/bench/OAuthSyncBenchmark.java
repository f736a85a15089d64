package dev.sprintflow.bench;

import dev.sprintflow.worker.oauth.OAuthSyncBenchRig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Messages synced per second: a full Gmail sync of 10,000 messages in pages of 100 from a fake
 * Gmail on WireMock (list page, then metadata per message, 8 in flight), each page upserted with
 * its cursor in one transaction, on H2 and on PostgreSQL; and the storing alone. Every invocation
 * starts from an empty table. See docs/benchmarks.md, "OAuth sync".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OAuthSyncBenchmark {

  static final int MESSAGES = 10_000;

  @Param({"h2", "postgres"})
  public String database;

  @Param({"100"})
  public int pageSize;

  private OAuthSyncBenchRig rig;

  @Setup(Level.Trial)
  public void start() throws Exception {
    rig = new OAuthSyncBenchRig(database, MESSAGES, pageSize);
  }

  @Setup(Level.Invocation)
  public void empty() {
    rig.reset();
  }

  /** Microseconds per message; docs/benchmarks.md gives its inverse, messages per second. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public int fullSync() {
    return rig.syncAll();
  }

  /** The same messages stored page by page without HTTP: how much of a sync is the database. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public int storeOnly() {
    return rig.storeAll();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    rig.close();
  }
}
