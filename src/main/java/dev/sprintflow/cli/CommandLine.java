package dev.sprintflow.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command-line tool inside the service jar: {@code java -jar sprintflow.jar COMMAND ...}.
 * Commands are registered by name; adding one (e.g. "compile") is one {@link #register} call in
 * {@link #standard()}. Runs without Spring and without an engine.
 */
public final class CommandLine {
  private static final Set<String> HELP = Set.of("help", "--help", "-h");

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public static CommandLine standard() {
    return new CommandLine().register(new InspectCommand()).register(new CompileCommand());
  }

  public CommandLine register(Command command) {
    commands.put(command.name(), command);
    return this;
  }

  /** Whether the arguments ask for a command rather than the service (the first argument is a command word). */
  public boolean handles(String[] args) {
    return args.length > 0 && (commands.containsKey(args[0]) || args[0].equals("help"));
  }

  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || HELP.contains(args[0])) {
      if (args.length > 1 && commands.containsKey(args[1])) {
        out.println(commands.get(args[1]).usage());
      } else {
        out.print(overview());
      }
      return ExitCodes.OK;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("sprintflow: unknown command '" + args[0] + "'");
      err.print(overview());
      return ExitCodes.USAGE;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (rest.stream().anyMatch(HELP::contains)) {
      out.println(command.usage());
      return ExitCodes.OK;
    }
    try {
      return command.run(rest, out, err);
    } catch (UsageException e) {
      err.println("sprintflow " + command.name() + ": " + e.getMessage());
      err.println(command.usage());
      return ExitCodes.USAGE;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // Bad input never gets here (commands report it); this is a bug or the environment. One line, no trace.
      err.println("sprintflow " + command.name() + ": unexpected error: " + e);
      return ExitCodes.FAILURE;
    }
  }

  private String overview() {
    StringBuilder s = new StringBuilder("Usage: sprintflow COMMAND [ARGS]   (without a command: run the service)\n\nCommands:\n");
    commands.values().forEach(c -> s.append("  %-10s %s%n".formatted(c.name(), c.summary())));
    s.append("  %-10s %s%n".formatted("help", "show this list, or 'help COMMAND' for a command's usage"));
    return s.toString();
  }
}
