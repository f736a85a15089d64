package dev.sprintflow.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The in-process Zeebe engine of the {@code embedded} runtime mode. This is the only class that
 * touches {@code zeebe-process-test-engine}; nothing loads it in {@code remote} mode.
 *
 * <p>The engine is in memory: its state is gone when the service stops.
 */
public final class EmbeddedZeebeEngine implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

  private final ZeebeTestEngine engine;
  private final Server loopbackServer;
  private final int port;

  private EmbeddedZeebeEngine(ZeebeTestEngine engine, Server loopbackServer, int port) {
    this.engine = engine;
    this.loopbackServer = loopbackServer;
    this.port = port;
  }

  /**
   * Starts an engine whose gateway listens on 127.0.0.1 only.
   *
   * @param requestedPort the port, or 0 for any free loopback port
   * @throws EmbeddedEngineException when the port is taken or the engine cannot start
   */
  public static EmbeddedZeebeEngine start(int requestedPort) {
    long started = System.nanoTime();
    int port = requestedPort == 0 ? freeLoopbackPort() : requestedPort;
    // Check the port before building the engine: a failed start leaves an engine whose stop()
    // blocks for minutes, so it must not get that far.
    ensureFree(port);
    ZeebeTestEngine engine = EngineFactory.create(port);
    Server server = bindToLoopback(engine, port);
    try {
      engine.start();
    } catch (RuntimeException e) {
      throw portProblem(port, rootMessage(e), e);
    }
    LOG.info(
        "Embedded Zeebe engine listening on 127.0.0.1:{} (in memory; started in {} ms)",
        port,
        (System.nanoTime() - started) / 1_000_000);
    return new EmbeddedZeebeEngine(engine, server, port);
  }

  /** The gateway address in the form the Camunda client expects, e.g. {@code http://127.0.0.1:26600}. */
  public String grpcAddress() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Loopback sockets the gateway listens on (tests check that nothing else is bound). */
  public List<? extends SocketAddress> listenSockets() {
    return loopbackServer.getListenSockets();
  }

  /** Every record the engine has written so far, oldest first. */
  public Iterable<Record<?>> records() {
    return engine.getRecordStreamSource().getRecords();
  }

  /** Moves the engine clock forward, e.g. to fire timers in tests and demos. */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  /** Waits until the engine has processed everything it was sent. */
  public void waitForIdleState(Duration timeout) {
    try {
      engine.waitForIdleState(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedEngineException("Interrupted while waiting for the engine", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new EmbeddedEngineException("The engine did not become idle within " + timeout, e);
    }
  }

  @Override
  public void destroy() {
    LOG.info("Stopping the embedded Zeebe engine on 127.0.0.1:{}", port);
    engine.stop();
  }

  /**
   * The engine builds its gRPC server with {@code ServerBuilder.forPort}, which listens on every
   * interface. A development engine has no authentication, so we rebuild the server around the
   * same gateway service bound to 127.0.0.1 before it starts. Pinned to the engine version in
   * pom.xml; EmbeddedZeebeEngineTest fails if a new version changes these fields.
   */
  private static Server bindToLoopback(ZeebeTestEngine engine, int port) {
    try {
      Field gatewayField = engine.getClass().getDeclaredField("gateway");
      Field serverField = engine.getClass().getDeclaredField("grpcServer");
      gatewayField.setAccessible(true);
      serverField.setAccessible(true);
      BindableService gateway = (BindableService) gatewayField.get(engine);
      Server server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
              .addService(gateway)
              .build();
      serverField.set(engine, server);
      return server;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new EmbeddedEngineException(
          "This version of zeebe-process-test-engine cannot be bound to 127.0.0.1: " + e, e);
    }
  }

  private static void ensureFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw portProblem(port, e.getMessage(), e);
    }
  }

  private static EmbeddedEngineException portProblem(int port, String reason, Exception cause) {
    return new EmbeddedEngineException(
        "Cannot start the embedded Zeebe engine on 127.0.0.1:%d (%s). Is the port in use? Set %s to another port, or 0 for any free one."
            .formatted(port, reason, EngineProperties.GRPC_PORT_PROPERTY),
        cause);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedEngineException("No free loopback port for the embedded engine", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
