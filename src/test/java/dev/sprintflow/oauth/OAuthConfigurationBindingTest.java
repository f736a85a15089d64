package dev.sprintflow.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables workers/oauth-sync.md tells operators to set bind as documented. */
class OAuthConfigurationBindingTest {

  @Test
  void keysAndClientSecretsComeFromTheEnvironment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
        "SPRINTFLOW_OAUTH_ENCRYPTION_KEYS_K1", "a2V5",
        "SPRINTFLOW_OAUTH_ENCRYPTION_ACTIVEKEYID", "k1",
        "SPRINTFLOW_OAUTH_PROVIDERS_GMAIL_CLIENTSECRET", "from-env")));
    environment.getPropertySources().addLast(new MapPropertySource("yaml", Map.of(
        "sprintflow.oauth.providers.gmail.client-id", "client",
        "sprintflow.oauth.providers.gmail.client-authentication", "client_secret_basic",
        "sprintflow.oauth.providers.gmail.token-response", "slack",
        "sprintflow.oauth.providers.gmail.token-uri", "https://oauth2.example/token")));
    Binder binder = new Binder(ConfigurationPropertySources.get(environment));

    TokenEncryptionProperties keys = binder.bind("sprintflow.oauth.encryption", TokenEncryptionProperties.class).get();
    OAuthProperties oauth = binder.bind("sprintflow.oauth", OAuthProperties.class).get();

    assertThat(keys.keys()).containsEntry("k1", "a2V5");
    assertThat(keys.activeKeyId()).isEqualTo("k1");
    ProviderSettings gmail = oauth.providers().get("gmail");
    assertThat(gmail.clientSecret()).isEqualTo("from-env");
    assertThat(gmail.clientAuthentication()).isEqualTo(ProviderSettings.ClientAuthentication.CLIENT_SECRET_BASIC);
    assertThat(gmail.tokenResponse()).isEqualTo(ProviderSettings.TokenResponseFormat.SLACK);
    assertThat(gmail.tokenUri()).isEqualTo(URI.create("https://oauth2.example/token"));
    assertThat(gmail.toString()).doesNotContain("from-env");
    assertThat(oauth.refreshBuffer()).hasMinutes(5);
  }
}
