package co.ori.mobility.outgoing;

import co.ori.agreements.AgreementValues;
import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.mobility.MobilityCaseLifecycle;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Java steps of {@code processes/student-outgoing-mobility.bpmn} ({@code procedures.md} §2.c;
 * 002 Acuerdo 106 de 2023 CESMAG; 003 Instructivo UNAL; 004 Resolución 206 de 2020 UFPS), as the
 * bean {@code studentOutgoing} used in service tasks and listeners, e.g.
 * {@code ${studentOutgoing.deriveFacts(execution)}}. Every method runs in the engine's transaction;
 * bad task input throws {@link InvalidVariableException} (the task is not completed), broken
 * configuration (a missing decision, a rule id without catalogue entry) throws
 * {@link IllegalStateException} (an incident).
 *
 * <p>Per-institution behaviour comes from the tenant's decision tables (same keys in every tenant):
 * {@code institution-profile}, {@code stay-type}, {@code student-outgoing-eligibility},
 * {@code required-documents}, {@code withdrawal-consequences}, {@code grade-conversion},
 * {@code post-mobility-sanctions}. Rule reasons: {@link StudentOutgoingRuleCatalogue}.
 */
@Component("studentOutgoing")
public class StudentOutgoingMobility {

  /** Group of the students (procedures.md §1.1 R1). */
  public static final String STUDENT_GROUP = "student";

  private final StudentOutgoingEligibility eligibility;
  private final StudentOutgoingConsequences consequences;
  private final TenantDecisions decisions;
  private final MobilityCaseLifecycle mobilityCases;
  private final IdentityService identityService;

  /**
   * @param eligibility facts and eligibility evaluation
   * @param consequences withdrawal, grade conversion and post-mobility sanctions
   * @param decisions tenant decision evaluation
   * @param mobilityCases the mobility case registry lifecycle
   * @param identityService engine users and groups (lazy: the engine calls this bean)
   */
  public StudentOutgoingMobility(StudentOutgoingEligibility eligibility, StudentOutgoingConsequences consequences,
      TenantDecisions decisions, MobilityCaseLifecycle mobilityCases, @Lazy IdentityService identityService) {
    this.eligibility = eligibility;
    this.consequences = consequences;
    this.decisions = decisions;
    this.mobilityCases = mobilityCases;
    this.identityService = identityService;
  }

  /**
   * Process start listener (after {@code startVariablesValidator} and {@code businessKeys}): checks
   * that {@code institution} is the tenant's, then sets {@code studentUser} — {@code studentUserId}
   * when given (ORI staff registering for the student; must be a user of group {@code student} of
   * the tenant), else the initiator when a student, else null (tasks stay with the group) — and
   * {@code studentMailTo}: {@code email}, else {@code user:<studentUser>}, else {@code group:ori-staff}.
   *
   * @throws InvalidVariableException naming {@code institution} (another tenant's) or
   *     {@code studentUserId} (not a student of the tenant)
   */
  public void resolveStudent(DelegateExecution execution) {
    String tenantId = execution.getTenantId();
    Object institution = execution.getVariable("institution");
    if (tenantId != null && (institution == null || !tenantId.equalsIgnoreCase(institution.toString()))) {
      throw new InvalidVariableException("institution", "debe ser " + tenantId.toUpperCase(Locale.ROOT)
          + ", la institución de este procedimiento (es " + institution + ")");
    }
    String given = AgreementValues.optionalText("studentUserId", execution.getVariable("studentUserId"), 64);
    String initiator = execution.getVariable("initiator") instanceof String s && !s.isBlank() ? s : null;
    String studentUser = null;
    if (given != null) {
      if (!isStudent(given, tenantId)) {
        throw new InvalidVariableException("studentUserId", "'" + given + "' no es un usuario estudiante"
            + " (grupo student) de la institución " + tenantId);
      }
      studentUser = given;
    } else if (initiator != null && isStudent(initiator, tenantId)) {
      studentUser = initiator;
    }
    execution.setVariable("studentUser", studentUser);
    Object email = execution.getVariable("email");
    execution.setVariable("studentMailTo", email instanceof String address && !address.isBlank() ? address.strip()
        : studentUser != null ? "user:" + studentUser : "group:ori-staff");
  }

