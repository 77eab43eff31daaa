package co.ori.mobility.outgoing;

import static co.ori.mobility.outgoing.StudentOutgoingValues.day;
import static co.ori.mobility.outgoing.StudentOutgoingValues.isTrue;
import static co.ori.mobility.outgoing.StudentOutgoingValues.present;
import static co.ori.mobility.outgoing.StudentOutgoingValues.str;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementValues;
import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.mobility.Call;
import co.ori.mobility.CallRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import co.ori.mobility.StayDuration;
import co.ori.support.BusinessCalendar;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;

/**
 * Eligibility of an outgoing student application ({@code procedures.md} §2.c.2 O2, O3, O5; rules
 * §3.1.a CES-SO-xx, §3.2 UN-SO-xx, §3.3 UF-SO-xx): derives the facts the tenant's decision table
 * {@code student-outgoing-eligibility} reads, looks up the registries (agreements §2.a.4, calls,
 * bans §6.4, mobility cases) and evaluates the tables. The bean {@code studentOutgoing} uses it
 * step by step inside the process (O2 {@link #deriveFacts}, O3 {@link #registryFacts}); the
 * whole chain is {@link #evaluate}, used by reports and the rule tests.
 *
 * <p>Dates are calendar days in America/Bogota; "today" is the engine clock
 * ({@link ClockUtil}), so tests and simulations can move it.
 */
@Service
public class StudentOutgoingEligibility {

  /** Decision keys (the same in every tenant). */
  public static final String ELIGIBILITY = "student-outgoing-eligibility";
  /** Decision key of the stay type (002 art. 6). */
  public static final String STAY_TYPE = "stay-type";

  /** Statuses that count as an application of the period for UN-SO-08 (§9 Q18; N1). */
  static final Set<MobilityCase.Status> COUNTED = EnumSet.complementOf(
      EnumSet.of(MobilityCase.Status.NOT_ELIGIBLE, MobilityCase.Status.ROUTED_TO_FREE_MOVER));

  /** Variables the eligibility tables read that may be absent for an institution; set to null. */
  static final List<String> NULLABLE_INPUTS = List.of("category", "unalModality", "ufpsType",
      "creditsApprovedPct", "highestSemesterFullyPassed", "programDurationSemesters", "callId",
      "agreementId", "hostMinLanguageLevel", "languageLevel", "campus");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final TenantDecisions decisions;
  private final AgreementRegistry agreements;
  private final CallRegistry calls;
  private final BanRegistry bans;
  private final MobilityCaseRegistry cases;
  private final BusinessCalendar calendar;
  private final StudentMobilitySettings settings;

  /**
   * @param decisions tenant decision evaluation
   * @param agreements agreement registry (§2.a.4)
   * @param calls call registry
   * @param bans bans registry (§6.4)
   * @param cases mobility case registry
   * @param calendar Colombian business days
   * @param settings configurable terms ({@code ori.student-mobility})
   */
  public StudentOutgoingEligibility(TenantDecisions decisions, AgreementRegistry agreements,
      CallRegistry calls, BanRegistry bans, MobilityCaseRegistry cases, BusinessCalendar calendar,
      StudentMobilitySettings settings) {
    this.decisions = decisions;
    this.agreements = agreements;
    this.calls = calls;
    this.bans = bans;
    this.cases = cases;
    this.calendar = calendar;
    this.settings = settings;
  }

  /**
   * The result of an evaluation.
   *
   * @param failedRules failed rule ids in table order, without duplicates ({@code []} = eligible)
   * @param facts every derived and registry fact, plus {@code stayType}
   */
  public record Result(List<String> failedRules, Map<String, Object> facts) {
    /** True when no rule failed. */
    public boolean eligible() {
      return failedRules.isEmpty();
    }
  }

