package dev.sprintflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dispatch: command words run the tool, anything else starts the service; failures are one line. */
class CommandLineTest {

  @Test
  void commandWordsSelectTheToolAndEverythingElseTheService() {
    CommandLine cli = CommandLine.standard();
    assertThat(cli.handles(new String[] {"inspect", "plan.md"})).isTrue();
    assertThat(cli.handles(new String[] {"help"})).isTrue();
    assertThat(cli.handles(new String[] {})).isFalse();
    assertThat(cli.handles(new String[] {"--server.port=9090"})).isFalse();
    assertThat(cli.handles(new String[] {"compile", "plan.md", "-o", "out"})).isTrue();
    assertThat(cli.handles(new String[] {"deploy"})).isFalse();
  }

  @Test
  void newCommandsAreOneRegistration() {
    Command compile = new Command() {
      public String name() {
        return "compile";
      }

      public String summary() {
        return "compile a plan";
      }

      public String usage() {
        return "Usage: sprintflow compile PLAN";
      }

      public int run(List<String> args, PrintStream out, PrintStream err) {
        out.print("compiled " + args);
        return ExitCodes.OK;
      }
    };
    CommandLine cli = CommandLine.standard().register(compile);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(cli.handles(new String[] {"compile"})).isTrue();
    assertThat(cli.run(new String[] {"compile", "x.md"}, new PrintStream(out), System.err)).isZero();
    assertThat(out.toString()).isEqualTo("compiled [x.md]");
  }

  @Test
  void unexpectedFailuresAreOneLineAndExitOne() {
    Command broken = new Command() {
      public String name() {
        return "broken";
      }

      public String summary() {
        return "fails";
      }

      public String usage() {
        return "";
      }

      public int run(List<String> args, PrintStream out, PrintStream err) {
        throw new IllegalStateException("disk on fire");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new CommandLine().register(broken)
        .run(new String[] {"broken"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("sprintflow broken: unexpected error: java.lang.IllegalStateException: disk on fire" + System.lineSeparator());
  }

  @Test
  void helpListsTheCommands() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(CommandLine.standard().run(new String[] {"help"}, new PrintStream(out), System.err)).isZero();
    assertThat(out.toString()).contains("inspect", "read a plan");
    out.reset();
    CommandLine.standard().run(new String[] {"inspect", "--help"}, new PrintStream(out), System.err);
    assertThat(out.toString()).startsWith("Usage: sprintflow inspect PLAN_FILE");
  }
}
