package co.ori.support;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The Camunda REST API ({@code /engine-rest}) with the application's additions: the 400 answer
 * for invalid start/completion variables and the 409/404 answers of a lost race for a task
 * ({@link InvalidVariableExceptionMapper}, {@link TaskGoneAuthorizationExceptionMapper},
 * {@link TaskGoneExceptionMapper}). Replaces the
 * starter's default {@link CamundaJerseyResourceConfig} (Camunda docs, "Spring Boot › REST API").
 */
@Component
@ApplicationPath("/engine-rest")
public class RestApiConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(InvalidVariableExceptionMapper.class);
    register(TaskGoneAuthorizationExceptionMapper.class); // issue 8: lost race for a task
    register(TaskGoneExceptionMapper.class);
  }
}
