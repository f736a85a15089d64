package dev.sprintflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "zeebe": UP when the gateway answers a topology request and
 * every partition has a healthy leader; the details say where the service is connected.
 */
@Component("zeebe")
public class ZeebeHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;
  private final EngineProperties engine;
  private final String gateway;

  public ZeebeHealthIndicator(
      CamundaClient client, EngineProperties engine, @Value("${camunda.client.grpc-address:}") String gateway) {
    super("Zeebe topology request failed");
    this.client = client;
    this.engine = engine;
    this.gateway = gateway;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("mode", engine.mode().name().toLowerCase()).withDetail("gateway", gateway);
    Topology topology;
    try {
      topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send().join();
    } catch (RuntimeException e) {
      builder.down().withDetail("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      return;
    }
    long partitions = topology.getPartitionsCount();
    long healthyLeaders = topology.getBrokers().stream()
        .flatMap(b -> b.getPartitions().stream())
        .filter(p -> p.isLeader() && p.getHealth() == PartitionBrokerHealth.HEALTHY)
        .count();
    builder.withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().stream().map(BrokerInfo::getAddress).toList())
        .withDetail("partitions", partitions)
        .withDetail("healthyLeaders", healthyLeaders);
    if (healthyLeaders >= partitions) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
