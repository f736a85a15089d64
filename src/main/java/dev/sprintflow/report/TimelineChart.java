package dev.sprintflow.report;

import dev.sprintflow.progress.TaskState;
import dev.sprintflow.report.SprintOverview.TaskView;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A Gantt-style chart of a sprint as SVG, drawn with JFreeSVG: per task a thin planned bar (from
 * its earliest start by the plan's estimates) over a thick actual bar (from its first start to its
 * finish, or to now), coloured by state; the planned critical path is outlined in red. Bars carry
 * ids {@code planned-<taskId>} and {@code actual-<taskId>} and a title (tooltip).
 */
public final class TimelineChart {

  static final int WIDTH = 1000;
  static final int LABEL_WIDTH = 250;
  static final int RIGHT = 20;
  static final int TOP = 60;
  static final int ROW = 30;
  static final Color CRITICAL = new Color(0xC6, 0x28, 0x28);
  static final Color PLANNED = new Color(0xB0, 0xBE, 0xC5);
  static final Color GRID = new Color(0xE0, 0xE0, 0xE0);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Map<TaskState, Color> STATE_COLORS = new LinkedHashMap<>();
  /** Axis steps: the first that gives at most eight intervals is used. */
  private static final List<Duration> TICKS = java.util.stream.Stream.of("PT15M", "PT30M", "PT1H", "PT2H", "PT3H", "PT6H",
      "PT12H", "P1D", "P2D", "P3D", "P7D", "P14D", "P28D", "P56D").map(Duration::parse).toList();

  static {
    STATE_COLORS.put(TaskState.DONE, new Color(0x2E, 0x7D, 0x32));
    STATE_COLORS.put(TaskState.RUNNING, new Color(0x15, 0x65, 0xC0));
    STATE_COLORS.put(TaskState.IN_REVIEW, new Color(0xF9, 0xA8, 0x25));
    STATE_COLORS.put(TaskState.REWORK, new Color(0xEF, 0x6C, 0x00));
    STATE_COLORS.put(TaskState.IN_TRIAGE, new Color(0xAD, 0x14, 0x57));
    STATE_COLORS.put(TaskState.FAILED, new Color(0x6D, 0x1B, 0x1B));
    STATE_COLORS.put(TaskState.SKIPPED, new Color(0x75, 0x75, 0x75));
    STATE_COLORS.put(TaskState.DEFERRED, new Color(0xBD, 0xBD, 0xBD));
    STATE_COLORS.put(TaskState.PENDING, new Color(0xBD, 0xBD, 0xBD));
  }

  private TimelineChart() {}

  public static String svg(SprintOverview o) {
    List<TaskView> tasks = o.tasks();
    Map<String, List<String>> deps = new LinkedHashMap<>();
    Map<String, Duration> estimates = new LinkedHashMap<>();
    tasks.forEach(t -> {
      deps.put(t.taskId(), t.dependsOn());
      estimates.put(t.taskId(), t.estimate() == null ? Duration.ZERO : t.estimate());
    });
    CriticalPath planned = CriticalPath.of(tasks.stream().map(TaskView::taskId).toList(), deps, estimates);

    Instant start = o.startedAt();
    Instant end = latest(List.of(o.asOf(), o.schedule().plannedFinish(), o.schedule().forecastFinish(), start.plusSeconds(3600)));
    double span = Duration.between(start, end).toSeconds();
    int height = TOP + ROW * Math.max(1, tasks.size()) + 70;
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
    Scale x = new Scale(start, span);

    g.setPaint(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
    g.setFont(TITLE);
    g.setPaint(Color.BLACK);
    g.drawString(label(o.planName() != null ? o.planName() : o.sprintId(), 70) + " (" + o.state().value() + ")", 10, 22);
    axis(g, x, start, end, height);

    for (int i = 0; i < tasks.size(); i++) {
      TaskView t = tasks.get(i);
      double y = TOP + i * ROW;
      boolean critical = planned.contains(t.taskId());
      g.setFont(critical ? BOLD : FONT);
      g.setPaint(critical ? CRITICAL : Color.BLACK);
      g.drawString(label(t.title(), 34), 10, (float) (y + 19));

      g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "task-" + t.taskId());
      Duration from = planned.earliestStart().getOrDefault(t.taskId(), Duration.ZERO);
      Duration estimate = estimates.get(t.taskId());
      Rectangle2D plannedBar = new Rectangle2D.Double(x.at(start.plus(from)), y + 4,
          Math.max(2, x.width(estimate)), 7);
      g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "planned-" + t.taskId());
      g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, t.title() + ": planned " + MarkdownText.duration(estimate)
          + " from +" + MarkdownText.duration(from) + (critical ? " (critical path)" : ""));
      g.setPaint(critical ? CRITICAL : PLANNED);
      g.fill(plannedBar);

