package dev.sprintflow;

import dev.sprintflow.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the Sprintflow service and of its command-line tool: when the first argument is a
 * command word ("inspect", ...), the command runs without Spring or an engine and its exit code ends
 * the JVM; otherwise the service starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SprintflowApplication {

  public static void main(String[] args) {
    CommandLine cli = CommandLine.standard();
    if (cli.handles(args)) {
      System.exit(cli.run(args, System.out, System.err));
    }
    SpringApplication.run(SprintflowApplication.class, args);
  }
}
