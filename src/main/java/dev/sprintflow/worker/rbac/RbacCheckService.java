package dev.sprintflow.worker.rbac;

import dev.sprintflow.worker.rbac.Exchange.Failure;
import dev.sprintflow.worker.rbac.RbacCheckOutcome.Status;
import dev.sprintflow.worker.rbac.RbacTargets.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Proves a permission matrix against a live system: resolves the configured target, signs in as
 * every role, probes every cell, and compares what the target did with what the matrix expects.
 */
@Service
public class RbacCheckService implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(RbacCheckService.class);
  static final int EXCERPT = 160;

  private final RbacTargets targets;
  private final RoleAuthenticator authenticator;
  private final Map<String, ProbeClient> clients = new ConcurrentHashMap<>();

  public RbacCheckService(RbacTargets targets, RoleAuthenticator authenticator) {
    this.targets = targets;
    this.authenticator = authenticator;
  }

  /**
   * @throws RbacConfigInvalidException the input or the target's configuration cannot drive a check
   * @throws TargetUnreachableException no probe got an answer from the target
   */
  public RbacCheckOutcome check(RbacCheckInput input) {
    Target target = targets.require(input.target());
    PermissionMatrix matrix = PermissionMatrixParser.parse(input.matrix(), "inputs.matrix");
    List<Probe> probes = ProbePlanner.plan(input.target(), target, matrix);
    long started = System.nanoTime();

    Set<String> roles = new LinkedHashSet<>(matrix.roles());
    if (target.restoreAs() != null) {
      roles.add(target.restoreAs());
    }
    Map<String, RoleCredentials> credentials = authenticator.signIn(input.target(), target, roles);
    Redactor redactor = redactor(target, credentials);
    ProbeClient client = clients.computeIfAbsent(input.target(), name -> new ProbeClient(target));
    List<ProbeRun> runs = client.run(probes, credentials, started + targets.maxDuration().toNanos());
    unreachable(input.target(), target, runs, redactor);

    ResponseClassifier classifier = new ResponseClassifier(target.denyStatuses());
    List<CellEvidence> evidence = new ArrayList<>();
    for (ProbeRun run : runs) {
      evidence.add(evidence(run, matrix.expected(run.probe().cell()), classifier, redactor));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    RbacCheckOutcome outcome = outcome(input.target(), target, matrix, runs, evidence, millis);
    LOG.info("{} ({} ms)", outcome.headline(), millis);
    return outcome;
  }

  private static RbacCheckOutcome outcome(String name, Target target, PermissionMatrix matrix, List<ProbeRun> runs,
      List<CellEvidence> evidence, long millis) {
    int errors = (int) evidence.stream().filter(e -> e.observed().equals(Access.ERROR.label())).count();
    int mismatches = (int) evidence.stream().filter(e -> !e.matches()).count() - errors;
    Status status = mismatches > 0 ? Status.VIOLATION : errors > 0 ? Status.INCONCLUSIVE : Status.PASSED;
    RbacSummary summary = new RbacSummary(name, status.label(), matrix.roles().size(), evidence.size(),
        evidence.size() - mismatches - errors, mismatches, errors,
        (int) runs.stream().filter(r -> r.probe().dryRun()).count(),
        (int) runs.stream().filter(r -> r.restore() != null && r.restore().succeeded()).count(),
        (int) runs.stream().filter(ProbeRun::restoreFailed).count(), millis);
    Map<String, Map<String, Map<String, String>>> observed = new LinkedHashMap<>();
    for (CellEvidence e : evidence) {
      observed.computeIfAbsent(e.role(), r -> new LinkedHashMap<>())
          .computeIfAbsent(e.row(), r -> new LinkedHashMap<>())
          .put(e.action(), e.observed());
    }
    String report = RbacReport.render(status, summary, target.baseUrl(), matrix.roles(), evidence);
    return new RbacCheckOutcome(status, summary, observed, evidence, report);
  }

  /** Not one answer, and at least one connection failure: retrying later is the right move. */
  private static void unreachable(String name, Target target, List<ProbeRun> runs, Redactor redactor) {
    boolean anyAnswer = runs.stream().anyMatch(r -> r.response().answered());
    ProbeRun connectFailure = runs.stream()
        .filter(r -> r.response().failure() == Failure.CONNECT).findFirst().orElse(null);
    if (!anyAnswer && connectFailure != null) {
      throw new TargetUnreachableException(redactor.redact("RBAC check target '%s' (%s) is unreachable: %s"
          .formatted(name, target.baseUrl(), connectFailure.response().failureMessage())));
    }
  }

  private static CellEvidence evidence(ProbeRun run, Access expected, ResponseClassifier classifier, Redactor redactor) {
    Probe probe = run.probe();
    Exchange response = run.response();
    Access observed = classifier.classify(response);
    String note = classifier.errorReason(response);
    if (observed == Access.ALLOW && probe.mutating() && probe.restore() == null) {
      note = "changed the target; no restore is configured for this request";
    }
    if (run.caveat() != null) {
      note = note == null ? run.caveat() : note + "; " + run.caveat();
    }
    String restore = null;
    if (run.restore() != null) {
      restore = "%s as %s -> %s".formatted(run.restore().call().line(), probe.restoreRole(), run.restore().outcome());
    }
    Cell cell = probe.cell();
    return new CellEvidence(cell.role(), cell.resource(), cell.scope(), cell.action(), expected.label(), observed.label(),
        observed == expected, redactor.redact(describe(probe)), response.status(),
        excerpt(redactor.redact(response.body())), redactor.redact(note), response.millis(),
        redactor.redact(restore), run.restoreFailed());
  }

  /** {@code PATCH /api/clients/c-2 [X-Dry-Run: true] {"name":"probe"}}: never the Authorization header. */
  static String describe(Probe probe) {
    StringBuilder text = new StringBuilder(probe.request().line());
    if (probe.dryRun()) {
      HttpCall.Header dryRun = probe.request().headers().get(probe.request().headers().size() - 1);
      text.append(" [").append(dryRun).append(']');
    }
    if (probe.request().body() != null) {
      text.append(' ').append(excerpt(probe.request().body()));
    }
    return text.toString();
  }

  static String excerpt(String body) {
    if (body == null) {
      return null;
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
  }

  private static Redactor redactor(Target target, Map<String, RoleCredentials> credentials) {
    Set<String> secrets = new LinkedHashSet<>();
    target.roles().values().stream()
        .filter(r -> r.auth() != null)
        .forEach(r -> secrets.addAll(RoleAuthenticator.secrets(r.auth())));
    credentials.values().forEach(c -> secrets.addAll(c.secrets()));
    return new Redactor(secrets);
  }

  @Override
  public void destroy() {
    clients.values().forEach(ProbeClient::close);
  }
}
