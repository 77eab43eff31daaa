package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import co.ori.mobility.Call;
import co.ori.mobility.CallRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import co.ori.support.ProcessTestDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code student-outgoing-mobility} cases of one tenant through the engine's Java API as
 * Tasklist and REST would (form values as Camunda Forms submit them: dates {@code yyyy-MM-dd},
 * radios {@code "true"}/{@code "false"}), registers the agreements and calls a case needs, correlates
 * the host's messages by business key and executes jobs explicitly (job executor off in the test
 * profile).
 */
final class StudentOutgoingDriver extends ProcessTestDriver {

  static final String KEY = "student-outgoing-mobility";
  private static final AtomicInteger PEOPLE = new AtomicInteger((int) (System.nanoTime() % 100_000));

  final String tenant;
  private final AgreementRegistry agreements;
  private final CallRegistry calls;
  private final MobilityCaseRegistry cases;

  StudentOutgoingDriver(String tenant, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, JdbcClient jdbc, AgreementRegistry agreements, CallRegistry calls,
      MobilityCaseRegistry cases) {
    super(runtimeService, taskService, managementService, jdbc, tenant);
    this.tenant = tenant;
    this.agreements = agreements;
    this.calls = calls;
    this.cases = cases;
  }

  /** A new document number, so bans and applications of one test never reach another. */
  static String newDocument() {
    return "10" + String.format("%08d", PEOPLE.incrementAndGet());
  }

  /** Academic period of a day: {@code YYYY-1} (January–June) or {@code YYYY-2}. */
  static String period(LocalDate day) {
    return day.getYear() + (day.getMonthValue() <= 6 ? "-1" : "-2");
  }

  /** Registers an agreement in force with the host (partner name = host institution). */
  String agreementWith(String host, String country) {
    String id = "CONV-" + tenant.toUpperCase() + "-" + PEOPLE.incrementAndGet();
    agreements.register(tenant, new Agreement(id, tenant, InstrumentType.CONVENIO_ESPECIFICO, "MOVILIDAD", null,
        null, host, country, null, "Colombia".equals(country) ? AgreementScope.NACIONAL : AgreementScope.INTERNACIONAL,
        "ORI", today().minusYears(1), today().minusYears(1), today().plusYears(3), false, false,
        AgreementStatus.ACTIVE, 10, false, null));
    return id;
  }

  /** Registers an open UNAL call of the DRE for the host and period, closing in {@code closesInDays}. */
  String callFor(String host, String country, String targetPeriod, String agreementId, int closesInDays) {
    String id = "CONV-DRE-" + PEOPLE.incrementAndGet();
    calls.register(tenant, new Call(id, tenant, host, country, targetPeriod, 5, today().minusDays(10),
        today().plusDays(closesInDays), agreementId, null, "Convocatoria de movilidad saliente", Map.of()));
    return id;
  }

  private static String courses(int n, String plan) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add("{\"hostCode\":\"H" + i + "\",\"hostName\":\"Asignatura de destino " + i + "\",\"hostCredits\":4,"
          + "\"homeCode\":\"L" + i + "\",\"homeName\":\"Asignatura local " + i + "\",\"homeCredits\":3,"
          + "\"prerequisitesMet\":true,\"hostPlan\":\"" + plan + "\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  private static Map<String, Object> common(String institution, LocalDate start, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    v.put("institution", institution);
    v.put("fullName", "Camila Andrea Rosero");
    v.put("studentId", "2021" + PEOPLE.incrementAndGet());
    v.put("documentType", "CC");
    v.put("documentNumber", newDocument());
    v.put("email", "camila.rosero@estudiantes.example.edu.co");
    v.put("phone", "3001234567");
    v.put("birthDate", "2002-03-15");
    v.put("nationality", "CO");
    v.put("programId", "ISIS");
    v.put("programName", "Ingeniería de Sistemas");
    v.put("programLevel", "PROFESIONAL");
    v.put("enrolmentStatus", "MATRICULADO");
    v.put("cumulativeGpa", 4.3);
    v.put("modality", "PRESENCIAL");
    v.put("physicalTravel", true);
    v.put("startDate", start.toString());
    v.put("endDate", end.toString());
    v.put("targetPeriod", period(start));
    v.put("hostSpanishSpeaking", true);
    v.put("hostLanguage", "es");
    v.put("hostRequiresLanguageCert", false);
    v.put("supportRequested", false);
    v.put("healthProgram", false);
    return v;
  }

