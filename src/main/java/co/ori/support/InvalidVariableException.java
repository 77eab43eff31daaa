package co.ori.support;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A start or task-completion variable that is missing, mistyped or inconsistent. Thrown inside
 * the engine's transaction, so the start or completion is rolled back and no half-made case is
 * left behind; the REST API answers it with HTTP 400 and a body naming the variable
 * ({@link InvalidVariableExceptionMapper}), Tasklist shows the message on the form.
 */
public class InvalidVariableException extends BadUserRequestException {

  private final String variable;

  /**
   * @param variable name of the offending process variable, e.g. {@code endDate}
   * @param message Spanish explanation for staff, e.g. "debe ser posterior a startDate"
   */
  public InvalidVariableException(String variable, String message) {
    super("Variable '" + variable + "': " + message);
    this.variable = variable;
  }

  /** Name of the offending variable. */
  public String getVariable() {
    return variable;
  }
}
