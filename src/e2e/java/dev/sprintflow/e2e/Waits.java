package dev.sprintflow.e2e;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls until something is there; Operate and Tasklist show changes only after their import (1-3 s). */
final class Waits {

  private Waits() {}

  static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        last = e; // e.g. Operate briefly unavailable: keep trying until the deadline
      }
      if (System.nanoTime() > deadline) {
        AssertionError error = new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + " in vain");
        if (last != null) {
          error.initCause(last);
        }
        throw error;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }
}
