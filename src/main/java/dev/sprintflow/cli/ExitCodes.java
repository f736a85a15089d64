package dev.sprintflow.cli;

/** Exit codes of the command-line tool. */
public final class ExitCodes {
  /** Done; the input is valid. */
  public static final int OK = 0;
  /** Something unexpected failed (a bug or the environment); one line on stderr says what. */
  public static final int FAILURE = 1;
  /** The input is invalid; the located errors are on stderr. */
  public static final int INVALID = 2;
  /** Wrong arguments (as sysexits.h EX_USAGE). */
  public static final int USAGE = 64;

  private ExitCodes() {}
}