  /**
   * The whole intake chain O2 → stay-type → O3 → O5 for validated start variables (as
   * {@link StudentOutgoingRequestRules} leaves them), without changing any registry.
   *
   * @param tenantId the institution's tenant
   * @param variables the validated start variables (not modified)
   * @param businessKey the case's id in the mobility case registry (excluded from its own
   *     counts, then counted once as "this one"), or null for a new case
   * @throws IllegalStateException when the tenant's decisions are missing or broken
   */
  public Result evaluate(String tenantId, Map<String, Object> variables, String businessKey) {
    Map<String, Object> v = new HashMap<>(variables);
    v.putAll(deriveFacts(tenantId, v));
    v.put("stayType", stayType(tenantId, v));
    v.putAll(registryFacts(tenantId, v, businessKey));
    return new Result(failedRules(tenantId, v), v);
  }

  /** Evaluates the tenant's {@code stay-type} with {@code stayWholeMonths}, {@code stayExtraDays}. */
  public String stayType(String tenantId, Map<String, Object> facts) {
    DmnDecisionResult result = decisions.evaluate(STAY_TYPE, tenantId,
        Map.of("stayWholeMonths", facts.get("stayWholeMonths"), "stayExtraDays", facts.get("stayExtraDays")));
    Object stayType = result.getSingleEntry();
    if (stayType == null) {
      throw new IllegalStateException("La decisión stay-type de " + tenantId + " no dio tipo de estancia");
    }
    return stayType.toString();
  }

  /**
   * O5: evaluates {@code student-outgoing-eligibility} (COLLECT) with every fact.
   *
   * @return the failed rule ids, in table order, without duplicates
   */
  public List<String> failedRules(String tenantId, Map<String, Object> facts) {
    DmnDecisionResult result = decisions.evaluate(ELIGIBILITY, tenantId, facts);
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    result.forEach(row -> {
      Object id = row.getSingleEntry();
      ids.add(String.valueOf(id));
    });
    for (String id : ids) {
      if (!StudentOutgoingRuleCatalogue.RULES.containsKey(id)) {
        throw new IllegalStateException("La decisión " + ELIGIBILITY + " devolvió una regla desconocida: " + id);
      }
    }
    return new ArrayList<>(ids);
  }

