package co.ori.support;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The Camunda REST API ({@code /engine-rest}) with the application's additions: the 400 answer
 * for invalid start/completion variables ({@link InvalidVariableExceptionMapper}). Replaces the
 * starter's default {@link CamundaJerseyResourceConfig} (Camunda docs, "Spring Boot › REST API").
 */
@Component
@ApplicationPath("/engine-rest")
public class RestApiConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(InvalidVariableExceptionMapper.class);
  }
}
