package dev.sprintflow.cli;

import dev.sprintflow.compiler.CompiledSprint;
import dev.sprintflow.compiler.SprintCompileException;
import dev.sprintflow.compiler.SprintCompiler;
import dev.sprintflow.plan.PlanLoadResult;
import dev.sprintflow.plan.PlanLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code sprintflow compile PLAN_FILE -o OUT_DIR}: writes {@code <processId>.bpmn} (its forms are the shared ones in bpmn/). */
public final class CompileCommand implements Command {

  @Override
  public String name() {
    return "compile";
  }

  @Override
  public String summary() {
    return "compile a plan to an executable BPMN process";
  }

  @Override
  public String usage() {
    return "compile PLAN_FILE -o OUT_DIR";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    String planFile = null;
    Path outDir = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-o") || a.equals("--out")) {
        if (i + 1 >= args.size()) {
          throw new UsageException("-o needs a directory");
        }
        outDir = Path.of(args.get(++i));
      } else if (a.startsWith("-")) {
        throw new UsageException("unknown option " + a);
      } else if (planFile == null) {
        planFile = a;
      } else {
        throw new UsageException("only one PLAN_FILE, got also " + a);
      }
    }
    if (planFile == null || outDir == null) {
      throw new UsageException("usage: sprintflow " + usage());
    }
    PlanLoadResult result = PlanLoader.withDefaults().load(Path.of(planFile));
    if (!result.valid()) {
      result.errors().forEach(err::println);
      result.warnings().forEach(err::println);
      return ExitCodes.INVALID;
    }
    result.warnings().forEach(err::println);
    CompiledSprint compiled;
    try {
      compiled = new SprintCompiler().compile(result.plan());
    } catch (SprintCompileException e) {
      err.println(planFile + ":1:1: " + e.getMessage());
      return ExitCodes.INVALID;
    }
    try {
      Files.createDirectories(outDir);
      Path bpmn = outDir.resolve(compiled.bpmnResourceName());
      Files.writeString(bpmn, compiled.bpmnXml());
      out.println("wrote " + bpmn);
    } catch (IOException e) {
      err.println(outDir + ": cannot write: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
