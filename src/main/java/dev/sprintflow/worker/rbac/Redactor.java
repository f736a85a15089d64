package dev.sprintflow.worker.rbac;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hides secrets in everything the check reports (evidence, report, logs): the configured and
 * obtained credentials of this check verbatim, and whatever looks like a credential a target
 * echoed (Authorization values, JWTs, JSON fields such as "access_token" or "password").
 */
public final class Redactor {

  static final String MASK = "***";
  private static final Pattern AUTH_VALUE =
      Pattern.compile("(?i)\\b(Bearer|Basic|DPoP)\\s+[A-Za-z0-9._~+/=-]+");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern SECRET_FIELD = Pattern.compile(
      "(?i)(\"?(?:access_token|refresh_token|id_token|token|password|passwd|secret|client_secret|api_?key)\"?\\s*[:=]\\s*)"
          + "(\"[^\"]*\"|[^\\s,&}\"]+)");

  private final List<String> secrets;

  /** Secrets shorter than 4 characters are not replaced verbatim (they would mask ordinary text). */
  public Redactor(Collection<String> secrets) {
    this.secrets = secrets.stream()
        .filter(s -> s != null && s.length() >= 4)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()) // longest first: no partial leftovers
        .toList();
  }

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    out = AUTH_VALUE.matcher(out).replaceAll("$1 " + MASK);
    out = JWT.matcher(out).replaceAll(MASK);
    return SECRET_FIELD.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        m.group(1) + (m.group(2).startsWith("\"") ? "\"" + MASK + "\"" : MASK)));
  }
}
