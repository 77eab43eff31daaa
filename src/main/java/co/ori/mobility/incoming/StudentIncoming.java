package co.ori.mobility.incoming;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementValues;
import co.ori.mobility.Call;
import co.ori.mobility.CallRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import co.ori.mobility.StayDuration;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The Java steps of {@code processes/student-incoming-mobility.bpmn} ({@code procedures.md} §2.d;
 * 002 art. 14–18, 003 Parte 2, 004 art. 12–16, 21, 35, 44), as the bean {@code studentIncoming}
 * used in service tasks and listeners, e.g. {@code ${studentIncoming.deriveFacts(execution)}}.
 *
 * <p>Variables it writes (besides the start variables):
 * <ul>
 *   <li>start {@link #checkStart}: {@code institution} (CESMAG, UNAL, UFPS from the tenant);</li>
 *   <li>I2–I3 {@link #deriveFacts}: {@code mobilityId} (= business key), {@code isForeign},
 *       {@code needsSire} (foreign and physical travel, §9 Q15), {@code ageAtStart},
 *       {@code isMinor}, {@code isMinorAtApplication}, {@code majorityAge}, {@code stayWholeMonths},
 *       {@code stayExtraDays}, {@code stayType} (CORTA/MEDIA/LARGA computed with
 *       {@link StayDuration} and the rule of §1.2 / 002 art. 6, same for every tenant),
 *       {@code academicPeriods} (semesters January–June / July–December the stay touches),
 *       {@code ufpsFamily}, {@code documentsDeadline} and {@code deadlineOk} (UF-SI-07, 004 art. 44),
 *       the agreement facts {@code agreementActive}, {@code networkMember}, {@code placesPerPeriod},
 *       {@code placesUsed}, {@code placesLeft} (null: the agreement sets no places),
 *       {@code placesAvailable}, {@code reciprocityText} (002 art. 18.1; 004 art. 31), the
 *       document flags read by the decision tables, {@code originSpanishSpeaking} (also true when
 *       {@code homeCountry} is a Spanish-speaking country, §9 Q17) and
 *       {@code spanishCertificateRequired} (foreign and not Spanish-speaking, §9 Q23), the timers {@code legalizationDeadline},
 *       {@code stayEndTimer}, {@code semesterReportCycle}, {@code gradeCertificateDue}, and Spanish
 *       labels for forms and e-mails;</li>
 *   <li>I5 {@link #recordEligibility}: {@code eligible}, {@code failedRules} (Json array, contract
 *       "Results every mobility process records"), {@code failedRulesText};</li>
 *   <li>I7 {@link #afterCompletenessReview}: {@code correctionRound}, {@code mayCorrect};</li>
 *   <li>I9 gate UN-SI-06 {@link #recordEndorsementRefused};</li>
 *   <li>I17 {@link #checkLearningAgreement}: {@code learningAgreementMatches}, {@code learningAgreementMismatch}.</li>
 * </ul>
 * Every method runs in the engine's transaction; a failure rolls the step back.
 */
@Component("studentIncoming")
public class StudentIncoming {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Set<String> SPANISH_SPEAKING = Set.of("ARGENTINA", "BOLIVIA", "CHILE", "COLOMBIA",
      "COSTA RICA", "CUBA", "ECUADOR", "EL SALVADOR", "ESPANA", "GUATEMALA", "GUINEA ECUATORIAL", "HONDURAS",
      "MEXICO", "NICARAGUA", "PANAMA", "PARAGUAY", "PERU", "PUERTO RICO", "REPUBLICA DOMINICANA", "URUGUAY",
      "VENEZUELA");

  private final AgreementRegistry agreements;
  private final CallRegistry calls;
  private final MobilityCaseRegistry cases;
  private final BusinessCalendar calendar;
  private final StudentIncomingSettings settings;

  /**
   * @param agreements agreement registry (§2.a.4): agreement in force, places per period
   * @param calls call registry (§0.3): the application's call and its overrides
   * @param cases mobility case registry: places used and reciprocity balance
   * @param calendar Colombian calendar (end-of-day deadlines)
   * @param settings configurable terms
   */
  public StudentIncoming(AgreementRegistry agreements, CallRegistry calls, MobilityCaseRegistry cases,
      BusinessCalendar calendar, StudentIncomingSettings settings) {
    this.agreements = agreements;
    this.calls = calls;
    this.cases = cases;
    this.calendar = calendar;
    this.settings = settings;
    settings.forTenant(null);
    settings.tenants().keySet().forEach(settings::forTenant);
  }

  /**
   * Process start listener after the start-variable validation: the requirements that depend on
   * the institution (tenant). UNAL needs {@code unalModality} (003 Parte 2 §1.1), UFPS
   * {@code ufpsType} (004 art. 5–6); {@code callId}, when given, must be a call of the tenant;
   * {@code supportProgram} other than NONE is only for UFPS (004 art. 25.2, 26.2);
   * {@code partialCourseShortStay} only for CESMAG (002 art. 14 par.). Sets {@code institution}.
   *
   * @throws InvalidVariableException naming the variable (REST: HTTP 400, no instance left)
   */
  public void checkStart(DelegateExecution execution) {
    String institution = IncomingTerms.INSTITUTIONS.get(execution.getTenantId());
    if (institution == null) {
      throw new IllegalStateException("student-incoming-mobility no está configurado para el tenant "
          + execution.getTenantId());
    }
    execution.setVariable("institution", institution);
    if ("UNAL".equals(institution) && text(execution, "unalModality") == null) {
      throw new InvalidVariableException("unalModality", "es obligatoria en la Universidad Nacional: "
          + String.join(", ", IncomingTerms.UNAL_MODALITIES.keySet()));
    }
    if ("UFPS".equals(institution) && text(execution, "ufpsType") == null) {
      throw new InvalidVariableException("ufpsType", "es obligatorio en la UFPS (tipo de movilidad, art. 5 y 6): "
          + String.join(", ", IncomingTerms.UFPS_TYPES.keySet()));
    }
    if (!"UFPS".equals(institution) && !"NONE".equals(execution.getVariable("supportProgram"))) {
      throw new InvalidVariableException("supportProgram", "los apoyos BRACOL y PILA para estudiantes entrantes"
          + " solo aplican en la UFPS (Resolución 206 de 2020, art. 25 y 26)");
    }
    if (!"CESMAG".equals(institution) && Boolean.TRUE.equals(execution.getVariable("partialCourseShortStay"))) {
      throw new InvalidVariableException("partialCourseShortStay", "la estancia corta para temáticas parciales"
          + " solo está regulada en la Universidad CESMAG (Acuerdo 106 de 2023, art. 14 parágrafo)");
    }
    String callId = text(execution, "callId");
    if (callId != null && calls.findById(execution.getTenantId(), callId).isEmpty()) {
      throw new InvalidVariableException("callId", "la convocatoria " + callId + " no existe en el registro de"
          + " convocatorias de la institución");
    }
  }

  /** I2–I3: computes the derived facts of the application (see the class description). */
  public void deriveFacts(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    StudentIncomingSettings.Terms terms = settings.forTenant(tenant);
    LocalDate start = day(execution, "startDate");
    LocalDate end = day(execution, "endDate");
    LocalDate birth = day(execution, "birthDate");
    LocalDate received = day(execution, "receivedDate");
    execution.setVariable("mobilityId", execution.getProcessBusinessKey());

    boolean foreign = !IncomingTerms.isColombia(text(execution, "nationality"));
    execution.setVariable("isForeign", foreign);
    execution.setVariable("needsSire", foreign && Boolean.TRUE.equals(execution.getVariable("physicalTravel")));
    int age = Period.between(birth, start).getYears();
    execution.setVariable("ageAtStart", age);
    execution.setVariable("isMinor", age < 18);
    execution.setVariable("isMinorAtApplication", Period.between(birth, received).getYears() < 18);
    String homeCountry = text(execution, "homeCountry");
    int majority = settings.majorityAges().getOrDefault(homeCountry, terms.majorityAge());
    execution.setVariable("majorityAge", majority);
    execution.setVariable("adultAtStart", age >= majority);

    StayDuration stay = StayDuration.of(start, end);
    execution.setVariable("stayWholeMonths", stay.wholeMonths());
    execution.setVariable("stayExtraDays", stay.extraDays());
    String stayType = stayType(stay);
    execution.setVariable("stayType", stayType);
    execution.setVariable("academicPeriods", academicPeriods(start, end));
    // 002 art. 14 par.: a CESMAG short stay on part of a course is graded without registry formalization
    execution.setVariable("formalRegistration", !("CESMAG".equals(execution.getVariable("institution"))
        && "CORTA".equals(stayType) && Boolean.TRUE.equals(execution.getVariable("partialCourseShortStay"))));
    String ufpsType = text(execution, "ufpsType");
    execution.setVariable("ufpsFamily", ufpsType == null ? null : ufpsType.startsWith("SEM_") ? "SEMESTER" : "SHORT");

    Optional<Call> call = Optional.ofNullable(text(execution, "callId")).flatMap(id -> calls.findById(tenant, id));
    Map<String, Object> overrides = call.map(Call::overrides).orElse(Map.of());
    if (overrides == null) {
      overrides = Map.of();
    }
    LocalDate deadline = documentsDeadline(text(execution, "targetPeriod"));
    if (overrides.get("documentsDeadline") != null) {
      deadline = AgreementValues.requiredDate("documentsDeadline", overrides.get("documentsDeadline"));
    }
    execution.setVariable("documentsDeadline", AgreementValues.toDate(deadline));
    execution.setVariable("documentsDeadlineLabel", DAY.format(deadline));
    execution.setVariable("receivedDateLabel", DAY.format(received));
    execution.setVariable("deadlineOk", !received.isAfter(deadline));
    if (Boolean.TRUE.equals(overrides.get("progressRuleWaived"))) {
      execution.setVariable("progressRuleWaived", true);
    }

    agreementFacts(execution, tenant, start, end);

    execution.setVariable("hasPresentationLetter", present(execution, "presentationLetter"));
    execution.setVariable("hasHomeEndorsement", present(execution, "homeEndorsementLetter"));
    execution.setVariable("hasSpanishCertificate", present(execution, "spanishCertificate"));
    execution.setVariable("hasGuardianAuthorization", present(execution, "legalGuardianAuthorization"));
    execution.setVariable("hasTutorInvitation", present(execution, "tutorInvitationLetter"));
    execution.setVariable("hasHealthAreaDocs", present(execution, "healthAreaDocuments"));
    execution.setVariable("presentedByHome", "HOME_INSTITUTION_EMAIL".equals(execution.getVariable("submittedBy")));
    boolean spanishOrigin = Boolean.TRUE.equals(execution.getVariable("originSpanishSpeaking"))
        || SPANISH_SPEAKING.contains(plain(homeCountry));
    // §9 Q23: UNAL waives the B1 certificate for Colombians and students from Spanish-speaking countries
    execution.setVariable("spanishCertificateRequired", foreign && !spanishOrigin);
    execution.setVariable("originSpanishSpeaking", spanishOrigin);
    for (String name : List.of("cumulativeGpa", "creditsApprovedPct", "highestSemesterFullyPassed",
        "programDurationSemesters", "unalModality", "ufpsType", "agreementId", "callId", "campus")) {
      Object value = execution.getVariable(name);
      if (value == null || (value instanceof String s && s.isBlank())) {
        execution.setVariable(name, null); // the decision tables read every input
      }
    }

    Date startAt = AgreementValues.toDate(start);
    Date endAt = AgreementValues.toDate(end);
    execution.setVariable("legalizationDeadline", calendar.endOfDay(startAt));
    execution.setVariable("stayEndTimer", calendar.endOfDay(endAt));
    execution.setVariable("semesterReportCycle", semesterReportCycle(start, end));
    execution.setVariable("gradeCertificateDue", calendar.endOfDay(calendar.daysAfter(endAt, terms.gradeCertificateDays())));
    execution.setVariable("gradeCertificateDueLabel",
        DAY.format(end.plusDays(terms.gradeCertificateDays())));
    labels(execution, start, end, stayType);
    caseSummary(execution, start, end);
  }

  private static void caseSummary(DelegateExecution execution, LocalDate start, LocalDate end) {
    execution.setVariable("caseSummary", text(execution, "fullName") + ", estudiante de " + text(execution, "homeInstitution")
        + " (" + text(execution, "homeCountry") + ") en movilidad entrante en " + text(execution, "programName") + ", "
        + DAY.format(start) + " a " + DAY.format(end));
  }

  /** Activity id of the timer that ends {@code SubProcess_Stay} (I19), moved by an extension. */
  static final String STAY_END_TIMER = "TimerEvent_StayEnds";
  /** Message of {@code ufps-financial-support} that records an extension of the mobility (F9). */
  static final String MOBILITY_EXTENDED = "MobilityExtended";

  /**
   * X1 (procedures.md §2.h.3; end listener of {@code BoundaryEvent_ExtensionRequested}): normalizes
   * the message payload {@code newEndDate} (Date or "yyyy-MM-dd") to a Date, sets
   * {@code extensionCount} (0 unless set), {@code newEndDateLabel} (dd/MM/yyyy) and
   * {@code extensionPeriods} (academic periods the stay would touch with the extension).
   *
   * @throws InvalidVariableException ({@code newEndDate}) when it is missing, not a date or not
   *     after the current {@code endDate}; the correlation then fails and nothing changes
   */
  public void prepareExtension(DelegateExecution execution) {
    LocalDate end = day(execution, "endDate");
    LocalDate newEnd = AgreementValues.requiredDate("newEndDate", execution.getVariable("newEndDate"));
    if (!newEnd.isAfter(end)) {
      throw new InvalidVariableException("newEndDate", "la nueva fecha de fin debe ser posterior a la actual ("
          + DAY.format(end) + ")");
    }
    execution.setVariable("newEndDate", AgreementValues.toDate(newEnd));
    if (!(execution.getVariable("extensionCount") instanceof Integer)) {
      execution.setVariable("extensionCount", 0);
    }
    execution.setVariable("newEndDateLabel", DAY.format(newEnd));
    execution.setVariable("extensionPeriods", academicPeriods(day(execution, "startDate"), newEnd));
  }

  /**
   * X5 (procedures.md §2.h.3; 002 art. 14.1; 003 Parte 2 §4.1; 004 art. 47): {@code endDate} =
   * {@code newEndDate}, {@code extensionCount} + 1; the stay facts ({@code stayWholeMonths},
   * {@code stayExtraDays}, {@code stayType}, {@code academicPeriods}), {@code stayEndTimer} (end of
   * the new last day, America/Bogota), {@code semesterReportCycle}, {@code gradeCertificateDue},
   * the labels and {@code caseSummary} (sent to SIRE with the departure) are computed again, and
   * the pending timer {@code TimerEvent_StayEnds} moves to the new end. The departure task then
   * accepts a {@code departureDate} up to 60 days after the new end. A UFPS financial support
   * running for this case (same business key and tenant) gets the message {@code MobilityExtended}
   * with {@code newEndDate}: it records the date, the support is NOT extended (004 art. 47 par.;
   * {@code supportExtended = false}, {@code supportInformedOfExtension} Boolean). The model then
   * refreshes the case registry ({@code IN_PROGRESS}, new dates).
   *
   * @throws IllegalStateException when the stay has no pending end timer (it already ended: an
   *     incident for the ORI)
   */
  public void applyExtension(DelegateExecution execution) {
    LocalDate start = day(execution, "startDate");
    LocalDate end = AgreementValues.requiredDate("newEndDate", execution.getVariable("newEndDate"));
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    Job timer = management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(STAY_END_TIMER).timers().singleResult();
    if (timer == null) {
      throw new IllegalStateException("No pending " + STAY_END_TIMER + " for " + execution.getProcessBusinessKey()
          + ": the stay already ended");
    }
    Date endAt = AgreementValues.toDate(end);
    execution.setVariable("endDate", endAt);
    Object count = execution.getVariable("extensionCount");
    execution.setVariable("extensionCount", count instanceof Integer n ? n + 1 : 1);
    StayDuration stay = StayDuration.of(start, end);
    execution.setVariable("stayWholeMonths", stay.wholeMonths());
    execution.setVariable("stayExtraDays", stay.extraDays());
    execution.setVariable("stayType", stayType(stay));
    execution.setVariable("academicPeriods", academicPeriods(start, end));
    StudentIncomingSettings.Terms terms = settings.forTenant(execution.getTenantId());
    Date stayEnd = calendar.endOfDay(endAt);
    execution.setVariable("stayEndTimer", stayEnd);
    execution.setVariable("semesterReportCycle", semesterReportCycle(start, end));
    execution.setVariable("gradeCertificateDue", calendar.endOfDay(calendar.daysAfter(endAt, terms.gradeCertificateDays())));
    execution.setVariable("gradeCertificateDueLabel", DAY.format(end.plusDays(terms.gradeCertificateDays())));
    labels(execution, start, end, stayType(stay));
    caseSummary(execution, start, end);
    management.setJobDuedate(timer.getId(), stayEnd);
    boolean supportRunning = "UFPS".equals(execution.getVariable("institution"))
        && execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId()).processDefinitionKey("ufps-financial-support")
            .count() > 0;
    List<MessageCorrelationResult> informed = !supportRunning ? List.of()
        : execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MOBILITY_EXTENDED)
            .processInstanceBusinessKey(execution.getProcessBusinessKey()).tenantId(execution.getTenantId())
            .setVariable("newEndDate", endAt).correlateAllWithResult();
    if ("UFPS".equals(execution.getVariable("institution"))) {
      execution.setVariable("supportExtended", false);
    }
    execution.setVariable("supportInformedOfExtension", !informed.isEmpty());
  }

  /**
   * I5 → I6: turns the rule ids collected by the DMN {@code student-incoming-eligibility}
   * (variable {@code failedRuleIds}, removed afterwards) into {@code failedRules}, {@code eligible}
   * and {@code failedRulesText}.
   *
   * @throws IllegalStateException when the decision result is missing or a rule id is not in the
   *     catalogue (a modelling error: the case stops with an incident)
   */
  public void recordEligibility(DelegateExecution execution) {
    Object collected = execution.getVariable("failedRuleIds");
    if (!(collected instanceof List<?> list)) {
      throw new IllegalStateException("La decisión student-incoming-eligibility no dejó la lista failedRuleIds");
    }
    List<String> failed = new ArrayList<>(new LinkedHashSet<>(list.stream().map(String::valueOf).toList()));
    for (String id : failed) {
      if (!StudentIncomingRuleCatalogue.RULES.containsKey(id)) {
        throw new IllegalStateException("La decisión student-incoming-eligibility devolvió una regla desconocida: " + id);
      }
    }
    execution.removeVariable("failedRuleIds");
    setFailedRules(execution, failed);
  }

  /**
   * Gate UN-SI-06 (003 Parte 2 §3.2–3.3): the programme or the Dirección Académica de Sede did not
   * approve the UNAL application; adds the rule to {@code failedRules} ({@code eligible} false).
   * For CESMAG and UFPS a programme rejection is an admission decision (002 art. 18.3; 004 art. 14),
   * not a failed rule: nothing changes.
   */
  public void recordEndorsementRefused(DelegateExecution execution) {
    if (!"UNAL".equals(execution.getVariable("institution"))) {
      return;
    }
    List<String> failed = failedRules(execution);
    if (!failed.contains("UN-SI-06")) {
      failed.add("UN-SI-06");
    }
    setFailedRules(execution, failed);
  }

  /**
   * I7 (§2.h.1 D2): after the completeness review, counts the correction round and decides whether
   * another correction is allowed: {@code mayCorrect = !docsComplete && correctionRound <
   * maxCorrections} (PROPOSED 2 rounds, configurable).
   */
  public void afterCompletenessReview(DelegateExecution execution) {
    boolean complete = Boolean.TRUE.equals(execution.getVariable("docsComplete"));
    int round = execution.getVariable("correctionRound") instanceof Integer n ? n : 0;
    int max = settings.forTenant(execution.getTenantId()).maxCorrections();
    execution.setVariable("maxCorrections", max);
    execution.setVariable("mayCorrect", !complete && round < max);
    if (!complete && round < max) {
      execution.setVariable("correctionRound", round + 1);
    }
  }

  /**
   * I17 (003 Parte 2 §5.3: the learning agreement "debe corresponder exactamente con las
   * asignaturas inscritas"): compares {@code learningAgreementCourses} with {@code enrolledCourses}
   * (order, case, accents and spacing ignored) and sets {@code learningAgreementMatches} and
   * {@code learningAgreementMismatch} (Spanish description of the differences, "" when they match).
   */
  public void checkLearningAgreement(DelegateExecution execution) {
    List<String> agreed = StudentIncomingRequestRules.courses("learningAgreementCourses",
        execution.getVariable("learningAgreementCourses"));
    List<String> enrolled = StudentIncomingRequestRules.courses("enrolledCourses", execution.getVariable("enrolledCourses"));
    Set<String> agreedKeys = agreed.stream().map(StudentIncomingRequestRules::courseKey).collect(Collectors.toSet());
    Set<String> enrolledKeys = enrolled.stream().map(StudentIncomingRequestRules::courseKey).collect(Collectors.toSet());
    List<String> notEnrolled = agreed.stream().filter(c -> !enrolledKeys.contains(StudentIncomingRequestRules.courseKey(c))).toList();
    List<String> notAgreed = enrolled.stream().filter(c -> !agreedKeys.contains(StudentIncomingRequestRules.courseKey(c))).toList();
    boolean matches = notEnrolled.isEmpty() && notAgreed.isEmpty();
    execution.setVariable("learningAgreementMatches", matches);
    StringBuilder text = new StringBuilder();
    if (!notEnrolled.isEmpty()) {
      text.append("En el acuerdo de aprendizaje pero no inscritas: ").append(String.join("; ", notEnrolled)).append(". ");
    }
    if (!notAgreed.isEmpty()) {
      text.append("Inscritas pero no en el acuerdo de aprendizaje: ").append(String.join("; ", notAgreed)).append(".");
    }
    execution.setVariable("learningAgreementMismatch", text.toString().strip());
  }

  /**
   * I13 "Aplazar o cancelar" (T16): the new dates become {@code startDate} and {@code endDate}
   * ({@code postponements} counts them) and the dates, timers and labels are computed again.
   */
  public void reschedule(DelegateExecution execution) {
    execution.setVariable("startDate", execution.getVariable("newStartDate"));
    execution.setVariable("endDate", execution.getVariable("newEndDate"));
    Object count = execution.getVariable("postponements");
    execution.setVariable("postponements", count instanceof Integer n ? n + 1 : 1);
    LocalDate start = day(execution, "startDate");
    LocalDate end = day(execution, "endDate");
    StayDuration stay = StayDuration.of(start, end);
    execution.setVariable("stayWholeMonths", stay.wholeMonths());
    execution.setVariable("stayExtraDays", stay.extraDays());
    execution.setVariable("stayType", stayType(stay));
    execution.setVariable("academicPeriods", academicPeriods(start, end));
    Date startAt = AgreementValues.toDate(start);
    Date endAt = AgreementValues.toDate(end);
    StudentIncomingSettings.Terms terms = settings.forTenant(execution.getTenantId());
    execution.setVariable("legalizationDeadline", calendar.endOfDay(startAt));
    execution.setVariable("stayEndTimer", calendar.endOfDay(endAt));
    execution.setVariable("semesterReportCycle", semesterReportCycle(start, end));
    execution.setVariable("gradeCertificateDue", calendar.endOfDay(calendar.daysAfter(endAt, terms.gradeCertificateDays())));
    execution.setVariable("gradeCertificateDueLabel", DAY.format(end.plusDays(terms.gradeCertificateDays())));
    labels(execution, start, end, stayType(stay));
  }

  /**
   * Who receives the grade certificate (I23; 002 art. 17, 003 Parte 2 §5.7, 004 art. 21): the home
   * institution, copy to the student and the office; at UNAL the DRE sends it, so it is copied too.
   */
  public String gradesMailTo(DelegateExecution execution) {
    String to = text(execution, "homeContactEmail") + "," + text(execution, "email") + ",group:ori-staff";
    return "UNAL".equals(execution.getVariable("institution")) ? to + ",group:dre" : to;
  }

  /**
   * Removes variables before a task of a loop is entered again, so its form starts empty
   * (e.g. {@code ${studentIncoming.clear(execution, 'docsComplete,missingDocs')}}).
   */
  public void clear(DelegateExecution execution, String names) {
    Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).forEach(execution::removeVariable);
  }

  // ------------------------------------------------------------------------------------------

  /**
   * Stay type of 002 art. 6 / procedures.md §1.2 "Stay computation": CORTA up to exactly 3 months,
   * LARGA from exactly 6 months, MEDIA in between.
   */
  public static String stayType(StayDuration stay) {
    int months = stay.wholeMonths();
    if (months < 3 || (months == 3 && stay.extraDays() == 0)) {
      return "CORTA";
    }
    return months >= 6 ? "LARGA" : "MEDIA";
  }

  /** Academic periods (January–June, July–December) the stay touches (002 art. 14.1). */
  public static int academicPeriods(LocalDate start, LocalDate end) {
    int first = start.getYear() * 2 + (start.getMonthValue() <= 6 ? 0 : 1);
    int last = end.getYear() * 2 + (end.getMonthValue() <= 6 ? 0 : 1);
    return last - first + 1;
  }

  /**
   * UF-SI-07 / T40 (004 art. 44, §9 Q28): documents for semester I by the last day of November of
   * the previous year, for semester II by the last day of May of the same year.
   */
  public static LocalDate documentsDeadline(String targetPeriod) {
    int year = Integer.parseInt(targetPeriod.substring(0, 4));
    return targetPeriod.endsWith("-1") ? LocalDate.of(year - 1, 11, 30) : LocalDate.of(year, 5, 31);
  }

  /**
   * T33 (003 Parte 2 §4.5, PROPOSED dates): the ISO repeating interval of the semester reports
   * during the stay: at the end of each academic period (30 June, 30 December, 23:59 Bogotá) the
   * stay reaches, the first one no later than the start of {@code endDate}; at least one report.
   */
  public static String semesterReportCycle(LocalDate start, LocalDate end) {
    LocalDate first = start.getMonthValue() <= 6 ? LocalDate.of(start.getYear(), 6, 30)
        : LocalDate.of(start.getYear(), 12, 30);
    int count = 1;
    LocalDate next = first.plusMonths(6);
    while (!next.isAfter(end)) {
      count++;
      next = next.plusMonths(6);
    }
    String firstAt;
    if (first.isAfter(end) || first.isEqual(end)) {
      firstAt = end.atStartOfDay(AgreementValues.ZONE).toOffsetDateTime().toString();
    } else {
      firstAt = first.atTime(LocalTime.of(23, 59)).atZone(AgreementValues.ZONE).toOffsetDateTime().toString();
    }
    return "R" + count + "/" + firstAt + "/P6M";
  }

  private void agreementFacts(DelegateExecution execution, String tenant, LocalDate start, LocalDate end) {
    String agreementId = text(execution, "agreementId");
    boolean active = false;
    boolean network = false;
    Integer places = null;
    Integer placesUsed = 0;
    String description = "Sin convenio indicado";
    String reciprocity = "Sin convenio: no hay balance de reciprocidad.";
    Optional<Agreement> found = agreementId == null ? Optional.empty() : agreements.findById(tenant, agreementId);
    if (agreementId != null && found.isEmpty()) {
      description = "El convenio " + agreementId + " no existe en la base de convenios";
    }
    if (found.isPresent()) {
      Agreement a = found.get();
      network = a.network();
      active = a.status().inForce() && a.validFrom() != null && !a.validFrom().isAfter(start)
          && (a.indefinite() || (a.validUntil() != null && !a.validUntil().isBefore(end)));
      places = a.mobilityPlacesPerPeriod();
      String period = text(execution, "targetPeriod");
      List<MobilityCase> under = cases.findByAgreement(tenant, a.id(), period);
      String self = execution.getProcessBusinessKey();
      placesUsed = (int) under.stream().filter(c -> c.direction() == MobilityCase.Direction.INCOMING)
          .filter(c -> !c.id().equals(self)).filter(c -> MobilityCase.Status.ACCEPTED_OR_LATER.contains(c.status())).count();
      long sent = under.stream().filter(c -> c.direction() == MobilityCase.Direction.OUTGOING)
          .filter(c -> MobilityCase.Status.ACCEPTED_OR_LATER.contains(c.status())).count();
      description = (network ? "Red " : "Convenio ") + a.id() + " con " + a.partnerName() + " ("
          + (active ? "vigente durante la estancia" : "no vigente durante toda la estancia: estado " + a.status()
          + ", vigencia " + (a.validFrom() == null ? "sin inicio" : DAY.format(a.validFrom())) + " a "
          + (a.indefinite() ? "indefinida" : a.validUntil() == null ? "sin fin" : DAY.format(a.validUntil()))) + ")";
      reciprocity = "Periodo " + period + ": " + sent + " estudiante(s) enviado(s) y " + placesUsed
          + " recibido(s) aceptado(s) por este convenio" + (sent < placesUsed + 1L
          ? "; recibir a este estudiante deja un desequilibrio a favor de la institución de origen (plan para"
          + " equipararlo, Acuerdo 106 de 2023 art. 18 num. 1)." : ".");
    }
    Integer left = places == null ? null : Math.max(0, places - placesUsed);
    execution.setVariable("agreementActive", active);
    execution.setVariable("networkMember", network && active);
    execution.setVariable("agreementDescription", description);
    execution.setVariable("placesPerPeriod", places);
    execution.setVariable("placesUsed", placesUsed);
    execution.setVariable("placesLeft", left);
    execution.setVariable("placesAvailable", left == null || left > 0);
    execution.setVariable("placesText", places == null ? "El convenio no fija cupos por periodo."
        : left + " de " + places + " cupo(s) libre(s) en el periodo " + text(execution, "targetPeriod") + ".");
    execution.setVariable("reciprocityText", reciprocity);
  }

  private static void labels(DelegateExecution execution, LocalDate start, LocalDate end, String stayType) {
    execution.setVariable("datesLabel", DAY.format(start) + " a " + DAY.format(end));
    execution.setVariable("stayTypeLabel", IncomingTerms.label(IncomingTerms.STAY_TYPES, stayType));
    execution.setVariable("modalityLabel", IncomingTerms.label(IncomingTerms.MODALITIES, execution.getVariable("modality")));
    execution.setVariable("scopeLabel", IncomingTerms.label(IncomingTerms.SCOPES, execution.getVariable("scope")));
    execution.setVariable("programLevelLabel", IncomingTerms.label(IncomingTerms.PROGRAM_LEVELS, execution.getVariable("programLevel")));
    execution.setVariable("documentTypeLabel", IncomingTerms.label(IncomingTerms.DOCUMENT_TYPES, execution.getVariable("documentType")));
    Object unal = execution.getVariable("unalModality");
    Object ufps = execution.getVariable("ufpsType");
    execution.setVariable("mobilityTypeLabel", unal != null ? IncomingTerms.label(IncomingTerms.UNAL_MODALITIES, unal)
        : ufps != null ? IncomingTerms.label(IncomingTerms.UFPS_TYPES, ufps)
        : Boolean.TRUE.equals(execution.getVariable("partialCourseShortStay"))
            ? "Intercambio académico: temáticas parciales de un espacio académico (estancia corta)" : "Intercambio académico");
    execution.setVariable("supportProgramLabel", IncomingTerms.label(IncomingTerms.SUPPORT_PROGRAMS,
        execution.getVariable("supportProgram")));
    List<String> courses = StudentIncomingRequestRules.courses("requestedCourses", execution.getVariable("requestedCourses"));
    execution.setVariable("requestedCoursesText", courses.isEmpty() ? "(sin asignaturas indicadas)" : "- " + String.join("\n- ", courses));
    execution.setVariable("requestedCoursesLines", String.join("\n", courses));
  }

  private void setFailedRules(DelegateExecution execution, List<String> failed) {
    SpinJsonNode json = Spin.JSON(failed);
    execution.setVariable("failedRules", json);
    execution.setVariable("eligible", failed.isEmpty());
    execution.setVariable("failedRulesText", failed.isEmpty() ? ""
        : StudentIncomingRuleCatalogue.describeAll(failed, execution::getVariable));
  }

  private static List<String> failedRules(DelegateExecution execution) {
    List<String> ids = new ArrayList<>();
    if (execution.getVariable("failedRules") instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(e -> ids.add(e.stringValue()));
    }
    return ids;
  }

  private static boolean present(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value != null && !(value instanceof String s && s.isBlank());
  }

  private static String plain(String country) {
    return country == null ? "" : java.text.Normalizer.normalize(country, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").strip().toUpperCase(java.util.Locale.ROOT);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static LocalDate day(DelegateExecution execution, String name) {
    return AgreementValues.requiredDate(name, execution.getVariable(name));
  }

  /** Today in Bogotá by the engine clock (tests move it). */
  static LocalDate today() {
    return AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
  }
}
