package dev.targets.clients;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests the target is serving at once (the most seen is what a concurrency bound
 * is checked against) and adds a fixed latency to each, so that requests can overlap in tests.
 */
public final class InFlight extends OncePerRequestFilter {

  private final Duration latency;
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();
  private final AtomicInteger total = new AtomicInteger();

  InFlight(Duration latency) {
    this.latency = latency;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int current = now.incrementAndGet();
    most.accumulateAndGet(current, Math::max);
    total.incrementAndGet();
    try {
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      chain.doFilter(request, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      now.decrementAndGet();
    }
  }

  public int most() {
    return most.get();
  }

  public int total() {
    return total.get();
  }
}
