package co.ori;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ORI workflow application: one Camunda 7 engine with its REST API and webapps
 * (Tasklist, Cockpit, Admin), the registries of agreements, calls and bans, and the
 * procedures of {@code processes/} deployed once per tenant.
 *
 * <p>Without a profile it runs on an H2 file database under {@code ./data} and seeds demo
 * users; the {@code postgres} profile runs on PostgreSQL (see {@code README.md}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OriWorkflowApplication {

  /** Starts the application; arguments are Spring Boot's. */
  public static void main(String[] args) {
    SpringApplication.run(OriWorkflowApplication.class, args);
  }
}
