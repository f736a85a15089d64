package dev.sprintflow.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the runtime mode before any bean exists. In embedded mode it starts the in-process
 * engine and points the Camunda client at it, so the client, workers and deployer need no special
 * case; in remote mode it checks that a cluster address was configured. Registered in
 * META-INF/spring.factories so that tests and the packaged jar behave alike. The work happens in a
 * bean factory post-processor, i.e. at refresh, after every initializer (tests' dynamic properties
 * included) has shaped the environment, and before the client bean reads it.
 */
public class EmbeddedEngineInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  static final String ENGINE_BEAN = "embeddedZeebeEngine";
  static final String PROPERTY_SOURCE = "sprintflow-embedded-engine";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (context.getParent() != null) {
      return; // child contexts (e.g. a separate management port's) use the parent's engine
    }
    context.addBeanFactoryPostProcessor(new BeanFactoryPostProcessor() {
      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ConfigurableEnvironment env = context.getEnvironment();
        switch (mode(env)) {
          case EMBEDDED -> startEmbedded(context, env);
          case REMOTE -> checkRemote(env);
        }
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  static EngineMode mode(ConfigurableEnvironment env) {
    String raw = env.getProperty(EngineProperties.MODE_PROPERTY, "embedded").trim();
    try {
      return EngineMode.valueOf(raw.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new EngineConfigurationException(
          "%s must be 'embedded' or 'remote', but is '%s'".formatted(EngineProperties.MODE_PROPERTY, raw));
    }
  }

  private static void startEmbedded(ConfigurableApplicationContext context, ConfigurableEnvironment env) {
    int port = port(env);
    EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(port);
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    beans.registerSingleton(ENGINE_BEAN, engine);
    beans.registerDisposableBean(ENGINE_BEAN, engine); // stopped on close and on failed start-up

    Map<String, Object> client = new LinkedHashMap<>();
    client.put("camunda.client.grpc-address", engine.grpcAddress());
    // The in-process engine has no REST API. Point REST at it too so that nothing silently
    // reaches the client's default http://0.0.0.0:8080, which is this very service.
    client.put("camunda.client.rest-address", engine.grpcAddress());
    client.put("camunda.client.prefer-rest-over-grpc", false);
    client.put("camunda.client.auth.method", "none");
    env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, client));
  }

  private static int port(ConfigurableEnvironment env) {
    String raw = env.getProperty(EngineProperties.GRPC_PORT_PROPERTY);
    if (raw == null || raw.isBlank()) {
      return EngineProperties.DEFAULT_GRPC_PORT;
    }
    try {
      int port = Integer.parseInt(raw.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new EngineConfigurationException(
        "%s must be a port number from 0 to 65535 (0 = any free port), but is '%s'"
            .formatted(EngineProperties.GRPC_PORT_PROPERTY, raw));
  }

  private static void checkRemote(ConfigurableEnvironment env) {
    boolean saas = "saas".equalsIgnoreCase(env.getProperty("camunda.client.mode", ""));
    if (!saas && env.getProperty("camunda.client.grpc-address", "").isBlank()) {
      throw new EngineConfigurationException(
          "Remote mode needs the cluster's address: set camunda.client.grpc-address (and camunda.client.rest-address),"
              + " e.g. CAMUNDA_CLIENT_GRPCADDRESS=http://127.0.0.1:26500, or camunda.client.mode=saas with"
              + " camunda.client.cloud.* for Camunda SaaS.");
    }
  }
}
