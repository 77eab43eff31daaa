package co.ori.it;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the engine of the test's own Spring context the JVM's {@code default} process engine
 * before each test method.
 *
 * <p>Why: Camunda's REST API and webapps (Tasklist) look their engine up by name in the JVM-wide
 * {@link ProcessEngines} registry, not in the Spring context that serves the request. When a test
 * class with different properties (a {@code @DynamicPropertySource}, another profile) makes
 * Spring start a second context, its engine replaces the first one under the name
 * {@code default}; a later test class on the first (cached) context would then talk over HTTP to
 * the other context's engine and database, and once that context is closed, to no engine at all.
 * Registered for every test class in {@code src/test/resources/META-INF/spring.factories}.
 */
public class DefaultEngineOfContextListener extends AbstractTestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    registerEngineOf(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    registerEngineOf(testContext);
  }

  private static void registerEngineOf(TestContext testContext) {
    ProcessEngine engine =
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
    if (engine != null && ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
