package co.ori.mobility.outgoing;

import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Evaluates a tenant's decision (same decision key in every tenant, {@code procedures.md} §0.3)
 * through the engine's {@link DecisionService}, latest version deployed with that tenant.
 *
 * <p>Inside a running case (a service task or listener of the engine) the evaluation runs without
 * authorization checks: the decision is part of the step, not an action of the user who
 * completed the previous task. Outside the engine (tests, reports) the caller's authorizations apply.
 */
@Component
public class TenantDecisions {

  private final DecisionService decisionService;

  /** @param decisionService the engine's decision service (lazy: the engine calls this bean) */
  public TenantDecisions(@Lazy DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /**
   * Evaluates {@code decisionKey} of {@code tenantId} with these variables.
   *
   * @throws org.camunda.bpm.engine.exception.NotFoundException (engine) when the tenant has no
   *     such decision, and the DMN engine's exception when an input cannot be evaluated: both are
   *     configuration errors (an incident in a running case)
   */
  public DmnDecisionResult evaluate(String decisionKey, String tenantId, Map<String, Object> variables) {
    Callable<DmnDecisionResult> call = () -> decisionService.evaluateDecisionByKey(decisionKey)
        .decisionDefinitionTenantId(tenantId).variables(variables).evaluate();
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? call.call() : context.runWithoutAuthorization(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("La decisión " + decisionKey + " de " + tenantId + " falló", e);
    }
  }
}