  /**
   * O2 (§2.c.1 "Derived"; 002 art. 6; 004 art. 5–8, 44; §5 T16, T49–T51): the facts computed from
   * the start variables and the engine clock. See the keys in {@link StudentOutgoingMobility#deriveFacts}.
   */
  public Map<String, Object> deriveFacts(String tenantId, Map<String, Object> v) {
    StudentMobilitySettings.Terms terms = settings.forTenant(tenantId);
    Map<String, Object> f = new LinkedHashMap<>();
    for (String name : NULLABLE_INPUTS) {
      if (!v.containsKey(name) || v.get(name) instanceof String s && s.isBlank()) {
        f.put(name, null);
      }
    }
    String institution = institution(tenantId, v);
    Date now = ClockUtil.getCurrentTime();
    LocalDate today = AgreementValues.toLocalDate(now);
    LocalDate start = day(v, "startDate");
    LocalDate end = day(v, "endDate");
    LocalDate birth = day(v, "birthDate");
    f.put("processStartDate", v.get("processStartDate") instanceof Date d ? d : now);
    f.put("applicationDate", AgreementValues.toDate(today));

    int ageAtStart = Period.between(birth, start).getYears();
    int ageAtApplication = Period.between(birth, today).getYears();
    f.put("ageAtStart", ageAtStart);
    f.put("isMinor", ageAtStart < 18);
    f.put("ageAtApplication", ageAtApplication);
    f.put("isMinorAtApplication", ageAtApplication < 18);

    StayDuration stay = StayDuration.of(start, end);
    f.put("stayWholeMonths", stay.wholeMonths());
    f.put("stayExtraDays", stay.extraDays());
    f.put("durationDays", (int) ChronoUnit.DAYS.between(start, end) + 1);
    f.put("leadTimeDays", (int) ChronoUnit.DAYS.between(today, start));
    f.put("leadTimeMonths", (int) ChronoUnit.MONTHS.between(today, start));
    f.put("academicPeriods", periodIndex(end) - periodIndex(start) + 1);
    f.put("applicationPeriod", periodOf(today));
    f.put("exchangeLeadDays", terms.exchangeLeadDays());

    String level = str(v, "programLevel");
    boolean undergrad = StudentOutgoingTerms.UNDERGRAD.contains(level);
    f.put("isUndergrad", undergrad);
    f.put("isPostgrad", !undergrad);

    String category = str(v, "category");
    String ufpsType = str(v, "ufpsType");
    String unalModality = str(v, "unalModality");
    String ufpsFamily = ufpsType == null ? null : ufpsType.startsWith("SEM_") ? "SEMESTER" : "SHORT";
    f.put("ufpsFamily", ufpsFamily);
    String mobilityType = category != null ? category : unalModality != null ? unalModality : ufpsType;
    f.put("mobilityType", mobilityType);

    List<SpinJsonNode> courses = StudentOutgoingValues.elements("proposedCourses", v.get("proposedCourses"));
    f.put("proposedCoursesGiven", !courses.isEmpty());
    f.put("homologationRequested", !courses.isEmpty());
    f.put("proposedCourseCount", courses.size());
    f.put("allPrerequisitesMet", courses.stream().allMatch(c -> !Boolean.FALSE.equals(StudentOutgoingValues.bool(c, "prerequisitesMet"))));
    f.put("distinctHostPlans", (int) courses.stream().map(c -> StudentOutgoingValues.text(c, "hostPlan"))
        .filter(p -> p != null).map(p -> p.toLowerCase(Locale.ROOT)).distinct().count());

    f.put("homologationApplies", homologationApplies(institution, category, ufpsType, !courses.isEmpty()));
    f.put("hostAdmissionApplies", hostAdmissionApplies(institution, category));
    f.put("returnReportRequired", "UFPS".equals(institution));
    f.put("participationCertificateRequired", category != null && Set.of("EXTRA_LINGUISTICO",
        "EXTRA_SEMINARIO", "EXTRA_MISION", "EXTRA_EVENTO_INTERNACIONAL").contains(category));
    f.put("withdrawalEvaluator", "UFPS".equals(institution) ? "ORI_STAFF"
        : "DEPORTIVA".equals(category) || "ARTISTICA_CULTURAL".equals(category) ? "SPORTS_CULTURE"
        : "PROGRAM_DIRECTOR");

    // documents and declarations read by the rules
    f.put("legalGuardianAuthorizationPresent", present(v.get("legalGuardianAuthorization")));
    f.put("permissionToLeaveCountryPresent", present(v.get("permissionToLeaveCountry")));
    f.put("mobilityFormPresent", present(v.get("mobilityForm")) && present(v.get("endorsementLetter")));
    f.put("languageCertificatePresent", present(v.get("languageCertificate")));
    f.put("languageLevelMet", languageLevelMet(v));
    f.put("financialBackingLetterPresent", present(v.get("financialBackingLetter"))
        && (!isTrue(v, "scholarshipHeld") || present(v.get("scholarshipCertificate"))));
    f.put("hostTutorInvitationLetterPresent", present(v.get("hostTutorInvitationLetter")));
    f.put("acceptanceLetterPresent", present(v.get("acceptanceLetter")));

    // deadlines (Date variables for timers)
    Date startAt = AgreementValues.toDate(start);
    Date endAt = AgreementValues.toDate(end);
    f.put("hostDecisionDeadline", calendar.daysBefore(startAt, terms.hostDecisionDaysBeforeStart()));
    f.put("departureDeadline", startAt);
    f.put("mobilityEndTimer", calendar.endOfDay(endAt));
    f.put("returnReportDueDate", calendar.addBusinessDays(endAt, terms.returnReportBusinessDays()));
    f.put("transcriptChaseDate", calendar.endOfDay(calendar.daysAfter(endAt, terms.transcriptChaseDays())));
    LocalDate docsDay = docsDeadlineDay(tenantId, institution, ufpsFamily, v, start, terms);
    f.put("docsDeadline", calendar.endOfDay(AgreementValues.toDate(docsDay)));
    f.put("docsDeadlineLabel", DAY.format(docsDay));
    f.put("docsDeadlinePassed", "SEMESTER".equals(ufpsFamily) && today.isAfter(docsDay));

    // labels for forms and e-mails
    f.put("institutionName", StudentOutgoingTerms.label(StudentOutgoingTerms.INSTITUTIONS, institution));
    f.put("mobilityTypeLabel", StudentOutgoingTerms.mobilityTypeLabel(mobilityType));
    f.put("scopeLabel", StudentOutgoingTerms.label(StudentOutgoingTerms.SCOPES, v.get("scope")));
    f.put("modalityLabel", StudentOutgoingTerms.label(StudentOutgoingTerms.MODALITIES, v.get("modality")));
    f.put("programLevelLabel", StudentOutgoingTerms.label(StudentOutgoingTerms.PROGRAM_LEVELS, level));
    f.put("routeLabel", StudentOutgoingTerms.label(StudentOutgoingTerms.ROUTES, v.get("route")));
    f.put("datesLabel", DAY.format(start) + " a " + DAY.format(end));
    f.put("startDateLabel", DAY.format(start));
    f.put("endDateLabel", DAY.format(end));
    return f;
  }