      if (t.startedAt() != null) {
        Instant to = t.finishedAt() != null ? t.finishedAt() : o.asOf();
        Rectangle2D actualBar = new Rectangle2D.Double(x.at(t.startedAt()), y + 13,
            Math.max(2, x.width(Duration.between(t.startedAt(), to))), 12);
        g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "actual-" + t.taskId());
        g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, t.title() + ": " + t.state().value() + ", "
            + MarkdownText.duration(t.actual()) + (t.reworkCount() > 0 ? ", " + t.reworkCount() + " rework(s)" : ""));
        g.setPaint(STATE_COLORS.get(t.state()));
        g.fill(actualBar);
        if (critical) {
          g.setPaint(CRITICAL);
          g.setStroke(new BasicStroke(1.5f));
          g.draw(actualBar);
        }
      }
      g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
    }
    if (o.endedAt() == null) {
      g.setPaint(Color.DARK_GRAY);
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
      g.draw(new Line2D.Double(x.at(o.asOf()), TOP - 6, x.at(o.asOf()), TOP + ROW * tasks.size()));
    }
    legend(g, height - 30);
    return g.getSVGElement(null, true, null, null, null) + "\n";
  }

  private static void axis(SVGGraphics2D g, Scale x, Instant start, Instant end, int height) {
    g.setFont(FONT);
    long span = Duration.between(start, end).toSeconds();
    long step = TICKS.stream().mapToLong(Duration::toSeconds).filter(s -> span / s <= 8).findFirst()
        .orElse(TICKS.get(TICKS.size() - 1).toSeconds());
    g.setStroke(new BasicStroke(1f));
    for (int i = 0; start.plusSeconds(step * i).compareTo(end) <= 0; i++) {
      Instant at = start.plusSeconds(step * i);
      double px = x.at(at);
      g.setPaint(GRID);
      g.draw(new Line2D.Double(px, TOP - 8, px, height - 50));
      g.setPaint(Color.DARK_GRAY);
      g.drawString("+" + MarkdownText.duration(Duration.ofSeconds(step * i)), (float) px + 2, TOP - 12);
    }
  }

  private static void legend(SVGGraphics2D g, double y) {
    g.setFont(FONT);
    double px = 10;
    g.setPaint(PLANNED);
    g.fill(new Rectangle2D.Double(px, y, 20, 7));
    g.setPaint(Color.BLACK);
    g.drawString("planned", (float) px + 24, (float) y + 8);
    px += 90;
    g.setPaint(CRITICAL);
    g.fill(new Rectangle2D.Double(px, y, 20, 7));
    g.setPaint(Color.BLACK);
    g.drawString("critical path", (float) px + 24, (float) y + 8);
    px += 110;
    for (Map.Entry<TaskState, Color> e : STATE_COLORS.entrySet()) {
      if (e.getKey() == TaskState.PENDING) {
        continue;
      }
      g.setPaint(e.getValue());
      g.fill(new Rectangle2D.Double(px, y - 2, 14, 12));
      g.setPaint(Color.BLACK);
      g.drawString(e.getKey().value().replace('_', ' '), (float) px + 18, (float) y + 8);
      px += 90;
    }
  }

  private static String label(String text, int max) {
    String s = text == null ? "" : text.strip();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static Instant latest(List<Instant> instants) {
    return instants.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
  }

  /** Time to x: the chart area spans from the sprint's start to the latest moment shown. */
  private record Scale(Instant start, double spanSeconds) {
    double at(Instant t) {
      return LABEL_WIDTH + (WIDTH - LABEL_WIDTH - RIGHT) * (Duration.between(start, t).toSeconds() / spanSeconds);
    }

    double width(Duration d) {
      return (WIDTH - LABEL_WIDTH - RIGHT) * (d.toSeconds() / spanSeconds);
    }
  }
}
