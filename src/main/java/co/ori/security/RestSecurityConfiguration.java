package co.ori.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication of {@code /engine-rest/*} (Camunda REST API) and {@code /api/*}
 * (the registries) through Camunda's own {@link ProcessEngineAuthenticationFilter}, so that engine
 * authorizations and tenant checks apply to every REST call. Without valid credentials every
 * endpoint answers 401. See Camunda 7.24 docs, "REST API › Authentication".
 */
@Configuration
public class RestSecurityConfiguration {

  /** The Basic-auth filter on the engine REST API and the application API. */
  @Bean
  public FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("ori-rest-authentication");
    registration.setFilter(new AuthenticateEveryRequest());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(1);
    return registration;
  }

  /**
   * Camunda's filter lets {@code GET /engine-rest/engine} (the list of engine names) and the
   * password-policy endpoint through without credentials; the contract wants 401 on every
   * endpoint without them.
   */
  static final class AuthenticateEveryRequest extends ProcessEngineAuthenticationFilter {
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
