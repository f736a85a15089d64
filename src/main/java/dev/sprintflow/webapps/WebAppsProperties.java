package dev.sprintflow.webapps;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sprintflow.webapps.*}: Camunda's Operate and Tasklist, reached over their REST APIs with a
 * form login (the self-managed default without Identity). Unset URLs mean "not available": the
 * review inbox then cannot use Tasklist and sprint status lookups answer 501.
 *
 * @param operateUrl base URL of Operate, e.g. http://127.0.0.1:8088 (the API lives under /v1)
 * @param tasklistUrl base URL of Tasklist; on the 8.6 single-JVM distribution the same as Operate's
 * @param username login of both applications (default demo)
 * @param password its password (default demo); never logged
 * @param timeout per request (default 10 s)
 */
@ConfigurationProperties("sprintflow.webapps")
public record WebAppsProperties(URI operateUrl, URI tasklistUrl, String username, String password, Duration timeout) {

  public WebAppsProperties {
    operateUrl = checked("sprintflow.webapps.operate-url", operateUrl);
    tasklistUrl = checked("sprintflow.webapps.tasklist-url", tasklistUrl);
    username = username == null || username.isBlank() ? "demo" : username.strip();
    password = password == null ? "demo" : password;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("sprintflow.webapps.timeout must be positive, but is " + timeout);
    }
  }

  private static URI checked(String property, URI url) {
    if (url == null || url.toString().isBlank()) {
      return null;
    }
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException(
          property + " must be an http(s) URL such as http://127.0.0.1:8088, but is '" + url + "'");
    }
    // Paths are appended to it: drop a trailing slash so "/v1/..." does not become "//v1/...".
    String text = url.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
  }

  /** Keeps the password out of logs and error pages (a record's toString would print it). */
  @Override
  public String toString() {
    return "WebAppsProperties[operateUrl=%s, tasklistUrl=%s, username=%s, password=<hidden>, timeout=%s]"
        .formatted(operateUrl, tasklistUrl, username, timeout);
  }
}
