package dev.sprintflow.api;

import dev.sprintflow.oauth.Connection;
import dev.sprintflow.oauth.ConsentService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser side of consent: {@code /oauth/{provider}/authorize?connection=} redirects to the
 * provider; the provider redirects back to {@code /oauth/{provider}/callback}.
 */
@RestController
@RequestMapping("/oauth/{provider}")
public class ConsentController {

  private final ConsentService consent;

  public ConsentController(ConsentService consent) {
    this.consent = consent;
  }

  /** What a completed consent answers (the browser shows it). */
  public record Connected(String connectionId, String provider, String account, String status, String message) {}

  @GetMapping("/authorize")
  public ResponseEntity<Void> authorize(@PathVariable String provider,
      @RequestParam(name = "connection", required = false) String connection) {
    if (connection == null || connection.isBlank()) {
      throw new InvalidRequestException("connection", "Add ?connection=<connection id> (see GET /api/connections)");
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, consent.authorizeRedirect(provider, connection.strip()).toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @GetMapping(path = "/callback", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Connected> callback(@PathVariable String provider, HttpServletRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
    Connection connected = consent.complete(provider, parameters);
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new Connected(connected.id(), connected.provider(), connected.account(),
            connected.status().name().toLowerCase(Locale.ROOT),
            "Connected " + connected.provider() + " account " + connected.account() + "; you can close this window."));
  }
}
