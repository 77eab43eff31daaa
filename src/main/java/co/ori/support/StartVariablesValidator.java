package co.ori.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Process-level {@code start} execution listener ({@code camunda:delegateExpression="${startVariablesValidator}"})
 * that validates a new case's start variables with the {@link VariableRules} bean of its
 * process key. An {@link InvalidVariableException} aborts the start inside the engine's
 * transaction: no process instance, history or registry row is left behind, and REST answers
 * 400 naming the variable (contract, "Starting a case over REST").
 */
@Component("startVariablesValidator")
public class StartVariablesValidator implements ExecutionListener {

  private final Map<String, VariableRules> rulesByKey;

  public StartVariablesValidator(List<VariableRules> rules) {
    this.rulesByKey = rules.stream().collect(Collectors.toMap(VariableRules::processKey, Function.identity()));
  }

  /**
   * Validates and normalizes the start variables of the execution's process.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateExecution execution) {
    String key = processKey(execution);
    VariableRules rules = rulesByKey.get(key);
    if (rules == null) {
      return;
    }
    Map<String, Object> before = execution.getVariables();
    Map<String, Object> variables = new HashMap<>(before);
    rules.validate(variables);
    variables.forEach((name, value) -> {
      if (!before.containsKey(name) || !Objects.equals(before.get(name), value)) {
        execution.setVariable(name, value);
      }
    });
  }

  /**
   * The key of the execution's process definition. The definition id is {@code key:version:uuid}
   * only when that fits in 64 characters; for a longer key (e.g. {@code pasto-cooperation-strategy})
   * the engine uses a bare UUID, so the key is read from the definition itself.
   */
  static String processKey(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    return processKey(execution.getProcessDefinitionId());
  }

  /** The key of a process definition id ({@code key:version:uuid}). */
  static String processKey(String processDefinitionId) {
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