  /**
   * Evaluates the tenant's {@code institution-profile} (§2.c.4) and sets its flags as flat
   * variables: {@code profileFreeMoverRouting}, {@code profileTutorAuthorization},
   * {@code profileAcademicAct}, {@code profileShortMobilityReport}, {@code profileDreNomination},
   * {@code profileSkipPresentationWithAcceptance}, {@code profileMaxCorrections} (Integer),
   * {@code profileRegisterFigure}, {@code profileDefinitiveLaBusinessDays} (Integer),
   * {@code profileDefinitiveLaSecondWeek}, {@code profileEnrolmentCheck},
   * {@code profilePeriodicReports}, {@code profileReturnReportGate}, {@code profileSupportRoute}.
   *
   * @throws IllegalStateException when the table gives no single row for the institution
   */
  public void applyProfile(DelegateExecution execution) {
    String institution = execution.getTenantId().toUpperCase(Locale.ROOT);
    DmnDecisionResult result = decisions.evaluate("institution-profile", execution.getTenantId(),
        Map.of("institution", institution));
    if (result.size() != 1) {
      throw new IllegalStateException("La decisión institution-profile no tiene una fila para " + institution);
    }
    result.getSingleResult().getEntryMap().forEach(execution::setVariable);
  }

  /**
   * O2 (§2.c.1 "Derived"; 002 art. 6; 004 art. 5–8, 44; §5 T16, T49–T51): sets
   * {@code processStartDate}, {@code applicationDate}, {@code ageAtStart}, {@code isMinor},
   * {@code ageAtApplication}, {@code isMinorAtApplication}, {@code stayWholeMonths},
   * {@code stayExtraDays} (inputs of BRT {@code stay-type}), {@code durationDays} (end inclusive),
   * {@code leadTimeDays}, {@code leadTimeMonths}, {@code academicPeriods}, {@code isUndergrad},
   * {@code isPostgrad}, {@code ufpsFamily}, {@code mobilityType}, {@code homologationApplies},
   * {@code hostAdmissionApplies}, {@code returnReportRequired},
   * {@code participationCertificateRequired}, {@code withdrawalEvaluator}
   * (PROGRAM_DIRECTOR|SPORTS_CULTURE|ORI_STAFF), the deadlines {@code hostDecisionDeadline},
   * {@code departureDeadline}, {@code mobilityEndTimer}, {@code returnReportDueDate},
   * {@code transcriptChaseDate}, {@code docsDeadline} (Dates), document-presence facts, and the
   * Spanish labels {@code institutionName}, {@code mobilityTypeLabel}, {@code scopeLabel},
   * {@code modalityLabel}, {@code programLevelLabel}, {@code routeLabel}, {@code datesLabel},
   * {@code docsDeadlineLabel}. Runs again after a change of dates.
   */
  public void deriveFacts(DelegateExecution execution) {
    eligibility.deriveFacts(execution.getTenantId(), execution.getVariables()).forEach(execution::setVariable);
  }

  /**
   * O3 (§2.c.2; §2.a.4; §6.4): sets {@code agreementActive}, {@code agreementId},
   * {@code placesLeft}, {@code creditLimitExempt}, {@code progressRuleOverride}, {@code callFound},
   * {@code callOpen}, {@code callClosingDate}, {@code applicationsInPeriod} (this one included),
   * {@code acceptedMobilityInPeriod}, the ban facts {@code banAcademicMobility},
   * {@code banExchangePermanent}, {@code banSports}, {@code banArtCulture},
   * {@code banUnalNewMobility}, {@code banUfpsSemester}, {@code banUfpsSupport} and the sanction
   * facts {@code disciplinarySanctionPrevYear}, {@code anySanction}, {@code activeAcademicSanction},
   * {@code anyDisciplinarySanction}; then registers the case ({@code mobilityCases.open}, OUTGOING).
   */
  public void lookupRegistries(DelegateExecution execution) {
    eligibility.registryFacts(execution.getTenantId(), execution.getVariables(), execution.getProcessBusinessKey())
        .forEach(execution::setVariable);
    mobilityCases.open(execution, "OUTGOING");
  }

