package dev.sprintflow.bench;

import dev.sprintflow.compiler.CompiledSprint;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.plan.Plan;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Side by side on the same generated plans: our compiler (ELK layout, whole compile) and
 * bpmn-auto-layout (bpmn.io's layouter, through tools/modeler/auto-layout.mjs), timing each and
 * counting edge crossings in each output's diagram. Prints a Markdown table for docs/benchmarks.md.
 * Run with scripts/compare-layout [SIZES...].
 */
public final class LayoutComparison {

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {100, 1000, 5000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Path dir = Files.createDirectories(Path.of("target", "layout-comparison"));
    SprintCompiler compiler = new SprintCompiler();
    compiler.compile(CompileBenchmark.generatedPlan(50, 1)); // warm up class loading and JIT a little
    System.out.println("| plan | Sprintflow compile (ELK) | bpmn-auto-layout (layout only) | time ratio | crossings ELK | crossings bpmn-auto-layout |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    List<Map.Entry<String, Plan>> plans = new ArrayList<>();
    for (String sample : List.of("audienceos-production-sprint.md", "audienceos-integration.md")) {
      Path file = Path.of("src/test/resources/plans", sample);
      plans.add(Map.entry(sample, dev.sprintflow.plan.PlanLoader.withDefaults().load(file).plan()));
    }
    for (int n : sizes) {
      plans.add(Map.entry(n + " generated", CompileBenchmark.generatedPlan(n, 42)));
    }
    for (Map.Entry<String, Plan> entry : plans) {
      Plan plan = entry.getValue();
      long t0 = System.nanoTime();
      CompiledSprint compiled = compiler.compile(plan);
      double oursMs = (System.nanoTime() - t0) / 1e6;
      Path ours = dir.resolve("sprintflow-" + plan.id() + ".bpmn");
      Files.writeString(ours, compiled.bpmnXml());
      Path theirs = dir.resolve("bpmn-auto-layout-" + plan.id() + ".bpmn");
      String label = entry.getKey() + " (" + plan.tasks().size() + " tasks)";
      try {
        double theirMs = autoLayout(ours, theirs);
        System.out.printf("| %s | %.0f ms | %.0f ms | %.2f | %d | %d |%n", label, oursMs, theirMs, oursMs / theirMs,
            crossings(Files.readString(ours)), crossings(Files.readString(theirs)));
      } catch (IllegalStateException e) {
        System.out.printf("| %s | %.0f ms | failed: %s | - | %d | - |%n", label, oursMs, e.getMessage(),
            crossings(Files.readString(ours)));
      }
    }
  }

  private static double autoLayout(Path in, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("node", "tools/modeler/auto-layout.mjs", in.toString(), out.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      String reason = output.lines().filter(l -> l.contains("Error")).findFirst().orElse("exit " + p.exitValue());
      throw new IllegalStateException(reason.strip());
    }
    String ms = output.replaceAll("(?s).*\"ms\":([0-9.]+).*", "$1");
    return Double.parseDouble(ms);
  }

  /** Segments of every BPMNEdge, per edge. */
  static List<double[][]> edges(String xml) throws XMLStreamException {
    List<double[][]> edges = new ArrayList<>();
    XMLStreamReader r = XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml));
    List<double[]> points = null;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("BPMNEdge")) {
        points = new ArrayList<>();
      } else if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("waypoint") && points != null) {
        points.add(new double[] {Double.parseDouble(r.getAttributeValue(null, "x")), Double.parseDouble(r.getAttributeValue(null, "y"))});
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("BPMNEdge")) {
        edges.add(points.toArray(double[][]::new));
        points = null;
      }
    }
    return edges;
  }

  /** Proper crossings between segments of different edges (touching ends do not count). */
  static long crossings(String xml) throws XMLStreamException {
    List<double[][]> edges = edges(xml);
    List<double[]> segments = new ArrayList<>(); // x1,y1,x2,y2,edgeIndex
    for (int e = 0; e < edges.size(); e++) {
      double[][] pts = edges.get(e);
      for (int i = 1; i < pts.length; i++) {
        segments.add(new double[] {pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1], e});
      }
    }
    // Grid buckets keep this near linear for thousands of edges.
    double cell = 200;
    Map<Long, List<Integer>> grid = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      double[] s = segments.get(i);
      for (long gx = (long) Math.floor(Math.min(s[0], s[2]) / cell); gx <= (long) Math.floor(Math.max(s[0], s[2]) / cell); gx++) {
        for (long gy = (long) Math.floor(Math.min(s[1], s[3]) / cell); gy <= (long) Math.floor(Math.max(s[1], s[3]) / cell); gy++) {
          grid.computeIfAbsent(gx * 1_000_003L + gy, k -> new ArrayList<>()).add(i);
        }
      }
    }
    Set<Long> counted = new HashSet<>();
    for (List<Integer> bucket : grid.values()) {
      for (int a = 0; a < bucket.size(); a++) {
        for (int b = a + 1; b < bucket.size(); b++) {
          int i = Math.min(bucket.get(a), bucket.get(b)), j = Math.max(bucket.get(a), bucket.get(b));
          double[] s = segments.get(i), t = segments.get(j);
          if (s[4] != t[4] && properlyCross(s, t)) {
            counted.add((long) i * segments.size() + j);
          }
        }
      }
    }
    return counted.size();
  }

  static boolean properlyCross(double[] s, double[] t) {
    double d1 = orient(t[0], t[1], t[2], t[3], s[0], s[1]);
    double d2 = orient(t[0], t[1], t[2], t[3], s[2], s[3]);
    double d3 = orient(s[0], s[1], s[2], s[3], t[0], t[1]);
    double d4 = orient(s[0], s[1], s[2], s[3], t[2], t[3]);
    return d1 * d2 < 0 && d3 * d4 < 0;
  }

  private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return Math.signum((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  }
}
