package dev.sprintflow.plan;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Ids as plans use them: lower-case ASCII letters and digits joined by single hyphens. */
public final class Slugs {
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final int MAX_LENGTH = 60;

  private Slugs() {}

  /** A file name without folders and extension ("plans/q3-sprint.md" -> "q3-sprint"), or null. */
  public static String fileStem(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  public static boolean isSlug(String s) {
    return s != null && SLUG.matcher(s).matches();
  }

  /** The slug of a title, or {@code fallback} when nothing of it survives (emoji, other scripts). */
  public static String of(String text, String fallback) {
    if (text == null) {
      return fallback;
    }
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(Math.min(ascii.length(), MAX_LENGTH));
    boolean pendingHyphen = false;
    for (int i = 0; i < ascii.length() && out.length() < MAX_LENGTH; i++) {
      char c = ascii.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingHyphen && !out.isEmpty()) {
          out.append('-');
        }
        out.append(c);
        pendingHyphen = false;
      } else if (c == '\'' || c == '’' || Character.getType(c) == Character.NON_SPACING_MARK) {
        // "don't" -> "dont", "é" -> "e": no word break
      } else {
        pendingHyphen = true;
      }
    }
    String slug = out.toString();
    while (slug.endsWith("-")) {
      slug = slug.substring(0, slug.length() - 1);
    }
    return slug.isEmpty() ? fallback : slug;
  }
}
