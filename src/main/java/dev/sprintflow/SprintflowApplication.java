package dev.sprintflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Sprintflow service (and, later, of its command-line tools). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SprintflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(SprintflowApplication.class, args);
  }
}
