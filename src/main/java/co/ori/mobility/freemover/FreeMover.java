package co.ori.mobility.freemover;

import co.ori.agreements.AgreementValues;
import co.ori.mobility.StayDuration;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Steps of {@code free-mover} (UNAL 003 Parte 3 and Anexo 1; {@code procedures.md} §2.e), as the
 * bean {@code freeMoverSteps} in expressions (not {@code freeMover}: that name is the case variable {@code freeMover = true}, which would hide the bean) of {@code processes/free-mover.bpmn}. Every method runs in
 * the engine's transaction; a technical failure becomes a retry and then an incident.
 *
 * <p>Eligibility (contract "Results every mobility process records"): the rules UN-FM-01…08 of
 * §3.2 are the rows of the tenant's DMN {@code free-mover-eligibility} (COLLECT of failed rule ids).
 * Each fact is a process variable that is {@code null} until the step that knows it (a gate);
 * a rule whose fact is {@code null} does not fail. The case records {@code eligible} and
 * {@code failedRules} at intake ({@link #recordEligibility}) and again at each gate
 * ({@link #checkRules}).
 */
@Component("freeMoverSteps")
public class FreeMover {

  /** Decision key of the UN-FM rules. */
  public static final String DECISION = "free-mover-eligibility";

  /** The facts the decision reads (process variables; null = not known yet). */
  public static final List<String> FACTS = List.of("direction", "studentStatusCertified",
      "outsideAgreementCertified", "agreementInForce", "extensionsRequested", "isForeign",
      "councilAval", "tuitionAndFigureOk", "hostChargesPaid", "individualAgreementSigned",
      "feesPaid", "insurancePresented", "migrationRequirementsMet");

  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final DecisionService decisions;
  private final IdentityService identity;
  private final BusinessCalendar calendar;
  private final FreeMoverSettings settings;
  private final FreeMoverFees fees;
  private final IndividualAgreements agreements;

  /**
   * @param decisions evaluates {@code free-mover-eligibility} of the case's tenant
   * @param identity resolves the student's user
   * @param calendar end-of-day and date arithmetic (America/Bogota)
   * @param settings UNAL calendar and terms
   * @param fees §7.4 liquidation
   * @param agreements the agreement registry side of the individual agreement
   */
  public FreeMover(DecisionService decisions, IdentityService identity, BusinessCalendar calendar,
      FreeMoverSettings settings, FreeMoverFees fees, IndividualAgreements agreements) {
    this.decisions = decisions;
    this.identity = identity;
    this.calendar = calendar;
    this.settings = settings;
    this.fees = fees;
    this.agreements = agreements;
  }

  /**
   * Process start listener, before the start rules: {@code freeMover = true}; {@code direction}
   * defaults to {@code OUTGOING} when another process (the outgoing procedure, §2.c.2 O4) starts
   * the case; {@code sourceCaseKey} = that process's business key.
   */
  public void start(DelegateExecution execution) {
    execution.setVariable("freeMover", true);
    DelegateExecution parent = execution.getSuperExecution();
    if (parent != null) {
      if (execution.getVariable("direction") == null) {
        execution.setVariable("direction", "OUTGOING");
      }
      if (parent.getProcessBusinessKey() != null) {
        execution.setVariable("sourceCaseKey", parent.getProcessBusinessKey());
      }
    }
  }

  /**
   * Derived facts (§2.c.1 "Derived", contract): {@code ageAtStart}, {@code isMinor} (with a
   * {@code birthDate}), {@code stayType} (002 art. 6 boundaries: ≤ 3 months CORTA, ≥ 6 months
   * LARGA, else MEDIA, end date inclusive), {@code isForeign}, {@code isUndergraduate}; the
   * period's end ({@code periodEnd}, T06), {@code stayEndTimer} (end of {@code endDate}),
   * labels for forms and mails, the student's user ({@code studentUser}), and every UN-FM fact
   * not known yet as {@code null}. Incoming: {@code agreementInForce} from the agreement registry.
   */
  public void deriveFacts(DelegateExecution execution) {
    boolean incoming = incoming(execution);
    LocalDate start = day(execution, "startDate");
    LocalDate end = day(execution, "endDate");
    Object birth = execution.getVariable("birthDate");
    if (birth instanceof Date b) {
      int age = Period.between(AgreementValues.toLocalDate(b), start).getYears();
      execution.setVariable("ageAtStart", age);
      execution.setVariable("isMinor", age < 18);
    }
    execution.setVariable("stayType", stayType(start, end));
    execution.setVariable("isForeign", !FreeMoverRules.isColombia(execution.getVariable("nationality")));
    execution.setVariable("isUndergraduate",
        !FreeMoverFees.POSTGRADUATE.contains(String.valueOf(execution.getVariable("programLevel"))));
    execution.setVariable("caseKey", execution.getProcessBusinessKey());
    execution.setVariable("partnerInstitution",
        text(execution, incoming ? "homeInstitution" : "hostInstitution"));
    execution.setVariable("documentTypeLabel", documentTypeLabel(text(execution, "documentType")));
    execution.setVariable("studentUser", studentUser(execution, incoming ? "incoming-student" : "student"));
    execution.setVariable("directionLabel", incoming ? "entrante" : "saliente");
    execution.setVariable("notifyTo", incoming
        ? text(execution, "email") + "," + text(execution, "homeContactEmail") : text(execution, "email"));
    execution.setVariable("sireSummary", "Movilidad libre entrante (free mover) de " + text(execution, "fullName")
        + ", " + text(execution, "programName") + " de " + text(execution, "homeInstitution") + ", en la Sede "
        + text(execution, "campus") + ".");
    setDates(execution);
    execution.setVariable("extensionCount", 0);
    execution.setVariable("extensionsRequested", 0);
    for (String fact : FACTS) {
      if (!execution.hasVariable(fact)) {
        execution.setVariable(fact, null);
      }
    }
    if (incoming) {
      String found = agreements.agreementInForce(execution.getTenantId(),
          text(execution, "homeInstitution"), start, end).orElse(null);
      execution.setVariable("agreementInForce", found != null);
      execution.setVariable("agreementInForceId", found == null ? "" : found);
    } else {
      Date followUp = calendar.daysBefore(AgreementValues.toDate(start), settings.hostDecisionFollowUpDays());
      Date tomorrow = calendar.daysAfter(ClockUtil.getCurrentTime(), 1);
      execution.setVariable("hostDecisionFollowUp", followUp.before(tomorrow) ? tomorrow : followUp);
    }
  }

  /**
   * FI2 / FO1: turns the rule ids collected by the business-rule task (variable
   * {@code failedRuleIds}, removed afterwards) into {@code failedRules} (Json array, no
   * duplicates, table order), {@code eligible} and {@code failedRulesText}.
   *
   * @throws IllegalStateException when the decision result is missing or holds an unknown rule id
   */
  public void recordEligibility(DelegateExecution execution) {
    Object collected = execution.getVariable("failedRuleIds");
    if (!(collected instanceof List<?> list)) {
      throw new IllegalStateException("La decisión " + DECISION + " no dejó la lista failedRuleIds");
    }
    execution.removeVariable("failedRuleIds");
    setFailedRules(execution, "failedRules", "eligible", list.stream().map(String::valueOf).toList());
  }

  /**
   * A gate (FO2, FO4, FI6/FI7, FI12, FI15): evaluates {@code free-mover-eligibility} of the case's
   * tenant on the current facts and records {@code failedRules}, {@code eligible} and
   * {@code failedRulesText}.
   */
  public void checkRules(DelegateExecution execution) {
    setFailedRules(execution, "failedRules", "eligible", evaluate(execution, Map.of()));
  }

  /**
   * The UN-FM rules that fail for the case's facts, some of them replaced.
   *
   * @param overrides facts to use instead of the case's variables
   * @return failed rule ids, in table order, without duplicates
   */
  public List<String> evaluate(DelegateExecution execution, Map<String, Object> overrides) {
    Map<String, Object> facts = new HashMap<>();
    for (String fact : FACTS) {
      facts.put(fact, execution.getVariable(fact));
    }
    facts.putAll(overrides);
    List<Object> ids = decisions.evaluateDecisionByKey(DECISION)
        .decisionDefinitionTenantId(execution.getTenantId())
        .variables(facts)
        .evaluate()
        .collectEntries("failedRule");
    return List.copyOf(new LinkedHashSet<>(ids.stream().map(String::valueOf).toList()));
  }

  /**
   * FI9 (§7.4, 003 Parte 3 §6.f): liquidates the period's fees from {@code programLevel} and the
   * council-set {@code academicFeeValue} (COP); sets {@code feeTotal} (Double, COP),
   * {@code feeBreakdown} (Spanish lines), {@code feeSummary} (one line, for the agreement) and
   * {@code feeFormula} ({@code PREGRADO}/{@code POSGRADO}).
   */
  public void computeFees(DelegateExecution execution) {
    Object value = execution.getVariable("academicFeeValue");
    Double academic = value instanceof Number n ? n.doubleValue() : null;
    FreeMoverFees.Liquidation liquidation = fees.liquidate(text(execution, "programLevel"), academic);
    execution.setVariable("feeTotal", liquidation.total());
    execution.setVariable("feeBreakdown", liquidation.text());
    execution.setVariable("feeSummary", liquidation.summary());
    execution.setVariable("feeTotalText", FreeMoverFees.pesos(liquidation.total()));
    execution.setVariable("feeFormula", liquidation.postgraduate() ? "POSGRADO" : "PREGRADO");
  }

  /**
   * FI5 → FI6: fills the Anexo 1 template with the case's data and stores it as the File variable
   * {@code individualAgreementDocument} (DOCX); sets {@code individualAgreementNumber} (the id the
   * agreement will have in the registry).
   */
  public void generateAgreement(DelegateExecution execution) {
    int count = ((Number) execution.getVariable("extensionCount")).intValue();
    String id = IndividualAgreements.agreementId(execution.getProcessBusinessKey(), count);
    execution.setVariable("individualAgreementNumber", id);
    Map<String, Object> data = IndividualAgreementDocument.data(execution, id);
    byte[] docx = agreements.document().render(data);
    execution.setVariable("individualAgreementDocument", Variables.fileValue("convenio-individual-" + id + ".docx")
        .file(docx).mimeType(IndividualAgreementDocument.MIME_TYPE).create());
  }

  /**
   * FI7 (T06, 003 Anexo 1 cl. 7): registers the signed agreement (gate UN-FM-05) in the agreement
   * registry as an individual {@code CONVENIO_ESPECIFICO} valid from the signature until the end of
   * the UNAL period; an extension's agreement renews the previous one. Sets
   * {@code individualAgreementId}, {@code agreementId} (the case's agreement, mobility case registry)
   * and {@code previousAgreementId}.
   */
  public void registerAgreement(DelegateExecution execution) {
    int count = ((Number) execution.getVariable("extensionCount")).intValue();
    String previous = count == 0 ? null : text(execution, "individualAgreementId");
    String id = agreements.register(execution, count, previous, day(execution, "agreementSignedDate"),
        day(execution, "periodEnd"));
    execution.setVariable("previousAgreementId", previous == null ? "" : previous);
    execution.setVariable("individualAgreementId", id);
    execution.setVariable("agreementId", id);
  }

  /**
   * FI15 (T36, UN-FM-07; 003 Parte 3 §7): the student asks for an extension (message
   * {@code ExtensionRequested} with {@code newEndDate}). Sets {@code extensionsRequested} =
   * extensions so far + 1, evaluates the rules with it and sets {@code extensionAllowed} and
   * {@code extensionFailedRules}/{@code extensionRefusalText}. The case's own {@code failedRules}
   * are not touched: a refused extension does not end the current period.
   *
   * @throws InvalidVariableException naming {@code newEndDate} when it is missing, not after the
   *     current {@code endDate} or after the end of the next academic period
   */
  public void evaluateExtension(DelegateExecution execution) {
    LocalDate end = day(execution, "endDate");
    LocalDate newEnd = AgreementValues.requiredDate("newEndDate", execution.getVariable("newEndDate"));
    if (!newEnd.isAfter(end)) {
      throw new InvalidVariableException("newEndDate", "debe ser posterior a la fecha de terminación actual ("
          + DAY.format(end) + ")");
    }
    String nextPeriod = FreeMoverSettings.next(text(execution, "targetPeriod"));
    LocalDate nextEnd = settings.period(nextPeriod).end();
    if (newEnd.isAfter(nextEnd)) {
      throw new InvalidVariableException("newEndDate", "la prórroga es de un periodo académico: "
          + DAY.format(newEnd) + " es posterior al fin del periodo " + nextPeriod + " (" + DAY.format(nextEnd) + ")");
    }
    execution.setVariable("newEndDate", AgreementValues.toDate(newEnd));
    ensureText(execution, "extensionReason");
    execution.setVariable("newEndDateText", DAY.format(newEnd));
    int requested = ((Number) execution.getVariable("extensionCount")).intValue() + 1;
    List<String> failed = evaluate(execution, Map.of("extensionsRequested", requested));
    boolean allowed = !failed.contains("UN-FM-07");
    if (allowed) {
      execution.setVariable("extensionsRequested", requested);
    }
    execution.setVariable("extensionAllowed", allowed);
    execution.setVariable("extensionFailedRules", Spin.JSON(failed.contains("UN-FM-07") ? List.of("UN-FM-07") : List.of()));
    execution.setVariable("extensionRefusalText", allowed ? ""
        : FreeMoverRuleCatalogue.describe(List.of("UN-FM-07")));
  }

  /**
   * FI15 → FI5 after the council endorsed the extension: the new period starts the day after the
   * current end; {@code endDate} = {@code newEndDate}, {@code targetPeriod} = the next period,
   * {@code extensionCount}++, the signature and legalization outputs are cleared for the new
   * agreement (each extension is a new agreement, 003 Parte 3 §7).
   */
  public void startExtension(DelegateExecution execution) {
    LocalDate end = day(execution, "endDate");
    execution.setVariable("startDate", AgreementValues.toDate(end.plusDays(1)));
    execution.setVariable("endDate", execution.getVariable("newEndDate"));
    execution.setVariable("targetPeriod", FreeMoverSettings.next(text(execution, "targetPeriod")));
    execution.setVariable("extensionCount", ((Number) execution.getVariable("extensionCount")).intValue() + 1);
    setDates(execution);
    clear(execution, "agreementSigned,agreementSignedDate,signedAgreementRef,individualAgreementSigned,"
        + "feesPaid,insurancePresented,migrationRequirementsMet,legalizationNotes,feeReceiptRef,insuranceRef");
    execution.setVariable("individualAgreementSigned", null);
    execution.setVariable("feesPaid", null);
    execution.setVariable("insurancePresented", null);
    execution.setVariable("migrationRequirementsMet", null);
  }

  /**
   * FO2-FO5 gate facts from task outputs: {@code tuitionAndFigureOk} = tuition verified and figure
   * "Movilidad Académica Nacional o Internacional" inscribed (UN-FM-03).
   */
  public void recordEnrolment(DelegateExecution execution) {
    execution.setVariable("tuitionAndFigureOk", Boolean.TRUE.equals(execution.getVariable("tuitionVerified"))
        && Boolean.TRUE.equals(execution.getVariable("figureInscribed")));
    execution.setVariable("hostChargesPaid", execution.getVariable("hostChargesVerified"));
    checkRules(execution);
  }

  /**
   * FI14 / N6 (003 Anexo 1 cl. 8): the message {@code TerminationCause} ends the individual
   * agreement; checks {@code terminationCause}, sets {@code terminationCauseLabel} and marks the
   * agreement {@code TERMINATED} in the registry.
   *
   * @throws InvalidVariableException naming {@code terminationCause} when it is not a cause of cl. 8
   */
  public void terminate(DelegateExecution execution) {
    String cause = AgreementValues.requiredEnum("terminationCause", execution.getVariable("terminationCause"),
        List.copyOf(FreeMoverRuleCatalogue.TERMINATION_CAUSES.keySet()));
    execution.setVariable("terminationCauseLabel", FreeMoverRuleCatalogue.TERMINATION_CAUSES.get(cause));
    execution.setVariable("terminationDate", calendar.endOfDay(ClockUtil.getCurrentTime()));
    if (execution.getVariable("terminationNotes") == null) {
      execution.setVariable("terminationNotes", "");
    }
    agreements.setStatus(execution, co.ori.agreements.AgreementStatus.TERMINATED);
  }

  /** FI17: the period ended; the individual agreement's registry status becomes {@code EXPIRED}. */
  public void closeAgreement(DelegateExecution execution) {
    agreements.setStatus(execution, co.ori.agreements.AgreementStatus.EXPIRED);
  }

  /** Outgoing follow-up (T51) answered "still pending": next follow-up in 15 days. */
  public void followUpAgain(DelegateExecution execution) {
    execution.setVariable("hostDecisionFollowUp", calendar.daysAfter(ClockUtil.getCurrentTime(), 15));
  }

  /** The FI6 signature reminder (ISO-8601 duration, {@code ori.free-mover.signature-reminder}). */
  public String signatureReminder() {
    return settings.signatureReminder();
  }

  /**
   * Sets each named variable to {@code ""} when absent or null (optional message payloads that a
   * mail template prints), e.g. {@code ${freeMover.ensureText(execution, 'hostRejectionNotes')}}.
   */
  public void ensureText(DelegateExecution execution, String names) {
    Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
        .filter(n -> execution.getVariable(n) == null)
        .forEach(n -> execution.setVariable(n, ""));
  }

  /** Removes variables before a task of a loop is entered again, so its form starts empty. */
  public void clear(DelegateExecution execution, String names) {
    Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
        .forEach(execution::removeVariable);
  }

  /** The stay type of 002 art. 6 (§1.2 "Stay computation"). */
  static String stayType(LocalDate start, LocalDate end) {
    StayDuration d = StayDuration.of(start, end);
    if (d.wholeMonths() < 3 || (d.wholeMonths() == 3 && d.extraDays() == 0)) {
      return "CORTA";
    }
    return d.wholeMonths() >= 6 ? "LARGA" : "MEDIA";
  }

  // ------------------------------------------------------------------------------------------

  private void setDates(DelegateExecution execution) {
    LocalDate start = day(execution, "startDate");
    LocalDate end = day(execution, "endDate");
    FreeMoverSettings.Period period = settings.period(text(execution, "targetPeriod"));
    execution.setVariable("periodEnd", AgreementValues.toDate(period.end()));
    execution.setVariable("periodEndText", DAY.format(period.end()));
    execution.setVariable("startDateText", DAY.format(start));
    execution.setVariable("endDateText", DAY.format(end));
    execution.setVariable("datesText", DAY.format(start) + " a " + DAY.format(end));
    Date endOfStay = calendar.endOfDay(AgreementValues.toDate(end));
    execution.setVariable("stayEndTimer", endOfStay);
    execution.setVariable("transcriptDue", calendar.daysAfter(endOfStay, settings.transcriptWaitDays()));
  }

  private void setFailedRules(DelegateExecution execution, String listName, String flagName, List<String> ids) {
    List<String> failed = new ArrayList<>(new LinkedHashSet<>(ids));
    for (String id : failed) {
      if (!FreeMoverRuleCatalogue.RULES.containsKey(id)) {
        throw new IllegalStateException("La decisión " + DECISION + " devolvió una regla desconocida: " + id);
      }
    }
    execution.setVariable(listName, Spin.JSON(failed));
    execution.setVariable(flagName, failed.isEmpty());
    execution.setVariable("failedRulesText", FreeMoverRuleCatalogue.describe(failed));
  }

  private String studentUser(DelegateExecution execution, String group) {
    for (String candidate : new String[] {text(execution, "studentUserId"), text(execution, "initiator")}) {
      if (candidate != null && identity.createUserQuery().userId(candidate).memberOfGroup(group)
          .memberOfTenant(execution.getTenantId()).count() > 0) {
        return candidate;
      }
    }
    return null;
  }

  static boolean incoming(DelegateExecution execution) {
    return "INCOMING".equals(execution.getVariable("direction"));
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  static LocalDate day(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(BOGOTA).toLocalDate();
    }
    return value == null ? null : AgreementValues.requiredDate(name, value);
  }

  static String documentTypeLabel(String code) {
    if (code == null) {
      return "el documento de identidad";
    }
    return switch (code) {
      case "CEDULA_CIUDADANIA" -> "la cédula de ciudadanía";
      case "TARJETA_IDENTIDAD" -> "la tarjeta de identidad";
      case "CEDULA_EXTRANJERIA" -> "la cédula de extranjería";
      case "PASAPORTE" -> "el pasaporte";
      default -> "el documento de identidad extranjero";
    };
  }
}
