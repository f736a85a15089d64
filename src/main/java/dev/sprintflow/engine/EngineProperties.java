package dev.sprintflow.engine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sprintflow.engine.*}: which engine the service talks to.
 *
 * @param mode embedded (default) or remote
 * @param embedded settings of the in-process engine, used only in embedded mode
 */
@Validated
@ConfigurationProperties("sprintflow.engine")
public record EngineProperties(@NotNull EngineMode mode, @Valid @NotNull Embedded embedded) {

  public static final String MODE_PROPERTY = "sprintflow.engine.mode";
  public static final String GRPC_PORT_PROPERTY = "sprintflow.engine.embedded.grpc-port";
  public static final int DEFAULT_GRPC_PORT = 26600;

  public EngineProperties {
    mode = mode == null ? EngineMode.EMBEDDED : mode;
    embedded = embedded == null ? new Embedded(DEFAULT_GRPC_PORT) : embedded;
  }

  /**
   * @param grpcPort loopback port of the embedded engine's gateway; 0 picks a free one. The default
   *     is not Zeebe's 26500 so that the embedded engine never collides with a local cluster.
   */
  public record Embedded(@Min(0) @Max(65535) Integer grpcPort) {
    public Embedded {
      grpcPort = grpcPort == null ? DEFAULT_GRPC_PORT : grpcPort;
    }
  }
}
