package dev.sprintflow.compiler.bpmn;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes plan values as FEEL literals for input mappings, so a task's data lives in the diagram
 * where a lead can read and edit it in Modeler. Map keys are sorted for byte-stable output.
 */
public final class FeelLiterals {

  private FeelLiterals() {}

  /** The expression form Zeebe expects in a mapping source, e.g. {@code ="text"}. */
  public static String expression(Object value) {
    return "=" + literal(value);
  }

  public static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "null";
      }
      return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      new TreeMap<>(stringKeys(map)).forEach((k, v) -> {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(string(k)).append(": ").append(literal(v));
      });
      return sb.append('}').toString();
    }
    if (value instanceof Collection<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (Object item : list) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(literal(item));
      }
      return sb.append(']').toString();
    }
    return string(value.toString());
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** A FEEL string literal: backslash escapes for quote, backslash and control characters. */
  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
