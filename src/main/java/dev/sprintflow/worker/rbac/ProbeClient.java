package dev.sprintflow.worker.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sprintflow.worker.rbac.Exchange.Failure;
import dev.sprintflow.worker.rbac.RbacTargets.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;

/**
 * Sends the probes of one check to one target with the JDK HTTP client: at most
 * {@code max-concurrency} requests at a time (a semaphore; each probe runs on a virtual thread),
 * each bounded by {@code request-timeout}, redirects never followed (a redirect to a login page is
 * not a verdict). Safe probes run first, all together; probes that change state run afterwards, one
 * at a time per path with their restore, so no probe sees another's change.
 */
public final class ProbeClient implements AutoCloseable {

  /** Bytes of a response body kept: enough for an excerpt, an id to restore, a snapshot. */
  public static final int BODY_LIMIT = 256 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;
  private final Duration requestTimeout;
  private final Semaphore permits;

  public ProbeClient(Target target) {
    this.baseUrl = target.baseUrl().replaceAll("/+$", "");
    this.requestTimeout = target.requestTimeout();
    this.permits = new Semaphore(target.maxConcurrency());
    this.http = HttpClient.newBuilder()
        .connectTimeout(target.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  /** Runs every probe and returns the runs in the probes' order. */
  public List<ProbeRun> run(List<Probe> probes, Map<String, RoleCredentials> credentials, long deadlineNanos) {
    ProbeRun[] runs = new ProbeRun[probes.size()];
    Map<String, List<Integer>> changingByPath = new LinkedHashMap<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> safe = new ArrayList<>();
      for (int i = 0; i < probes.size(); i++) {
        Probe probe = probes.get(i);
        if (probe.mutating()) {
          changingByPath.computeIfAbsent(probe.request().path(), p -> new ArrayList<>()).add(i);
        } else {
          int index = i;
          safe.add(threads.submit(() -> runs[index] = execute(probe, credentials, deadlineNanos)));
        }
      }
      await(safe);
      List<Future<?>> changing = new ArrayList<>();
      for (List<Integer> samePath : changingByPath.values()) {
        changing.add(threads.submit(() -> {
          String failedRestore = null; // after one, the path's state is not what later probes assume
          for (int index : samePath) {
            ProbeRun run = execute(probes.get(index), credentials, deadlineNanos);
            runs[index] = failedRestore == null ? run : run.withCaveat(
                "probed after the failed restore of " + failedRestore + "; the target's state may differ");
            if (run.restoreFailed() && failedRestore == null) {
              failedRestore = run.probe().cell().toString();
            }
          }
        }));
      }
      await(changing);
    }
    return List.of(runs);
  }

  private ProbeRun execute(Probe probe, Map<String, RoleCredentials> credentials, long deadlineNanos) {
    RoleCredentials as = credentials.get(probe.cell().role());
    if (!as.ok()) {
      Failure failure = as.unreachable() ? Failure.CONNECT : Failure.NOT_SENT;
      return new ProbeRun(probe, Exchange.failed(probe.request(), failure,
          "not sent: could not sign in as " + probe.cell().role() + ": " + as.failure(), 0), null, null);
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      return new ProbeRun(probe, Exchange.notSent(probe.request(), "not sent: the check ran out of time (max-duration)"),
          null, null);
    }
    RoleCredentials restorer = probe.restoreRole() == null ? null : credentials.get(probe.restoreRole());
    Exchange snapshot = probe.snapshot() == null ? null : send(probe.snapshot(), restorer);
    Exchange response = send(probe.request(), as);
    Exchange restore = null;
    if (probe.restore() != null && response.succeeded()) {
      restore = restore(probe.restore(), response, snapshot, restorer);
    }
    return new ProbeRun(probe, response, snapshot, restore);
  }

  private Exchange restore(HttpCall template, Exchange response, Exchange snapshot, RoleCredentials restorer) {
    Map<String, String> values = new LinkedHashMap<>();
    if (snapshot != null) {
      if (!snapshot.succeeded()) {
        return Exchange.notSent(template, "not sent: the snapshot before the probe failed (" + snapshot.outcome() + ")");
      }
      values.put("snapshot", snapshot.body());
    }
    if (response.location() != null) {
      URI location = URI.create(baseUrl).resolve(response.location());
      values.put("location", location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }
    JsonNode body = json(response.body());
    Matcher m = ProbePlanner.PLACEHOLDER.matcher(template.path() + "\n" + (template.body() == null ? "" : template.body()));
    while (m.find()) {
      String name = m.group(1);
      if (name.startsWith("response.") && body != null) {
        JsonNode value = body.at("/" + name.substring("response.".length()).replace('.', '/'));
        if (value.isValueNode()) {
          values.put(name, value.asText());
        }
      }
      if (!values.containsKey(name)) {
        return Exchange.notSent(template, "not sent: the probe's response has no value for {{" + name + "}}");
      }
    }
    HttpCall call = new HttpCall(template.method(), fill(template.path(), values, true),
        fill(template.body(), values, false), template.headers());
    return send(call, restorer);
  }

  private static String fill(String template, Map<String, String> values, boolean inPath) {
    if (template == null) {
      return null;
    }
    return ProbePlanner.PLACEHOLDER.matcher(template).replaceAll(m -> {
      String value = values.get(m.group(1));
      // location is already a path; everything else is one segment's worth of text
      String text = inPath && !m.group(1).equals("location") ? ProbePlanner.encodePathValue(value) : value;
      return Matcher.quoteReplacement(text);
    });
  }

  private Exchange send(HttpCall call, RoleCredentials as) {
    if (as == null || !as.ok()) {
      return Exchange.notSent(call, "not sent: no credentials for the restore role");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
        .timeout(requestTimeout)
        .header("Authorization", as.authorization())
        .method(call.method(), call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
    boolean typed = false;
    for (HttpCall.Header h : call.headers()) {
      request.header(h.name(), h.value());
      typed |= h.name().equalsIgnoreCase("Content-Type");
    }
    if (call.body() != null && !typed) {
      request.header("Content-Type", "application/json");
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Exchange.notSent(call, "not sent: interrupted");
    }
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.sendAsync(request.build(), limited(BODY_LIMIT))
          .get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS); // the body too is bounded in time
      return new Exchange(call, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
          response.headers().firstValue("Location").orElse(null), null, null, millisSince(started));
    } catch (ExecutionException e) {
      return failure(call, e.getCause(), started);
    } catch (TimeoutException e) {
      return Exchange.failed(call, Failure.TIMEOUT, "timeout after " + requestTimeout.toMillis() + " ms", millisSince(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Exchange.failed(call, Failure.IO, "interrupted", millisSince(started));
    } finally {
      permits.release();
    }
  }

  private Exchange failure(HttpCall call, Throwable cause, long started) {
    long millis = millisSince(started);
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
        || cause instanceof java.nio.channels.UnresolvedAddressException) {
      return Exchange.failed(call, Failure.CONNECT, "cannot connect: " + describe(cause), millis);
    }
    if (cause instanceof HttpTimeoutException) {
      return Exchange.failed(call, Failure.TIMEOUT, "timeout after " + requestTimeout.toMillis() + " ms", millis);
    }
    return Exchange.failed(call, Failure.IO, "I/O error: " + describe(cause), millis);
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
  }

  private static JsonNode json(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static long millisSince(long started) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  private static void await(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while probing", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("A probe failed unexpectedly", e.getCause());
      }
    }
  }

  /** Keeps the first {@code limit} bytes of a body and stops reading there. */
  static HttpResponse.BodyHandler<byte[]> limited(int limit) {
    return info -> new HttpResponse.BodySubscriber<>() {
      private final ByteArrayOutputStream out = new ByteArrayOutputStream();
      private final CompletableFuture<byte[]> result = new CompletableFuture<>();
      private Flow.Subscription subscription;

      @Override
      public CompletionStage<byte[]> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
          int n = Math.min(b.remaining(), limit - out.size());
          byte[] chunk = new byte[n];
          b.get(chunk);
          out.write(chunk, 0, n);
        }
        if (out.size() >= limit && !result.isDone()) {
          subscription.cancel();
          result.complete(out.toByteArray());
        }
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        result.complete(out.toByteArray());
      }
    };
  }

  @Override
  public void close() {
    http.close();
  }
}
