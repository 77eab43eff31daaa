package co.ori.mobility.visiting;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.support.InvalidVariableException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Process-level {@code start} execution listener of {@code visiting-professor}
 * ({@code camunda:delegateExpression="${visitingStartChecks}"}, after the
 * {@code startVariablesValidator}): the start checks that need the case's tenant, which
 * {@link VisitingProfessorRules} does not know. Like those rules, a failure is an
 * {@link InvalidVariableException} naming the variable, so the start is rolled back and a REST
 * start answers 400 ({@code procedures.md} §2.g.1, contract "Starting a case over REST").
 *
 * <ul>
 *   <li>{@code hostCoordinatorId} is an engine user of the case's tenant (it receives the
 *       notifications and the task "Entregar a la ORI los documentos para SIRE", 002 art. 40 par.);</li>
 *   <li>{@code agreementId} (for {@code AGREEMENT}/{@code NETWORK}) exists in the tenant's
 *       agreement registry ({@code procedures.md} §2.a.4), and its kind matches
 *       {@code frameworkType}: a {@code NETWORK} must be a network row ({@code network = true}),
 *       an {@code AGREEMENT} must not. Whether it is in force for the visit is rule CES-VT-01,
 *       a business outcome of step V2 ({@link VisitingFrameworkCheck}), not a bad input.</li>
 * </ul>
 */
@Component("visitingStartChecks")
public class VisitingStartChecks implements ExecutionListener {

  private final IdentityService identityService;
  private final AgreementRegistry registry;

  public VisitingStartChecks(IdentityService identityService, AgreementRegistry registry) {
    this.identityService = identityService;
    this.registry = registry;
  }

  /**
   * Checks coordinator and agreement of a new case.
   *
   * @throws InvalidVariableException naming {@code hostCoordinatorId} or {@code agreementId}
   */
  @Override
  public void notify(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    String coordinator = (String) execution.getVariable("hostCoordinatorId");
    if (!userOfTenant(coordinator, tenant)) {
      throw new InvalidVariableException("hostCoordinatorId", "el usuario '" + coordinator
          + "' no existe en " + (tenant == null ? "la plataforma" : "la institución " + tenant)
          + "; indique el usuario del coordinador o encargado del evento");
    }
    String framework = (String) execution.getVariable("frameworkType");
    if ("INVITED_TEACHER".equals(framework)) {
      return;
    }
    String agreementId = (String) execution.getVariable("agreementId");
    Optional<Agreement> agreement = registry.findById(tenant, agreementId);
    if (agreement.isEmpty()) {
      throw new InvalidVariableException("agreementId", "'" + agreementId + "' no existe en la base"
          + " de convenios de la institución; regístrelo primero o corrija el id");
    }
    boolean network = agreement.get().network();
    if ("NETWORK".equals(framework) && !network) {
      throw new InvalidVariableException("agreementId", "'" + agreementId + "' es un convenio, no"
          + " una red de cooperación; elija frameworkType AGREEMENT o indique la red");
    }
    if ("AGREEMENT".equals(framework) && network) {
      throw new InvalidVariableException("agreementId", "'" + agreementId + "' es una red de"
          + " cooperación, no un convenio; elija frameworkType NETWORK o indique el convenio");
    }
  }

  /**
   * Whether the user exists and belongs to the tenant. Identity queries are subject to the
   * caller's authorizations (a REST start runs as the starting user, who may not read users),
   * so the query runs without authorization checks.
   */
  private boolean userOfTenant(String userId, String tenant) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return count(userId, tenant) > 0;
    }
    return context.runWithoutAuthorization(() -> count(userId, tenant)) > 0;
  }

  private long count(String userId, String tenant) {
    var query = identityService.createUserQuery().userId(userId);
    if (tenant != null) {
      query.memberOfTenant(tenant);
    }
    return query.count();
  }
}