  /**
   * O3 (§2.c.2; 002 art. 10.6, 12, 34, 9.6; 003 Parte 1 §1.a–d, §2.1, §2.13; 004 art. 2, 7, 19):
   * facts from the registries and the sanctions of the application. Changes nothing.
   *
   * @param businessKey this case's id (excluded from the registry counts, then counted once), or null
   */
  public Map<String, Object> registryFacts(String tenantId, Map<String, Object> v, String businessKey) {
    Map<String, Object> f = new LinkedHashMap<>();
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    LocalDate start = day(v, "startDate");
    String targetPeriod = str(v, "targetPeriod");
    String applicationPeriod = periodOf(today);

    Optional<Call> call = Optional.ofNullable(str(v, "callId")).flatMap(id -> calls.findById(tenantId, id));
    f.put("callFound", call.isPresent());
    f.put("callOpen", call.map(c -> c.acceptsApplicationsOn(today)).orElse(false));
    f.put("callClosingDate", call.map(c -> calendar.endOfDay(AgreementValues.toDate(c.closingDate()))).orElse(null));
    Map<String, Object> overrides = call.map(Call::overrides).orElse(Map.of());
    f.put("creditLimitExempt", Boolean.TRUE.equals(overrides == null ? null : overrides.get("creditLimitExempt")));
    f.put("progressRuleOverride", Boolean.TRUE.equals(overrides == null ? null : overrides.get("progressRule")));

    Optional<Agreement> agreement = findAgreement(tenantId, v, call.orElse(null));
    boolean active = agreement.map(a -> inForceAt(a, start)).orElse(false);
    f.put("agreementActive", active);
    f.put("agreementId", agreement.map(Agreement::id).orElse(null));
    Integer places = call.map(Call::places).orElse(agreement.map(Agreement::mobilityPlacesPerPeriod).orElse(null));
    if (places != null) {
      long taken = agreement.map(a -> cases.findByAgreement(tenantId, a.id(), targetPeriod).stream()
          .filter(c -> c.direction() == MobilityCase.Direction.OUTGOING
              && MobilityCase.Status.ACCEPTED_OR_LATER.contains(c.status())
              && !c.id().equals(businessKey)).count()).orElse(0L);
      f.put("placesLeft", (int) Math.max(0, places - taken));
    } else {
      f.put("placesLeft", null);
    }

    String person = str(v, "documentNumber");
    int others = cases.findByPerson(tenantId, person, targetPeriod, MobilityCase.Direction.OUTGOING,
        COUNTED, businessKey).size();
    f.put("applicationsInPeriod", others + 1);
    f.put("acceptedMobilityInPeriod", !cases.findByPerson(tenantId, person, targetPeriod,
        MobilityCase.Direction.OUTGOING, MobilityCase.Status.ACCEPTED_OR_LATER, businessKey).isEmpty());

    f.put("banAcademicMobility", banned(tenantId, person, Ban.Scope.ACADEMIC_MOBILITY, today, applicationPeriod, targetPeriod));
    f.put("banExchangePermanent", banned(tenantId, person, Ban.Scope.EXCHANGE_PERMANENT, today, applicationPeriod, targetPeriod));
    f.put("banSports", banned(tenantId, person, Ban.Scope.SPORTS, today, applicationPeriod, targetPeriod));
    f.put("banArtCulture", banned(tenantId, person, Ban.Scope.ART_CULTURE, today, applicationPeriod, targetPeriod));
    f.put("banUnalNewMobility", banned(tenantId, person, Ban.Scope.UNAL_NEW_MOBILITY, today, applicationPeriod, targetPeriod));
    f.put("banUfpsSemester", banned(tenantId, person, Ban.Scope.UFPS_SEMESTER_MOBILITY, today, applicationPeriod, targetPeriod));
    f.put("banUfpsSupport", banned(tenantId, person, Ban.Scope.UFPS_FINANCIAL_SUPPORT, today, applicationPeriod, targetPeriod)
        || banned(tenantId, person, Ban.Scope.UFPS_SUPPORT_EXCLUDED, today, applicationPeriod, targetPeriod));

    f.putAll(sanctionFacts(tenantId, v, today));
    return f;
  }