  /**
   * CESMAG exchange (002 art. 9–13): international, in person, medium stay of 5 months starting in
   * 120 days, GPA 4.3, 6 semesters passed, 2 conduct references, agreement in force with the
   * Universidad de Guadalajara.
   */
  Map<String, Object> cesmagExchange() {
    LocalDate start = today().plusDays(120);
    Map<String, Object> v = common("CESMAG", start, start.plusMonths(5).minusDays(1));
    v.put("category", "INTERCAMBIO");
    v.put("route", "CONVOCATORIA_EXTERNA");
    v.put("highestSemesterFullyPassed", 6);
    v.put("conductReferencesCount", 2);
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Guadalajara");
    v.put("hostCountry", "México");
    v.put("hostCity", "Guadalajara");
    v.put("letterOfIntent", "https://gd.unicesmag.edu.co/movilidad/carta-intencion.pdf");
    v.put("proposedCourses", courses(4, "Ingeniería en Computación"));
    v.put("initiator", tenant + ".student");
    agreementWith("Universidad de Guadalajara", "México");
    return v;
  }

  /**
   * UNAL "cursar asignaturas" (003 Parte 1): international, 55 % credits, PAPA 4.0, financial
   * backing letter, an open DRE call of the Universidad de Chile under an agreement in force.
   */
  Map<String, Object> unalCourses() {
    LocalDate start = today().plusDays(150);
    Map<String, Object> v = common("UNAL", start, start.plusMonths(5).minusDays(1));
    v.put("unalModality", "CURSAR_ASIGNATURAS");
    v.put("campus", "ANDINA:Bogotá");
    v.put("route", "UNAL_CALL");
    v.put("creditsApprovedPct", 55.0);
    v.put("cumulativeGpa", 4.0);
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Chile");
    v.put("hostCountry", "Chile");
    v.put("hostCity", "Santiago");
    v.put("financialBackingLetter", "https://gd.unal.edu.co/movilidad/respaldo-financiero.pdf");
    v.put("proposedCourses", courses(3, "Ingeniería Civil en Computación"));
    String agreement = agreementWith("Universidad de Chile", "Chile");
    v.put("callId", callFor("Universidad de Chile", "Chile", period(start), agreement, 30));
    v.put("initiator", tenant + ".student");
    return v;
  }

  /**
   * UFPS semester exchange (004 art. 5, 7–11): national, at the Universidad de Antioquia, in the
   * first period whose art. 44 document deadline is still ahead and that starts at least 6 months
   * from today; 5 subjects from one host plan, financial clearance, agreement in force.
   */
  Map<String, Object> ufpsSemester() {
    LocalDate start = ufpsSemesterStart();
    Map<String, Object> v = common("UFPS", start, start.plusMonths(5).minusDays(1));
    v.put("ufpsType", "SEM_INTERCAMBIO");
    v.put("campus", "CUCUTA");
    v.put("route", "UFPS_CALL");
    v.put("programDurationSemesters", 10);
    v.put("highestSemesterFullyPassed", 5);
    v.put("creditsApprovedPct", 52.0);
    v.put("financialClearance", true);
    v.put("supportProgram", "NONE");
    v.put("scope", "NACIONAL");
    v.put("hostInstitution", "Universidad de Antioquia");
    v.put("hostCountry", "Colombia");
    v.put("hostCity", "Medellín");
    v.put("proposedCourses", courses(5, "Ingeniería de Sistemas UdeA"));
    v.put("initiator", tenant + ".student");
    agreementWith("Universidad de Antioquia", "Colombia");
    return v;
  }

  static LocalDate ufpsSemesterStart() {
    LocalDate today = today();
    for (int year = today.getYear(); ; year++) {
      LocalDate first = LocalDate.of(year, 2, 1);
      if (!LocalDate.of(year - 1, 11, 7).isBefore(today.plusDays(7)) && !first.isBefore(today.plusMonths(7))) {
        return first;
      }
      LocalDate second = LocalDate.of(year, 8, 2);
      if (!LocalDate.of(year, 5, 7).isBefore(today.plusDays(7)) && !second.isBefore(today.plusMonths(7))) {
        return second;
      }
    }
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(tenant)
        .setVariables(variables).execute();
  }