  /**
   * O5 → O6: turns {@code failedRuleIds} (the COLLECT result of BRT
   * {@code student-outgoing-eligibility}, removed afterwards) into {@code failedRules} (Json
   * array, table order, no duplicates; {@code []} when eligible), {@code eligible} and
   * {@code failedRulesText} (one Spanish line per rule with reason and article); also
   * {@code stayTypeLabel}. Contract "Results every mobility process records".
   *
   * @throws IllegalStateException when the decision result is missing or a rule id is unknown
   */
  public void recordEligibility(DelegateExecution execution) {
    Object collected = execution.getVariable("failedRuleIds");
    if (!(collected instanceof List<?> list)) {
      throw new IllegalStateException("La decisión student-outgoing-eligibility no dejó la lista failedRuleIds");
    }
    List<String> failed = new ArrayList<>(new LinkedHashSet<>(list.stream().map(String::valueOf).toList()));
    for (String id : failed) {
      if (!StudentOutgoingRuleCatalogue.RULES.containsKey(id)) {
        throw new IllegalStateException("La decisión student-outgoing-eligibility devolvió una regla desconocida: " + id);
      }
    }
    execution.removeVariable("failedRuleIds");
    execution.setVariable("stayTypeLabel", StudentOutgoingTerms.label(StudentOutgoingTerms.STAY_TYPES,
        execution.getVariable("stayType")));
    setFailedRules(execution, failed);
  }

  /**
   * A rule checked at a later step (a "gate" of §3, e.g. CES-SO-10 at O17, UN-SO-04 before O9,
   * UF-SO-11 before O19): adds the id to {@code failedRules} when {@code passed} is false, removes
   * it when true; updates {@code eligible} and {@code failedRulesText}.
   *
   * @param ruleId a rule id of {@link StudentOutgoingRuleCatalogue}
   * @param passed whether the case meets it now (null = false)
   * @throws IllegalStateException for an unknown rule id (a modelling error)
   */
  public void recordGate(DelegateExecution execution, String ruleId, Boolean passed) {
    if (!StudentOutgoingRuleCatalogue.RULES.containsKey(ruleId)) {
      throw new IllegalStateException("Regla desconocida en recordGate: " + ruleId);
    }
    List<String> failed = failedRules(execution);
    if (Boolean.TRUE.equals(passed)) {
      failed.remove(ruleId);
    } else if (!failed.contains(ruleId)) {
      failed.add(ruleId);
    }
    setFailedRules(execution, failed);
  }

  /**
   * Gate UF-SO-12 (004 art. 17 and par. 2, art. 18) at O9 for UFPS semester mobility: at least 4
   * subjects, each with its prerequisites met, from at most 3 host study plans, read from
   * {@code approvedCourses} when the committee recorded it, else {@code proposedCourses}; the
   * minimum may be lowered by the call ({@code overrides.minSubjects}, variable
   * {@code minSubjectsOverride}). Does nothing for other families. Sets
   * {@code learningAgreementValid} and calls {@link #recordGate}.
   *
   * @throws InvalidVariableException naming the courses variable when it is not a valid list
   */
  public void learningAgreementGate(DelegateExecution execution) {
    if (!"SEMESTER".equals(execution.getVariable("ufpsFamily"))) {
      return;
    }
    String name = execution.getVariable("approvedCourses") != null ? "approvedCourses" : "proposedCourses";
    List<SpinJsonNode> courses = StudentOutgoingValues.elements(name, execution.getVariable(name));
    int min = execution.getVariable("minSubjectsOverride") instanceof Number n ? n.intValue() : 4;
    boolean prerequisites = courses.stream()
        .allMatch(c -> !Boolean.FALSE.equals(StudentOutgoingValues.bool(c, "prerequisitesMet")));
    long plans = courses.stream().map(c -> StudentOutgoingValues.text(c, "hostPlan")).filter(p -> p != null)
        .map(p -> p.toLowerCase(Locale.ROOT)).distinct().count();
    boolean valid = courses.size() >= min && prerequisites && plans <= 3;
    execution.setVariable("learningAgreementValid", valid);
    recordGate(execution, "UF-SO-12", valid);
  }

  /**
   * O14 / O20 / M-steps: the documents of a stage from the tenant's {@code required-documents}
   * (§4.2, §4.4, §4.7, §4.9): {@code requiredDocuments} (Json [{code, label}]) and
   * {@code requiredDocumentsText} (one "- label" per line).
   *
   * @param stage APP (application), PRE (before departure), ARR (arrival), DUR (during), END (return)
   * @throws IllegalArgumentException for another stage
   */
  public void requiredDocuments(DelegateExecution execution, String stage) {
    List<Map<String, Object>> docs = consequences.requiredDocuments(execution.getTenantId(), stage,
        execution.getVariables());
    execution.setVariable("requiredDocuments", Spin.JSON(docs));
    execution.setVariable("requiredDocumentsText", StudentOutgoingConsequences.documentsText(docs));
    execution.setVariable("requiredDocumentsStage", stage);
  }

