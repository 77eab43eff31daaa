package co.ori.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the integration tests do when something outside the JVM (PostgreSQL, Chromium) is
 * missing: on CI ({@code CI=true}, as {@code .ci/run} runs) the test FAILS, so a broken CI machine
 * never passes silently; on a developer's machine the test is skipped with a message telling how
 * to run it.
 */
final class TestPrerequisites {

  private TestPrerequisites() {}

  /** True when the environment variable {@code CI} is {@code true} (any case). */
  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Fails (CI) or skips (elsewhere) the current test unless {@code available}.
   *
   * @param available whether the prerequisite is present
   * @param missing what is missing, e.g. "ORI_TEST_PG_URL is not set"
   * @param howToRun how a developer runs the test, e.g. "bash .ci/run"
   */
  static void require(boolean available, String missing, String howToRun) {
    if (available) {
      return;
    }
    String message = missing + ". To run this test: " + howToRun + ".";
    if (onCi()) {
      Assertions.fail("CI=true but " + message);
    }
    System.err.println("SKIPPED (not on CI): " + message);
    Assumptions.abort("Skipped: " + message);
  }
}