  /** Correlates a message to the case by business key, with optional variables. */
  void message(ProcessInstance instance, String name, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(name).processInstanceBusinessKey(instance.getBusinessKey())
        .tenantId(tenant).setVariables(variables).correlate();
  }

  /** {@code failedRules} as a Java list. */
  List<String> failedRules(ProcessInstance instance) {
    SpinJsonNode node = (SpinJsonNode) variable(instance, "failedRules");
    List<String> ids = new ArrayList<>();
    node.elements().forEach(e -> ids.add(e.stringValue()));
    return ids;
  }

  /** The case's status in the mobility case registry. */
  MobilityCase.Status caseStatus(ProcessInstance instance) {
    return cases.findById(tenant, instance.getBusinessKey()).orElseThrow().status();
  }

  Map<String, Object> lastMail(String businessKey) {
    List<Map<String, Object>> mails = mails(businessKey);
    assertThat(mails).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  // ---- steps ----------------------------------------------------------------------------------

  void prepareLearningAgreement(ProcessInstance instance) {
    Map<String, Object> v = new HashMap<>();
    v.put("learningAgreement", "https://gd.example.edu.co/movilidad/acuerdo-aprendizaje.pdf");
    if ("UFPS".equals(tenant.toUpperCase())) {
      v.put("socializationPlan", "https://gd.ufps.edu.co/movilidad/plan-socializacion.pdf");
    }
    complete(instance, "Task_PrepareLearningAgreement", v);
  }

  void endorse(ProcessInstance instance) {
    switch (tenant) {
      case "cesmag" -> complete(instance, "Task_EndorseProgramDirector",
          Map.of("academicDecision", "APPROVED", "homologationProjectSigned", "true"));
      case "unal" -> complete(instance, "Task_EndorseProgramDirector",
          Map.of("academicDecision", "APPROVED", "minAcademicLoadMet", "true"));
      default -> complete(instance, "Task_EndorseCurricularCommittee", Map.of("academicDecision", "APPROVED"));
    }
  }

  void deliverApplicationDocuments(ProcessInstance instance) {
    complete(instance, "Task_SubmitApplicationDocuments",
        Map.of("applicationDocuments", "Pasaporte: https://gd.example.edu.co/pasaporte.pdf"));
    complete(instance, "Task_ReviewApplicationDocuments", Map.of("docsComplete", "true"));
  }

  void presentByOri(ProcessInstance instance) {
    complete(instance, "Task_PresentStudent", Map.of("presentationLetter",
        "https://gd.example.edu.co/movilidad/postulacion.pdf", "nominationDate", today().toString()));
  }

  void enrol(ProcessInstance instance) {
    complete(instance, "Task_EnrolForMobility", Map.of("tuitionReceipt", "Recibo 2027-000123"));
    complete(instance, "Task_RegisterEnrolment", Map.of("enrolled", "true"));
  }

  void deliverPreDeparture(ProcessInstance instance) {
    complete(instance, "Task_SubmitPreDepartureDocuments", Map.of("preDepartureDocuments",
        "Seguro médico: https://gd.example.edu.co/seguro.pdf", "commitmentLetter",
        "https://gd.example.edu.co/carta-compromiso.pdf"));
    Map<String, Object> review = new HashMap<>(Map.of("preDepartureComplete", "true"));
    if ("cesmag".equals(tenant)) {
      review.put("healthCertificatesPresent", "true");
    }
    complete(instance, "Task_ReviewPreDepartureDocuments", review);
  }

  void confirmArrival(ProcessInstance instance, LocalDate day) {
    complete(instance, "Task_ConfirmArrival", Map.of("arrivalCertificateDate", day.toString(),
        "arrivalCertificate", "https://gd.example.edu.co/llegada.pdf", "arrivalInsurance",
        "https://gd.example.edu.co/seguro-internacional.pdf"));
  }

  /** O23: the transcript with the given lines (host code; name; home code; name; grade; min; pass; max). */
  void recordTranscript(ProcessInstance instance, String lines) {
    complete(instance, "Task_RecordHostTranscript", Map.of("hostTranscript",
        "https://gd.example.edu.co/certificado-notas.pdf", "hostGradesText", lines));
  }

  static Map<String, Object> homologation() {
    return Map.of("homologationApproved", "true", "homologationActRef", "Acta de homologación 12 de 2027");
  }
}