  /**
   * W-c / W-d (§2.h.4, §6.1–6.3; 002 art. 12, 34; 003 Parte 1 §2.12–2.13, §3.5; 004 art. 34, 41):
   * reads {@code mobilityStage}, {@code forceMajeure} (required Boolean), optional
   * {@code addDropDeadlinePassed} and {@code catchUpCommitment}; evaluates the tenant's
   * {@code withdrawal-consequences}; writes the ban, if any, to the bans registry (CESMAG: the
   * {@code banPeriods} academic periods after the current one; UNAL: until today + {@code banYears};
   * UFPS support exclusion: open-ended) and sets {@code withdrawalRule}, {@code banId} (or null),
   * {@code banScope}, {@code cancelCourses}, {@code refundSupport}, {@code supportLost},
   * {@code registryFlag}, {@code withdrawalConsequencesText}.
   *
   * @throws InvalidVariableException naming {@code forceMajeure} or {@code mobilityStage} when missing
   */
  public void applyWithdrawal(DelegateExecution execution) {
    StudentOutgoingConsequences.Withdrawal w = consequences.applyWithdrawal(execution.getTenantId(),
        execution.getVariables(), execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    w.variables().forEach(execution::setVariable);
  }

  /**
   * O24 (§8.3; 002 art. 13; 003 Parte 1 §4; 004 art. 20): converts {@code hostGrades} (Json
   * [{hostCode, hostName, homeCode, homeName, grade, scaleMin, scalePass, scaleMax}]) to the home
   * scale 0–5 — table mode (tenant DMN {@code grade-conversion}) first, else piecewise-linear —
   * and sets {@code recognizedCourses} (Json: each course + originalGrade, originalScale,
   * convertedGrade, conversionMethod TABLE|LINEAR|PASS_FAIL, passed), {@code failedCourses},
   * {@code failedHomologableSubjects}, {@code linearConversionUsed} and {@code recognitionText}.
   *
   * @throws InvalidVariableException naming {@code hostGrades} for a missing or malformed list
   */
  public void convertGrades(DelegateExecution execution) {
    consequences.convertGrades(execution.getTenantId(), execution.getVariables()).forEach(execution::setVariable);
  }

  /**
   * O25 (§6.1 W6, §6.3 U1; 002 art. 9.6; 004 art. 19 par. 1): evaluates the tenant's
   * {@code post-mobility-sanctions} with {@code failedCourses} / {@code failedHomologableSubjects}
   * and records the open-ended bans it returns (CESMAG {@code EXCHANGE_PERMANENT}; UFPS
   * {@code UFPS_SEMESTER_MOBILITY} + {@code UFPS_FINANCIAL_SUPPORT}); sets
   * {@code postMobilityBanIds} (Json) and {@code postMobilityBansText} ("" when none).
   */
  public void applyPostMobilitySanctions(DelegateExecution execution) {
    consequences.applyPostMobilitySanctions(execution.getTenantId(), execution.getVariables(),
        execution.getProcessInstanceId(), execution.getProcessBusinessKey()).forEach(execution::setVariable);
  }

  /**
   * Removes variables before a task of a loop is entered again, so its form starts empty
   * (e.g. {@code ${studentOutgoing.clear(execution, 'docsComplete,missingDocs')}}).
   */
  public void clear(DelegateExecution execution, String names) {
    Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).forEach(execution::removeVariable);
  }

  // ------------------------------------------------------------------------------------------

  private void setFailedRules(DelegateExecution execution, List<String> failed) {
    execution.setVariable("failedRules", Spin.JSON(failed));
    execution.setVariable("eligible", failed.isEmpty());
    execution.setVariable("failedRulesText", failed.isEmpty() ? ""
        : StudentOutgoingRuleCatalogue.describeAll(failed, execution::getVariable));
  }

  static List<String> failedRules(DelegateExecution execution) {
    List<String> ids = new ArrayList<>();
    if (execution.getVariable("failedRules") instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(e -> ids.add(e.stringValue()));
    }
    return ids;
  }

  private boolean isStudent(String userId, String tenantId) {
    try {
      return Context.getCommandContext().runWithoutAuthorization(() ->
          identityService.createUserQuery().userId(userId).memberOfGroup(STUDENT_GROUP)
              .memberOfTenant(tenantId).count() > 0);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Today in Bogotá by the engine clock. */
  static LocalDate today() {
    return AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
  }

  /** Used by reports: the bans scope names of §6.4. */
  static Ban.Scope scope(String name) {
    return Ban.Scope.valueOf(name);
  }
}
