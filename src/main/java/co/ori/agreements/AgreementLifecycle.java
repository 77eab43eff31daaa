package co.ori.agreements;

import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The registry side of {@code agreement-formalization}, as the bean {@code agreementLifecycle}
 * used from {@code processes/agreement-formalization.bpmn} (service tasks and execution
 * listeners, e.g. {@code ${agreementLifecycle.setStatus(execution, 'INTENT_SENT')}}). It keeps
 * the agreement registry ({@code procedures.md} §2.a.4, 000 §5.1 "base de datos de convenios y
 * alianzas") in step with the case, and computes the validity dates the timers use
 * ({@code procedures.md} §5 T01–T02).
 *
 * <p>The registry row's id is the case's business key and is kept in the variable
 * {@code agreementId}. Every method runs in the engine's transaction: a failure rolls back the
 * step (and, for asynchronous steps, leaves a retried job and then an incident).
 */
@Component("agreementLifecycle")
public class AgreementLifecycle {

  /** Value of {@code renewalDecision} until the CINI decides (L6). */
  public static final String DECISION_PENDING = "PENDING";

  /** Statuses of a convenio marco under which no new específico may be formalized. */
  private static final Set<AgreementStatus> CLOSED = Set.of(AgreementStatus.REJECTED,
      AgreementStatus.NO_RESPONSE, AgreementStatus.DECLINED, AgreementStatus.EXPIRED,
      AgreementStatus.TERMINATED, AgreementStatus.RENEWED);

  /** Start variables copied into a renewal request (procedures.md §2.a.1). */
  private static final List<String> RENEWAL_COPY = List.of("requestingUnitId", "requestingUnitType",
      "instrumentType", "specificPurpose", "specificPurposeText", "parentAgreementId", "scope",
      "partnerName", "partnerCountry", "partnerCity", "partnerType", "partnerContactName",
      "partnerContactEmail", "proposedContent", "proposedValidityMonths", "supportingDocsRef",
      "initiator");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AgreementRegistry registry;
  private final AgreementTimers timers;
  private final RuntimeService runtimeService;

  /**
   * @param registry the agreement registry
   * @param timers the configurable terms (alert days)
   * @param runtimeService used to start renewal requests (lazy: the engine calls this bean)
   */
  public AgreementLifecycle(AgreementRegistry registry, AgreementTimers timers,
      @Lazy RuntimeService runtimeService) {
    this.registry = registry;
    this.timers = timers;
    this.runtimeService = runtimeService;
  }

  /**
   * Step A2 "Registrar solicitud en la base de convenios" (000 §5.1; procedures.md §2.a.2 A2):
   * creates the registry row with status {@code REQUESTED} and id = business key, and sets
   * {@code agreementId}, {@code reminderCount} = 0 and {@code draftVersion} = 0.
   *
   * <p>Checks what needs the tenant: {@code parentAgreementId} must be a
   * {@code CONVENIO_MARCO} of the tenant that is in force or in formalization (000 §4);
   * {@code renewalOf} must exist.
   *
   * @return the agreement id
   * @throws InvalidVariableException naming the variable when the registry refuses the row
   *     (the start is rolled back, nothing is left behind)
   */
  public String createRequest(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    String id = execution.getProcessBusinessKey();
    String parent = text(execution, "parentAgreementId");
    if (parent != null) {
      Agreement marco = registry.findById(tenant, parent).orElseThrow(() -> new InvalidVariableException(
          "parentAgreementId", "no existe un convenio con id " + parent + " en la base de convenios"));
      if (marco.instrumentType() != InstrumentType.CONVENIO_MARCO) {
        throw new InvalidVariableException("parentAgreementId", "el convenio " + parent + " es "
            + marco.instrumentType() + "; un convenio específico ejecuta un CONVENIO_MARCO (000 §4)");
      }
      if (CLOSED.contains(marco.status())) {
        throw new InvalidVariableException("parentAgreementId", "el convenio marco " + parent
            + " no está vigente ni en trámite (estado " + marco.status() + ")");
      }
    }
    Agreement request = new Agreement(id, tenant,
        InstrumentType.valueOf(text(execution, "instrumentType")),
        text(execution, "specificPurpose"), parent, text(execution, "renewalOf"),
        text(execution, "partnerName"), text(execution, "partnerCountry"),
        text(execution, "partnerCity"), AgreementScope.valueOf(text(execution, "scope")),
        text(execution, "requestingUnitId"), null, null, null, false, false,
        AgreementStatus.REQUESTED, null, "RED".equals(text(execution, "partnerType")),
        execution.getProcessInstanceId());
    try {
      registry.createRequest(tenant, request);
    } catch (RegistryValidationException e) {
      throw asInvalidVariable(e);
    }
    execution.setVariable("agreementId", id);
    execution.setVariable("reminderCount", 0);
    execution.setVariable("draftVersion", 0);
    return id;
  }

  /**
   * Moves the case's agreement to a registry status (procedures.md §2.a.4).
   *
   * @param status an {@link AgreementStatus} name, e.g. {@code INTENT_SENT}
   * @throws IllegalArgumentException when the status is unknown (a modelling error)
   * @throws RegistryValidationException when the agreement is not in the registry
   */
  public void setStatus(DelegateExecution execution, String status) {
    registry.updateStatus(execution.getTenantId(), agreementId(execution), AgreementStatus.valueOf(status));
  }

  /**
   * Empties the outputs of a task before it starts again (adjustment loop, follow-ups), so
   * Tasklist does not offer the previous round's answer as this round's: sets each variable
   * to null where it lives (history keeps the earlier values).
   *
   * @param names comma-separated variable names, e.g. {@code 'legalDecision'}
   */
  public void clear(DelegateExecution execution, String names) {
    for (String name : names.split(",")) {
      if (execution.hasVariable(name.strip())) {
        execution.setVariable(name.strip(), null);
      }
    }
  }

  /**
   * L2 "Seguimiento periódico" round start (T03): the outputs of the round
   * ({@code evidenceRefs}, {@code activitiesDone}, {@code progressStatus},
   * {@code progressNotes}) become local variables of the event-subprocess instance, so every
   * round keeps its own answers and two rounds never overwrite each other.
   */
  public void openFollowUpRound(DelegateExecution execution) {
    for (String name : List.of("evidenceRefs", "activitiesDone", "progressStatus", "progressNotes")) {
      execution.setVariableLocal(name, null);
    }
  }

  /** T04: one more follow-up of the partner done ({@code reminderCount}++; 000 §5.2 act. 3). */
  public void countPartnerFollowUp(DelegateExecution execution) {
    execution.setVariable("reminderCount", intVariable(execution, "reminderCount") + 1);
  }

  /** A10: one more version of the draft agreement ({@code draftVersion}++; 000 §5.2 act. 4). */
  public void countDraftVersion(DelegateExecution execution) {
    execution.setVariable("draftVersion", intVariable(execution, "draftVersion") + 1);
  }

  /**
   * A8/A9: the partner's answer, from the task form or the {@code PartnerIntentionResponse}
   * message payload, must be a Boolean {@code partnerInterested} (normalized from
   * {@code "true"}/{@code "false"}).
   *
   * @throws InvalidVariableException when {@code partnerInterested} is missing or not Boolean
   *     (a message correlation without it is refused and rolled back)
   */
  public void requirePartnerAnswer(DelegateExecution execution) {
    boolean interested = AgreementValues.requiredBoolean("partnerInterested",
        execution.getVariable("partnerInterested"));
    execution.setVariable("partnerInterested", interested);
  }

  /**
   * A13 "Firmar y legalizar el convenio" (000 §5.2 act. 5): records signature and validity in
   * the registry and sets status {@code SIGNED}. The variables were checked and converted to
   * {@code Date} by {@link AgreementTaskCompletion}.
   */
  public void recordSignature(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    String id = agreementId(execution);
    boolean indefinite = bool(execution, "indefinite");
    try {
      registry.recordValidity(tenant, id, day(execution, "signedDate"), day(execution, "validFrom"),
          indefinite ? null : day(execution, "validUntil"), indefinite, bool(execution, "autoRenewal"));
    } catch (RegistryValidationException e) {
      throw asInvalidVariable(e);
    }
    registry.updateStatus(tenant, id, AgreementStatus.SIGNED);
  }

  /**
   * A15 "Activar convenio en la base de datos" (000 §5.1; procedures.md §2.a.2 A15): status
   * {@code ACTIVE}; {@code renewalDecision} = {@code PENDING}; for a fixed term also
   * {@code termPeriod} (ISO period of the original term, for automatic renewal) and the dates
   * of {@link #scheduleTerm}.
   */
  public void activate(DelegateExecution execution) {
    if (!bool(execution, "indefinite")) {
      LocalDate from = day(execution, "validFrom");
      LocalDate until = day(execution, "validUntil");
      execution.setVariable("termPeriod", Period.between(from, until.plusDays(1)).toString());
      scheduleTerm(execution, until);
    }
    execution.setVariable("renewalDecision", DECISION_PENDING);
    execution.setVariable("extensionCount", 0);
    registry.updateStatus(execution.getTenantId(), agreementId(execution), AgreementStatus.ACTIVE);
  }

  /**
   * L6/PROPOSED "Prorrogar la vigencia" (automatic renewal): {@code validUntil} moves on by
   * the original term ({@code termPeriod}, e.g. 2025-01-01..2026-12-31 → ..2028-12-31), the
   * alert dates are recomputed, {@code renewalDecision} is reset to {@code PENDING},
   * {@code extensionCount}++, and the registry row gets the new {@code validUntil} and status
   * {@code ACTIVE}.
   */
  public void extendValidity(DelegateExecution execution) {
    LocalDate until = day(execution, "validUntil");
    Period term = Period.parse((String) execution.getVariable("termPeriod"));
    LocalDate newUntil = until.plusDays(1).plus(term).minusDays(1);
    execution.setVariable("validUntil", AgreementValues.toDate(newUntil));
    scheduleTerm(execution, newUntil);
    execution.setVariable("renewalDecision", DECISION_PENDING);
    execution.setVariable("extensionCount", intVariable(execution, "extensionCount") + 1);
    String tenant = execution.getTenantId();
    String id = agreementId(execution);
    registry.recordValidity(tenant, id, day(execution, "signedDate"), day(execution, "validFrom"),
        newUntil, false, true);
    registry.updateStatus(tenant, id, AgreementStatus.ACTIVE);
  }

  /**
   * L6 "Iniciar solicitud de renovación": starts a NEW {@code agreement-formalization} case in
   * the same tenant with the same requester and partner data and {@code renewalOf} =
   * {@code agreementId}; stores its business key in {@code renewalRequestKey}.
   *
   * @return the new case's business key
   * @throws InvalidVariableException when the copied data no longer passes the start rules
   *     (e.g. the convenio marco has expired): the job fails and becomes an incident
   */
  public String startRenewal(DelegateExecution execution) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : RENEWAL_COPY) {
      Object value = execution.getVariable(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    String id = agreementId(execution);
    LocalDate until = day(execution, "validUntil");
    String need = "Renovación del convenio " + id + " con " + execution.getVariable("partnerName")
        + (until == null ? "" : ", vigente hasta el " + DAY.format(until)) + ". "
        + execution.getVariable("needDescription");
    variables.put("needDescription", need.length() > 4000 ? need.substring(0, 4000) : need);
    variables.put("renewalOf", id);
    if (!variables.containsKey("proposedValidityMonths") && execution.getVariable("termPeriod") != null) {
      long months = Period.parse((String) execution.getVariable("termPeriod")).toTotalMonths();
      if (months >= 1 && months <= 120) {
        variables.put("proposedValidityMonths", (int) months);
      }
    }
    ProcessInstance renewal = runtimeService
        .createProcessInstanceByKey(AgreementRequestRules.PROCESS_KEY)
        .processDefinitionTenantId(execution.getTenantId())
        .setVariables(variables)
        .execute();
    execution.setVariable("renewalRequestKey", renewal.getBusinessKey());
    return renewal.getBusinessKey();
  }

  /**
   * Sets the dates of a fixed term ending on {@code until} (inclusive), America/Bogota:
   * {@code expiryAlertDate} = until − {@code expiryAlertDays} (T01, default 90),
   * {@code secondExpiryAlertDate} = until − {@code secondExpiryAlertDays} (default 30; also the
   * due date of "Decidir renovación del convenio"), {@code validUntilTimer} = the end of
   * {@code until} (start of the next day; T02).
   */
  void scheduleTerm(DelegateExecution execution, LocalDate until) {
    execution.setVariable("expiryAlertDate",
        AgreementValues.toDate(until.minusDays(timers.expiryAlertDays(execution))));
    execution.setVariable("secondExpiryAlertDate",
        AgreementValues.toDate(until.minusDays(timers.secondExpiryAlertDays(execution))));
    execution.setVariable("validUntilTimer", AgreementValues.toDate(until.plusDays(1)));
  }

  private static String agreementId(DelegateExecution execution) {
    Object id = execution.getVariable("agreementId");
    return id != null ? id.toString() : execution.getProcessBusinessKey();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static boolean bool(DelegateExecution execution, String name) {
    return Boolean.TRUE.equals(execution.getVariable(name));
  }

  private static int intVariable(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static LocalDate day(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Date date ? AgreementValues.toLocalDate(date)
        : AgreementValues.optionalDate(name, value);
  }

  /**
   * The registry's first error ({@code "field: reason"}) as an {@link InvalidVariableException}
   * naming the process variable.
   */
  private static InvalidVariableException asInvalidVariable(RegistryValidationException e) {
    String first = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0);
    int colon = first.indexOf(':');
    String field = colon > 0 ? first.substring(0, colon).strip() : "agreementId";
    String message = colon > 0 ? first.substring(colon + 1).strip() : first;
    String variable = switch (field) {
      case "id" -> "businessKey";
      case "responsibleUnit" -> "requestingUnitId";
      default -> field;
    };
    InvalidVariableException invalid = new InvalidVariableException(variable, message);
    invalid.initCause(e);
    return invalid;
  }
}
