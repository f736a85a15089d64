package dev.sprintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class EmbeddedZeebeEngineTest {

  @Test
  void listensOnLoopbackOnly() {
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(0);
    try {
      assertThat(engine.listenSockets()).isNotEmpty().allSatisfy(address ->
          assertThat(((InetSocketAddress) address).getAddress().isLoopbackAddress()).isTrue());
      assertThat(engine.grpcAddress()).isEqualTo("http://127.0.0.1:" + engine.port());
    } finally {
      engine.destroy();
    }
  }

  @Test
  void aTakenPortIsReportedWithTheProperty() {
    EmbeddedZeebeEngine first = EmbeddedZeebeEngine.start(0);
    try {
      assertThatThrownBy(() -> EmbeddedZeebeEngine.start(first.port()))
          .isInstanceOf(EmbeddedEngineException.class)
          .hasMessageContaining("127.0.0.1:" + first.port())
          .hasMessageContaining(EngineProperties.GRPC_PORT_PROPERTY);
    } finally {
      first.destroy();
    }
  }
}
