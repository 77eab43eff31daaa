package co.ori.support;

import java.util.Map;

/**
 * Validation rules of a procedure's start variables ({@code procedures.md} §2.x.1). A Spring bean
 * implementing this is picked up by {@link StartVariablesValidator} for its process key.
 */
public interface VariableRules {

  /** The process key these rules validate, e.g. {@code agreement-formalization}. */
  String processKey();

  /**
   * Checks the start variables and may normalize them (e.g. ISO date strings to {@code Date}).
   *
   * @param variables the instance's variables at start; writable through {@code put}
   * @throws InvalidVariableException naming the first bad variable
   */
  void validate(Map<String, Object> variables);
}
