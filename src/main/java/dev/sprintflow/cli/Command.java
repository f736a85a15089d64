package dev.sprintflow.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of the command-line tool ("inspect", later "compile"). */
public interface Command {

  /** The word that selects the command, the first argument. */
  String name();

  /** One line for the command list. */
  String summary();

  /** Usage lines, shown with --help and after usage errors. */
  String usage();

  /**
   * Runs the command; bad input is reported on {@code err} and in the exit code, never thrown.
   *
   * @param args the arguments after the command word
   * @return the exit code
   * @throws UsageException when the arguments are wrong
   */
  int run(List<String> args, PrintStream out, PrintStream err);
}
