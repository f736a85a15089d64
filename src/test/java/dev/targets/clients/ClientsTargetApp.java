package dev.targets.clients;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A small live system for the rbac-check tests: Spring MVC and Spring Security on 127.0.0.1, a
 * random port, users owner/admin/manager/member over a {@code clients} resource with assignments.
 *
 * <p>It lives outside {@code dev.sprintflow} on purpose: Sprintflow's application scans that package
 * and would pick up this controller and security chain. It imports only the auto-configuration it
 * needs and drops the initializers of spring.factories (Sprintflow's would start a Zeebe engine) and
 * Boot's logging listener (it would reconfigure the logging of the JVM's other application).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
@Import({TargetSecurity.class, ClientsController.class})
public class ClientsTargetApp {

  /**
   * How to start a target.
   *
   * @param issuer issuer URL whose JWTs the target accepts as bearer tokens (keys at jwks), or null: basic only
   * @param extraClients clients beyond the three seeded ones (benchmarks)
   * @param latency added to every request (to make requests overlap)
   */
  public record Options(Set<Flaw> flaws, URI issuer, URI jwks, int extraClients, Duration latency) {
    public static Options basicOnly() {
      return new Options(Set.of(), null, null, 0, Duration.ZERO);
    }

    public Options withFlaws(Flaw... more) {
      return new Options(Set.of(more), issuer, jwks, extraClients, latency);
    }

    public Options withJwtIssuer(URI issuerUrl, URI jwksUrl) {
      return new Options(flaws, issuerUrl, jwksUrl, extraClients, latency);
    }

    public Options withExtraClients(int extra) {
      return new Options(flaws, issuer, jwks, extra, latency);
    }

    public Options withLatency(Duration perRequest) {
      return new Options(flaws, issuer, jwks, extraClients, perRequest);
    }
  }

  public static Running start(Options options) {
    ClientStore store = ClientStore.seeded(options.extraClients());
    Set<Flaw> planted = options.flaws().isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(options.flaws());
    InFlight inFlight = new InFlight(options.latency());
    URI issuer = options.issuer();
    SpringApplication app = new SpringApplication(ClientsTargetApp.class);
    app.setInitializers(new ArrayList<>());
    // Logging belongs to the JVM's main application (Sprintflow in tests): leave it alone.
    app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
    app.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("clientStore", store);
      context.getBeanFactory().registerSingleton("flaws", planted);
      context.getBeanFactory().registerSingleton("inFlight", inFlight);
      if (issuer != null) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(options.jwks().toString()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.toString()));
        context.getBeanFactory().registerSingleton("jwtDecoder", decoder);
      }
    });
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(Banner.Mode.OFF);
    app.setRegisterShutdownHook(false);
    List<String> args = List.of("--server.port=0", "--server.address=127.0.0.1", "--spring.config.name=clients-target",
        "--spring.mvc.servlet.load-on-startup=1");
    ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    URI baseUrl = URI.create("http://127.0.0.1:" + port);
    warmUp(baseUrl);
    return new Running(context, store, inFlight, baseUrl);
  }

  /** One request through the whole stack, so tests with short timeouts do not time the first one. */
  private static void warmUp(URI baseUrl) {
    String basic = java.util.Base64.getEncoder().encodeToString("owner:owner-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      http.send(java.net.http.HttpRequest.newBuilder(baseUrl.resolve("/api/clients")).header("Authorization", "Basic " + basic).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A started target; close it to stop its server. */
  public record Running(ConfigurableApplicationContext context, ClientStore store, InFlight inFlight, URI baseUrl)
      implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }
}
