package dev.sprintflow.cli;

import dev.sprintflow.plan.PlanJson;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import dev.sprintflow.plan.WorkerKeywords;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.util.unit.DataSize;

/**
 * {@code inspect PLAN_FILE [--format text|json]}: loads a plan (Markdown, YAML or JSON), prints it
 * normalised, and exits 0 when it is valid, 2 when it is not (errors on stderr, one per line,
 * {@code FILE:LINE:COL: message}).
 */
public final class InspectCommand implements Command {

  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "read a plan (.md, .yaml, .json), check it and print it normalised";
  }

  @Override
  public String usage() {
    return """
        Usage: sprintflow inspect PLAN_FILE [--format text|json] [--worker-keywords FILE] [--max-input-size SIZE]
          PLAN_FILE              a Markdown (.md), YAML (.yaml, .yml) or JSON (.json) plan
          --format text|json     text for people (default), json for the plan model (docs/plan.schema.json)
          --worker-keywords FILE a YAML keyword table that overrides and extends the default one
          --max-input-size SIZE  refuse larger plans, e.g. 10MB (the default), 512KB
        Exit: 0 valid, 2 invalid (errors on stderr as FILE:LINE:COL: message), 64 usage, 1 unexpected failure.""";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Options options = Options.parse(args);
    PlanLoader loader = new PlanLoader(keywords(options.keywordsFile()), options.maxInputBytes());
    PlanLoadResult result = loader.load(Path.of(options.planFile()));
    if (!result.valid()) {
      result.errors().forEach(e -> err.println(e));
      result.warnings().forEach(w -> err.println(w));
      return ExitCodes.INVALID;
    }
    out.print(options.json() ? PlanJson.write(result.plan()) : PlanTextRenderer.render(result.plan()));
    out.flush();
    return ExitCodes.OK;
  }

  private static WorkerKeywords keywords(String file) {
    if (file == null) {
      return WorkerKeywords.defaults();
    }
    try {
      WorkerKeywords table = WorkerKeywords.parseYaml(Files.readString(Path.of(file), StandardCharsets.UTF_8));
      return WorkerKeywords.defaults().overriddenBy(table.asMap(), table.defaultKind());
    } catch (IOException e) {
      throw new UsageException("cannot read the worker keyword table " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException("the worker keyword table " + file + " is not valid: " + e.getMessage());
    }
  }

  /** The parsed arguments. */
  record Options(String planFile, boolean json, String keywordsFile, long maxInputBytes) {
    static Options parse(List<String> args) {
      String plan = null;
      String format = "text";
      String keywords = null;
      long max = PlanLoader.DEFAULT_MAX_INPUT_BYTES;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
        String option = value == null ? arg : arg.substring(0, arg.indexOf('='));
        switch (option) {
          case "--format", "-f" -> format = value != null ? value : next(args, ++i, option);
          case "--worker-keywords" -> keywords = value != null ? value : next(args, ++i, option);
          case "--max-input-size" -> max = size(value != null ? value : next(args, ++i, option));
          default -> {
            if (arg.startsWith("-") && arg.length() > 1) {
              throw new UsageException("unknown option " + arg);
            }
            if (plan != null) {
              throw new UsageException("one plan file at a time (got " + plan + " and " + arg + ")");
            }
            plan = arg;
          }
        }
      }
      if (plan == null) {
        throw new UsageException("missing PLAN_FILE");
      }
      format = format.toLowerCase(Locale.ROOT);
      if (!format.equals("text") && !format.equals("json")) {
        throw new UsageException("--format must be text or json, not " + format);
      }
      return new Options(plan, format.equals("json"), keywords, max);
    }

    private static String next(List<String> args, int i, String option) {
      if (i >= args.size()) {
        throw new UsageException(option + " needs a value");
      }
      return args.get(i);
    }

    private static long size(String text) {
      try {
        long bytes = DataSize.parse(text.strip().toUpperCase(Locale.ROOT)).toBytes();
        if (bytes <= 0) {
          throw new UsageException("--max-input-size must be positive");
        }
        return bytes;
      } catch (IllegalArgumentException e) {
        throw new UsageException("--max-input-size must be a size such as 10MB or 512KB, not " + text);
      }
    }
  }
}
