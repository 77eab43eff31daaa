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
    return OutgoingApplications.period(day);
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

  /**
   * CESMAG exchange (002 art. 9–13): international, in person, medium stay of 5 months starting in
   * 120 days, GPA 4.3, 6 semesters passed, 2 conduct references, agreement in force with the
   * Universidad de Guadalajara.
   */
  Map<String, Object> cesmagExchange() {
    Map<String, Object> v = OutgoingApplications.cesmagExchange(PEOPLE.incrementAndGet(), newDocument());
    v.put("initiator", tenant + ".student");
    agreementWith("Universidad de Guadalajara", "México");
    return v;
  }

  /**
   * UNAL "cursar asignaturas" (003 Parte 1): international, 55 % credits, PAPA 4.0, financial
   * backing letter, an open DRE call of the Universidad de Chile under an agreement in force.
   */
  Map<String, Object> unalCourses() {
    Map<String, Object> v = OutgoingApplications.unalCourses(PEOPLE.incrementAndGet(), newDocument());
    LocalDate start = LocalDate.parse((String) v.get("startDate"));
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
    Map<String, Object> v = OutgoingApplications.ufpsSemester(PEOPLE.incrementAndGet(), newDocument());
    v.put("initiator", tenant + ".student");
    agreementWith("Universidad de Antioquia", "Colombia");
    return v;
  }

  /**
   * UFPS semester exchange abroad with a Beca UFPS (004 art. 5, 24, 27): the {@link #ufpsSemester()}
   * student at the Universidad de Salamanca (Spain, international, agreement in force) asking for
   * {@code BECA_UFPS}, which the case's parallel support branch handles (§7.2).
   */
  Map<String, Object> ufpsAbroadWithSupport() {
    Map<String, Object> v = ufpsSemester();
    v.put("supportProgram", "BECA_UFPS");
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Salamanca");
    v.put("hostCountry", "España");
    v.put("hostCity", "Salamanca");
    v.put("proposedCourses", OutgoingApplications.courses(5, "Grado en Ingeniería Informática USAL"));
    agreementWith("Universidad de Salamanca", "España");
    return v;
  }

  static LocalDate ufpsSemesterStart() {
    return OutgoingApplications.ufpsSemesterStart();
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

  /** O16: the open task that records the host's answer (UNAL: DRE or ORI; others: ORI). */
  String hostDecisionTask() {
    return "unal".equals(tenant) ? "Task_RecordHostDecisionUnal" : "Task_RecordHostDecision";
  }

  /** O16 in Tasklist: completes the task that records the host's answer with the form's values. */
  void recordHostDecision(ProcessInstance instance, Map<String, Object> form) {
    complete(instance, hostDecisionTask(), form);
  }

  /** The candidate groups of the case's open task with this key, sorted. */
  List<String> candidateGroups(ProcessInstance instance, String taskKey) {
    return taskService.getIdentityLinksForTask(task(instance, taskKey).getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).sorted().toList();
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
    startMobility(instance);
  }

  /** O20 → O21: the timer at the start date opens "Movilidad en curso" (fired here as the job executor would on that day). */
  void startMobility(ProcessInstance instance) {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
        .activityIdIn("TimerEvent_MobilityStart").count()).as("waiting for the start date").isEqualTo(1);
    assertThat(variable(instance, "mobilityStage")).isEqualTo("AFTER_ACCEPTANCE_BEFORE_START");
    executeJob(instance, "TimerEvent_MobilityStart");
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