  /**
   * Facts of the {@code sanctions} of the application: {@code disciplinarySanctionPrevYear}
   * (CES-SO-03: a disciplinary sanction dated in the calendar year before the process start; with
   * {@code sanctions-up-to-application} (§9 Q11) also from 1 January of that year up to the
   * application date), {@code anySanction} (UN-SO-02: any sanction, past or active),
   * {@code activeAcademicSanction} (UF-SO-04: academic, in force on the application date: no
   * {@code activeUntil} or {@code activeUntil >= today}), {@code anyDisciplinarySanction} (UF-SO-05).
   */
  Map<String, Object> sanctionFacts(String tenantId, Map<String, Object> v, LocalDate today) {
    boolean upToApplication = Boolean.TRUE.equals(settings.forTenant(tenantId).sanctionsUpToApplication());
    LocalDate processStart = v.get("processStartDate") instanceof Date d ? AgreementValues.toLocalDate(d) : today;
    int previousYear = processStart.getYear() - 1;
    boolean prevYear = false;
    boolean any = false;
    boolean activeAcademic = false;
    boolean anyDisciplinary = false;
    for (SpinJsonNode s : StudentOutgoingValues.elements("sanctions", v.get("sanctions"))) {
      String type = StudentOutgoingValues.text(s, "type");
      LocalDate date = StudentOutgoingValues.date(s, "date", "sanctions");
      LocalDate until = StudentOutgoingValues.date(s, "activeUntil", "sanctions");
      any = true;
      if ("DISCIPLINARY".equals(type)) {
        anyDisciplinary = true;
        if (date != null && (date.getYear() == previousYear
            || upToApplication && date.getYear() >= previousYear && !date.isAfter(today))) {
          prevYear = true;
        }
      }
      if ("ACADEMIC".equals(type) && (date == null || !date.isAfter(today)) && (until == null || !until.isBefore(today))) {
        activeAcademic = true;
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("disciplinarySanctionPrevYear", prevYear);
    f.put("anySanction", any);
    f.put("activeAcademicSanction", activeAcademic);
    f.put("anyDisciplinarySanction", anyDisciplinary);
    return f;
  }

  /** The academic period of a day (PROPOSED: January–June {@code YYYY-1}, July–December {@code YYYY-2}). */
  public static String periodOf(LocalDate day) {
    return day.getYear() + "-" + (day.getMonthValue() <= 6 ? 1 : 2);
  }

  private static int periodIndex(LocalDate day) {
    return day.getYear() * 2 + (day.getMonthValue() <= 6 ? 0 : 1);
  }

  private boolean banned(String tenantId, String person, Ban.Scope scope, LocalDate today,
      String applicationPeriod, String targetPeriod) {
    // §6.4: rejected when the submission period or the target period is banned; date bans by today
    return bans.isBanned(tenantId, person, scope, today, applicationPeriod)
        || bans.isBanned(tenantId, person, scope, today, targetPeriod);
  }

  private Optional<Agreement> findAgreement(String tenantId, Map<String, Object> v, Call call) {
    String id = str(v, "agreementId");
    if (id == null && call != null) {
      id = call.agreementId();
    }
    if (id != null) {
      return agreements.findById(tenantId, id);
    }
    String host = normalize(str(v, "hostInstitution"));
    LocalDate start = day(v, "startDate");
    return agreements.findAll(tenantId).stream()
        .filter(a -> !a.network() && host.equals(normalize(a.partnerName())))
        .sorted((a, b) -> Boolean.compare(inForceAt(b, start), inForceAt(a, start)))
        .findFirst();
  }

  /** In force (ACTIVE/EXPIRING) and valid on the first day of the mobility. */
  static boolean inForceAt(Agreement a, LocalDate day) {
    return a.status() != null && a.status().inForce()
        && (a.validFrom() == null || !a.validFrom().isAfter(day))
        && (a.indefinite() || a.validUntil() == null || !a.validUntil().isBefore(day));
  }

  private LocalDate docsDeadlineDay(String tenantId, String institution, String ufpsFamily,
      Map<String, Object> v, LocalDate start, StudentMobilitySettings.Terms terms) {
    Optional<Call> call = Optional.ofNullable(str(v, "callId")).flatMap(id -> calls.findById(tenantId, id));
    if ("UNAL".equals(institution) && call.isPresent()) {
      return call.get().closingDate(); // 003 Parte 1 §2.8: corrections before the call closes
    }
    if ("SEMESTER".equals(ufpsFamily)) {
      Object override = call.map(Call::overrides).map(o -> o.get("deadlineOverride")).orElse(null);
      if (override != null) {
        return LocalDate.parse(override.toString().substring(0, 10));
      }
      // 004 art. 44: first week of November (semester I) / of May (semester II) of the previous period
      String period = str(v, "targetPeriod");
      int year = Integer.parseInt(period.substring(0, 4));
      return period.endsWith("-1") ? LocalDate.of(year - 1, 11, terms.docsFirstWeekDays())
          : LocalDate.of(year, 5, terms.docsFirstWeekDays());
    }
    return start.minusDays(1); // T16: documents before the start
  }

  private static boolean homologationApplies(String institution, String category, String ufpsType,
      boolean coursesGiven) {
    return switch (institution) {
      case "CESMAG" -> "INTERCAMBIO".equals(category) || "DOBLE_TITULACION".equals(category)
          || "PRACTICA_FORMATIVA".equals(category) && coursesGiven;
      case "UFPS" -> ufpsType != null && (ufpsType.startsWith("SEM_") || "CORTA_CURSO".equals(ufpsType)
          || "CORTA_VERANO".equals(ufpsType));
      default -> true;
    };
  }

  private static boolean hostAdmissionApplies(String institution, String category) {
    if (!"CESMAG".equals(institution) || category == null) {
      return true;
    }
    return !(category.startsWith("PS_") || "DEPORTIVA".equals(category) || "ARTISTICA_CULTURAL".equals(category));
  }

  /** The certified CEFR level reaches the host's minimum (true when the host sets none). */
  private static boolean languageLevelMet(Map<String, Object> v) {
    String min = str(v, "hostMinLanguageLevel");
    if (min == null) {
      return true;
    }
    String level = str(v, "languageLevel");
    List<String> levels = StudentOutgoingTerms.LANGUAGE_LEVELS;
    return level != null && levels.indexOf(level) >= levels.indexOf(min);
  }

  /** The institution code of the tenant (upper case), or the {@code institution} variable. */
  static String institution(String tenantId, Map<String, Object> v) {
    return tenantId != null ? tenantId.toUpperCase(Locale.ROOT) : str(v, "institution");
  }

  private static String normalize(String s) {
    return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
