package co.ori.mobility.outgoing;

import static co.ori.mobility.outgoing.StudentOutgoingDriver.homologation;
import static co.ori.support.ProcessTestDriver.assertInvalid;
import static co.ori.support.ProcessTestDriver.dayEnd;
import static co.ori.support.ProcessTestDriver.dayStart;
import static co.ori.support.ProcessTestDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.agreements.AgreementRegistry;
import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.mobility.CallRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import co.ori.support.BusinessCalendar;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code processes/student-outgoing-mobility.bpmn} ({@code procedures.md} §2.c,
 * §2.h, §5, §6, §8) on the real engine in the three tenants that run it (cesmag, unal, ufps), with
 * each tenant's DMN tables, the real agreement, call, bans and mobility-case registries, the mail
 * outbox and the business calendar. Timers and asynchronous send tasks are executed explicitly (job
 * executor off). The class fails below 90 % coverage of the model's flow nodes and sequence flows.
 *
 * <p>The coverage library finds a model by key without tenant; the context deploys this one
 * procedure to the three tenants, so before the first case the class looks the model up once as a
 * user of tenant cesmag only (tenant check), and every later event of any tenant counts on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ori.tenants[0].id=cesmag", "ori.tenants[0].name=Universidad CESMAG",
    "ori.tenants[0].procedures[0]=student-outgoing-mobility",
    "ori.tenants[1].id=unal", "ori.tenants[1].name=Universidad Nacional de Colombia",
    "ori.tenants[1].procedures[0]=student-outgoing-mobility",
    "ori.tenants[2].id=ufps", "ori.tenants[2].name=Universidad Francisco de Paula Santander",
    "ori.tenants[2].procedures[0]=student-outgoing-mobility"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class StudentOutgoingMobilityProcessTest {

  static final double REQUIRED_COVERAGE = 0.9;
  private static final String PROBE = "coverage-probe";
  private static boolean modelLookedUp;
  private static final java.util.Set<String> REACHED = new java.util.TreeSet<>();

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties studentOutgoingCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(REQUIRED_COVERAGE).build();
    }
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired AgreementRegistry agreements;
  @Autowired CallRegistry calls;
  @Autowired MobilityCaseRegistry cases;
  @Autowired BanRegistry bans;
  @Autowired BusinessCalendar businessCalendar;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  private StudentOutgoingDriver cesmag;
  private StudentOutgoingDriver unal;
  private StudentOutgoingDriver ufps;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    cesmag = driver("cesmag");
    unal = driver("unal");
    ufps = driver("ufps");
    if (!modelLookedUp) {
      lookUpModelAsOneTenant();
      modelLookedUp = true;
    }
  }

  /** Collects the end events the cases of the test reached (history), for {@link #everyEndEventIsReached}. */
  @org.junit.jupiter.api.AfterEach
  void collectReachedEndEvents() {
    historyService.createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> a.getActivityType() != null && a.getActivityType().endsWith("EndEvent"))
        .forEach(a -> REACHED.add(a.getActivityId()));
  }

  /** Every end event of the model (read from the BPMN file) was reached by some test of the class. */
  @org.junit.jupiter.api.AfterAll
  static void everyEndEventIsReached() throws Exception {
    org.camunda.bpm.model.bpmn.BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
        StudentOutgoingMobilityProcessTest.class.getResourceAsStream("/processes/student-outgoing-mobility.bpmn"));
    List<String> endEvents = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.EndEvent.class)
        .stream().map(e -> e.getId()).toList();
    assertThat(endEvents).hasSizeGreaterThan(15);
    assertThat(REACHED).containsAll(endEvents);
  }

  private StudentOutgoingDriver driver(String tenant) {
    return new StudentOutgoingDriver(tenant, runtimeService, taskService, managementService, jdbc, agreements,
        calls, cases);
  }

  /** See the class comment: the first coverage event of the class resolves the model in tenant cesmag only. */
  private void lookUpModelAsOneTenant() {
    for (Resources resource : Resources.values()) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(PROBE);
      grant.setResource(resource);
      grant.setResourceId("*");
      grant.addPermission(Permissions.ALL);
      authorizationService.saveAuthorization(grant);
    }
    ProcessInstance probe;
    identityService.setAuthentication(PROBE, List.of(), List.of("cesmag"));
    try {
      probe = cesmag.start(cesmag.cesmagExchange());
    } finally {
      identityService.clearAuthentication();
    }
    runtimeService.deleteProcessInstance(probe.getId(), "consulta del modelo para la cobertura");
  }

  // ---- CESMAG: exchange from application to recognition ----------------------------------------

  @Test
  void aCesmagExchangeGoesFromApplicationToRecognition() {
    Map<String, Object> request = cesmag.cesmagExchange();
    ProcessInstance instance = cesmag.start(request);
    String key = instance.getBusinessKey();
    assertThat(key).startsWith("MES-");
    assertThat(cesmag.variable(instance, "eligible")).isEqualTo(true);
    assertThat(cesmag.failedRules(instance)).isEmpty();
    assertThat(cesmag.variable(instance, "stayType")).isEqualTo("MEDIA");
    assertThat(cesmag.variable(instance, "caseId")).isEqualTo(key);
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.APPLIED);

    Task prepare = cesmag.task(instance, "Task_PrepareLearningAgreement");
    assertThat(prepare.getAssignee()).isEqualTo("cesmag.student");
    assertThat(prepare.getDueDate()).isEqualTo(cesmag.variable(instance, "docsDeadline"));
    cesmag.prepareLearningAgreement(instance);
    // CES-SO-13: no approval without the signed homologation project
    assertInvalid(() -> cesmag.complete(instance, "Task_EndorseProgramDirector",
        Map.of("academicDecision", "APPROVED", "homologationProjectSigned", "false")), "homologationProjectSigned");
    cesmag.endorse(instance);
    assertThat(instance).hasPassed("Gateway_AcademicActMerge", "Gateway_ShortMobilityMerge")
        .hasNotPassed("Task_IssueAcademicAct", "SendTask_ReportShortMobility");
    assertThat(cesmag.variable(instance, "requiredDocumentsText")).asString().isNotBlank();
    cesmag.deliverApplicationDocuments(instance);
    assertThat(instance).isWaitingAt("Task_PresentStudent");
    cesmag.presentByOri(instance);
    assertThat(instance).isWaitingAt("Gateway_AwaitHostDecision");
    cesmag.message(instance, "HostAccepted", Map.of("acceptanceLetter", "https://gd.udg.mx/aceptacion.pdf"));
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.ACCEPTED);
    assertThat(cesmag.variable(instance, "mobilityStage")).isEqualTo("AFTER_ACCEPTANCE_BEFORE_START");
    cesmag.executeJob(instance, "SendTask_NotifyAcceptance");
    assertThat(cesmag.lastMail(key).get("template")).isEqualTo("student-outgoing-accepted");
    assertThat((String) cesmag.lastMail(key).get("recipients")).contains("camila.rosero@estudiantes.example.edu.co");

    Task enrol = cesmag.task(instance, "Task_EnrolForMobility");
    assertThat(enrol.getDueDate()).isEqualTo(cesmag.variable(instance, "departureDeadline"));
    cesmag.enrol(instance);
    cesmag.deliverPreDeparture(instance);
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.IN_PROGRESS);
    assertThat(cesmag.variable(instance, "mobilityStage")).isEqualTo("DURING");
    cesmag.confirmArrival(instance, today());
    assertThat(instance).hasPassed("Gateway_FigureMerge", "Gateway_DefinitiveLaMerge", "EndEvent_InProgressStepsDone");
    assertThat(instance).isWaitingAt("TimerEvent_AwaitMobilityEnd");
    assertThat(cesmag.job(instance, "TimerEvent_AwaitMobilityEnd").getDuedate())
        .isEqualTo(cesmag.variable(instance, "mobilityEndTimer"));

    cesmag.executeJob(instance, "TimerEvent_AwaitMobilityEnd");
    assertThat(instance).hasPassed("EndEvent_NoPeriodicReports");
    assertThat(instance).isWaitingAt("Task_RecordHostTranscript");
    Task transcript = cesmag.task(instance, "Task_RecordHostTranscript");
    assertThat(transcript.getDueDate()).isEqualTo(cesmag.variable(instance, "transcriptChaseDate"));
    cesmag.recordTranscript(instance, "ISI-301; Bases de datos; L1; Bases de datos I; 85; 0; 60; 100\n"
        + "ISI-302; Redes; L2; Redes I; 90; 0; 60; 100");
    assertThat(cesmag.variable(instance, "failedCourses")).isEqualTo(0);
    assertThat(cesmag.variable(instance, "recognitionText")).asString().contains("Bases de datos");
    cesmag.complete(instance, "Task_HomologateCesmag", homologation());
    cesmag.complete(instance, "Task_RecordGrades", Map.of("gradesRecorded", "true", "recordRef", "RUAH 2027-1"));
    cesmag.executeJob(instance, "SendTask_NotifyCompleted");
    assertThat(instance).isEnded().hasPassed("ServiceTask_PostMobilitySanctions", "EndEvent_MobilityCompleted");
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.COMPLETED);
    Map<String, Object> mail = cesmag.lastMail(key);
    assertThat(mail.get("template")).isEqualTo("student-outgoing-completed");
    assertThat((String) mail.get("body")).contains("Bases de datos").contains("Ninguna.");
  }

  // ---- UNAL: course mobility with nomination, figure AP and the definitive learning agreement -----

  @Test
  void aUnalCourseMobilityGoesThroughTheDreTheFigureAndTheCouncil() {
    ProcessInstance instance = unal.start(unal.unalCourses());
    String key = instance.getBusinessKey();
    assertThat(unal.variable(instance, "eligible")).isEqualTo(true);
    Date closing = (Date) unal.variable(instance, "docsDeadline");
    assertThat(closing).isEqualTo(dayEnd(today().plusDays(30)));
    unal.prepareLearningAgreement(instance);
    // UN-SO-12: the minimum academic load is required to approve
    assertInvalid(() -> unal.complete(instance, "Task_EndorseProgramDirector",
        Map.of("academicDecision", "APPROVED", "minAcademicLoadMet", "false")), "minAcademicLoadMet");
    unal.endorse(instance);
    unal.complete(instance, "Task_IssueAcademicAct", Map.of("academicActRef", "Oficio DAC-123 de 2026"));
    unal.complete(instance, "Task_RegisterAcademicAct", Map.of("actRegistryRef", "SIA 2026-777",
        "paymentReceiptIssued", "true"));
    unal.executeJob(instance, "SendTask_InformFacultyCouncil");
    assertThat(unal.mailTemplates(key)).contains("student-outgoing-faculty-council");
    unal.deliverApplicationDocuments(instance);
    unal.complete(instance, "Task_SendFileToDre", Map.of("dreFileRef", "Expediente ORI-2026-55"));
    assertThat(unal.task(instance, "Task_NominateStudent")).isNotNull();
    unal.complete(instance, "Task_NominateStudent", Map.of("presentationLetter", "Carta DRE-2026-19",
        "nominationDate", today().toString()));
    unal.executeJob(instance, "SendTask_CopyPresentationLetter");
    // T51: no answer by the deadline → follow-up, then the host answers
    unal.executeJob(instance, "TimerEvent_HostDecisionDeadline");
    assertInvalid(() -> unal.complete(instance, "Task_FollowUpHost", Map.of("followUpNotes", "Llamada",
        "nextFollowUpDate", today().toString())), "nextFollowUpDate");
    unal.complete(instance, "Task_FollowUpHost", Map.of("followUpNotes", "Correo a la oficina internacional",
        "nextFollowUpDate", today().plusDays(10).toString()));
    assertThat(unal.variable(instance, "hostDecisionDeadline")).isEqualTo(dayStart(today().plusDays(10)));
    unal.message(instance, "HostAccepted", Map.of("acceptanceLetter", "https://uchile.cl/aceptacion.pdf"));
    unal.executeJob(instance, "SendTask_NotifyAcceptance");
    unal.enrol(instance);
    unal.deliverPreDeparture(instance);

    LocalDate arrival = today();
    unal.confirmArrival(instance, arrival);
    assertThat(unal.variable(instance, "definitiveLaDeadline")).isEqualTo(
        businessCalendar.addBusinessDays(dayStart(arrival), 30));
    unal.complete(instance, "Task_RegisterFigureAp", Map.of("figureRegistered", "true"));
    Task definitive = unal.task(instance, "Task_SubmitDefinitiveLaUnal");
    assertThat(definitive.getDueDate()).isEqualTo(unal.variable(instance, "definitiveLaDeadline"));
    // T31: the 30-business-day timer reminds and escalates without interrupting the task
    unal.executeJob(instance, "BoundaryEvent_DefinitiveLaOverdue");
    unal.executeJob(instance, "SendTask_DefinitiveLaOverdue");
    assertThat(unal.lastMail(key).get("template")).isEqualTo("student-outgoing-definitive-la-overdue");
    assertThat((String) unal.lastMail(key).get("recipients")).contains("unal.program-director@demo.ori.local");
    unal.complete(instance, "Task_SubmitDefinitiveLaUnal", Map.of("definitiveLearningAgreement", "PA definitiva v1"));
    unal.complete(instance, "Task_ApproveDefinitiveLaDirector", Map.of("laDecision", "REJECTED",
        "laNotes", "Falta una asignatura"));
    unal.complete(instance, "Task_SubmitDefinitiveLaUnal", Map.of("definitiveLearningAgreement", "PA definitiva v2"));
    unal.complete(instance, "Task_ApproveDefinitiveLaDirector", Map.of("laDecision", "APPROVED"));
    unal.complete(instance, "Task_EndorseDefinitiveLaCouncil", Map.of("councilActRef", "Acta CF 14 de 2027"));
    unal.complete(instance, "Task_VerifyEnrolment", Map.of("enrolled", "true"));
    assertThat(instance).hasPassed("EndEvent_InProgressStepsDone");

    unal.executeJob(instance, "BoundaryEvent_MobilityEnded");
    unal.recordTranscript(instance, "C1; Algoritmos; L1; Algoritmos; 6,2; 1; 4; 7");
    unal.complete(instance, "Task_StartRecognitionUnal", Map.of("recognitionRequestRef", "Solicitud SF-88"));
    unal.complete(instance, "Task_RecognizeFacultyCouncil", homologation());
    unal.complete(instance, "Task_RecordGrades", Map.of("gradesRecorded", "true", "recordRef", "Historia 2027"));
    assertThat(unal.failedRules(instance)).isEmpty();
    unal.executeJob(instance, "SendTask_NotifyCompleted");
    assertThat(instance).isEnded().hasPassed("EndEvent_MobilityCompleted");
    assertThat(unal.caseStatus(instance)).isEqualTo(MobilityCase.Status.COMPLETED);
  }

  // ---- UFPS: semester exchange with committee, second-week report, periodic and return reports -----

  @Test
  void aUfpsSemesterExchangeNeedsTheReturnReportBeforeRecognition() {
    Map<String, Object> request = ufps.ufpsSemester();
    ProcessInstance instance = ufps.start(request);
    String key = instance.getBusinessKey();
    assertThat(ufps.variable(instance, "eligible")).as("failed %s", ufps.variable(instance, "failedRulesText"))
        .isEqualTo(true);
    ufps.prepareLearningAgreement(instance);
    assertThat(instance).isWaitingAt("Task_EndorseCurricularCommittee");
    ufps.endorse(instance);
    ufps.deliverApplicationDocuments(instance);
    ufps.presentByOri(instance);
    ufps.message(instance, "HostAccepted", Map.of("acceptanceLetter", "https://udea.edu.co/aceptacion.pdf"));
    ufps.executeJob(instance, "SendTask_NotifyAcceptance");
    assertThat(instance).hasPassed("Gateway_SupportMerge").hasNotPassed("CallActivity_UfpsFinancialSupport");
    ufps.enrol(instance);
    ufps.deliverPreDeparture(instance);
    ufps.confirmArrival(instance, today());
    assertThat(ufps.variable(instance, "definitiveLaDeadline")).isEqualTo(
        businessCalendar.endOfDay(businessCalendar.daysAfter((Date) ufps.variable(instance, "startDate"), 13)));
    // UFPS periodic reports (M7) run on their own timer
    ufps.executeJob(instance, "TimerEvent_PeriodicReportDue");
    ufps.complete(instance, "Task_SubmitPeriodicReport", Map.of("periodicReport", "Informe mes 1"));
    assertThat(ufps.job(instance, "TimerEvent_PeriodicReportDue")).isNotNull();
    ufps.complete(instance, "Task_SubmitDefinitiveSubjectsUfps", Map.of("definitiveLearningAgreement", "Reporte v1"));
    ufps.complete(instance, "Task_ApproveDefinitiveSubjectsCommittee", Map.of("laDecision", "APPROVED"));
    assertThat(instance).hasPassed("EndEvent_InProgressStepsDone");
    ufps.executeJob(instance, "BoundaryEvent_MobilityEnded");

    // O22 gate (004 art. 43): the report is required and verified before recognition
    Task report = ufps.task(instance, "Task_SubmitReturnReport");
    assertThat(report.getDueDate()).isEqualTo(ufps.variable(instance, "returnReportDueDate"));
    ufps.executeJob(instance, "BoundaryEvent_ReturnReportReminder");
    ufps.executeJob(instance, "SendTask_ReturnReportReminder");
    assertThat(ufps.lastMail(key).get("template")).isEqualTo("student-outgoing-return-report-reminder");
    assertInvalid(() -> ufps.complete(instance, "Task_SubmitReturnReport", Map.of()), "returnReport");
    ufps.complete(instance, "Task_SubmitReturnReport", Map.of("returnReport", "Informe v1"));
    ufps.complete(instance, "Task_ReviewReturnReport", Map.of("returnReportAccepted", "false",
        "returnReportNotes", "Falta el cronograma de socialización"));
    assertThat(instance).isWaitingAt("Task_SubmitReturnReport");
    ufps.complete(instance, "Task_SubmitReturnReport", Map.of("returnReport", "Informe v2"));
    ufps.complete(instance, "Task_ReviewReturnReport", Map.of("returnReportAccepted", "true"));

    // transcript chase (T50), then one failed homologable subject → U1 bans
    ufps.executeJob(instance, "BoundaryEvent_TranscriptChase");
    ufps.complete(instance, "Task_ChaseTranscript", Map.of("chaseNotes", "Correo a la oficina de la UdeA"));
    ufps.recordTranscript(instance, "A1; Compiladores; L1; Compiladores; 2,5; 0; 3; 5\n"
        + "A2; Redes; L2; Redes; 4,0; 0; 3; 5");
    assertThat(ufps.variable(instance, "failedHomologableSubjects")).isEqualTo(1);
    ufps.complete(instance, "Task_HomologationFormUfps", homologation());
    ufps.complete(instance, "Task_EndorseEquivalenceUfps", Map.of("equivalenceEndorsed", "true"));
    ufps.complete(instance, "Task_RecordGrades", Map.of("gradesRecorded", "true", "recordRef", "Registro 2027"));
    ufps.executeJob(instance, "SendTask_NotifyCompleted");
    assertThat(instance).isEnded().hasPassed("EndEvent_MobilityCompleted", "EndEvent_TranscriptChased");
    String person = (String) request.get("documentNumber");
    assertThat(bans.find("ufps", person)).extracting(Ban::scope)
        .contains(Ban.Scope.UFPS_SEMESTER_MOBILITY, Ban.Scope.UFPS_FINANCIAL_SUPPORT);
    assertThat((String) ufps.lastMail(key).get("body")).doesNotContain("Ninguna.");
  }

  // ---- other paths ------------------------------------------------------------------------------

  @Test
  void anIneligibleApplicationEndsWithTheFailedRulesInTheMail() {
    Map<String, Object> request = cesmag.cesmagExchange();
    request.put("cumulativeGpa", 3.9);
    ProcessInstance instance = cesmag.start(request);
    assertThat(cesmag.failedRules(instance)).contains("CES-SO-09");
    cesmag.executeJob(instance, "SendTask_NotifyNotEligible");
    assertThat(instance).isEnded().hasPassed("EndEvent_NotEligible");
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.NOT_ELIGIBLE);
    Map<String, Object> mail = cesmag.lastMail(instance.getBusinessKey());
    assertThat(mail.get("template")).isEqualTo("student-outgoing-not-eligible");
    assertThat((String) mail.get("body")).contains("CES-SO-09");
  }

  @Test
  void aUnalHostWithoutAgreementIsRoutedToFreeMover() {
    Map<String, Object> request = unal.unalCourses();
    request.put("hostInstitution", "Universidad sin convenio de Lima");
    request.put("hostCountry", "Perú");
    String callId = unal.callFor("Universidad sin convenio de Lima", "Perú", (String) request.get("targetPeriod"),
        null, 30);
    request.put("callId", callId);
    ProcessInstance instance = unal.start(request);
    unal.executeJob(instance, "SendTask_NotifyFreeMover");
    assertThat(instance).isEnded().hasPassed("EndEvent_RoutedToFreeMover").hasNotPassed("BusinessRuleTask_Eligibility");
    assertThat(unal.caseStatus(instance)).isEqualTo(MobilityCase.Status.ROUTED_TO_FREE_MOVER);
  }

  @Test
  void changesRequiredReturnToTheStudentAndARejectionEndsTheCase() {
    ProcessInstance instance = cesmag.start(cesmag.cesmagExchange());
    cesmag.prepareLearningAgreement(instance);
    assertInvalid(() -> cesmag.complete(instance, "Task_EndorseProgramDirector",
        Map.of("academicDecision", "CHANGES_REQUIRED", "homologationProjectSigned", "false")), "academicNotes");
    cesmag.complete(instance, "Task_EndorseProgramDirector", Map.of("academicDecision", "CHANGES_REQUIRED",
        "homologationProjectSigned", "false", "academicNotes", "Ajuste la correspondencia de Redes"));
    assertThat(instance).isWaitingAt("Task_PrepareLearningAgreement");
    cesmag.prepareLearningAgreement(instance);
    cesmag.complete(instance, "Task_EndorseProgramDirector", Map.of("academicDecision", "REJECTED",
        "homologationProjectSigned", "false", "academicNotes", "No hay correspondencia de contenidos"));
    assertThat(cesmag.failedRules(instance)).contains("CES-SO-13");
    cesmag.executeJob(instance, "SendTask_NotifyAcademicRejection");
    assertThat(instance).isEnded().hasPassed("EndEvent_AcademicRejection");
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.REJECTED);
    assertThat((String) cesmag.lastMail(instance.getBusinessKey()).get("body")).contains("No hay correspondencia");
  }

  @Test
  void twoCorrectionRoundsThenTheApplicationIsDiscontinued() {
    ProcessInstance instance = ufps.start(ufps.ufpsSemester());
    ufps.prepareLearningAgreement(instance);
    ufps.endorse(instance);
    for (int round = 1; round <= 2; round++) {
      ufps.complete(instance, "Task_SubmitApplicationDocuments", Map.of("applicationDocuments", "Hoja de vida"));
      ufps.complete(instance, "Task_ReviewApplicationDocuments", Map.of("docsComplete", "false",
          "missingDocs", "Certificado de notas sin foliar"));
      ufps.executeJob(instance, "SendTask_NotifyCorrection");
      assertThat(((Number) ufps.variable(instance, "correctionRound")).intValue()).isEqualTo(round);
    }
    assertThat(ufps.lastMail(instance.getBusinessKey()).get("body").toString()).contains("oportunidad 2 de 2");
    ufps.complete(instance, "Task_SubmitApplicationDocuments", Map.of("applicationDocuments", "Hoja de vida"));
    ufps.complete(instance, "Task_ReviewApplicationDocuments", Map.of("docsComplete", "false",
        "missingDocs", "Sigue sin foliar"));
    ufps.executeJob(instance, "SendTask_NotifyDiscontinued");
    assertThat(instance).isEnded().hasPassed("EndEvent_DocumentsIncomplete", "EndEvent_Discontinued");
    assertThat(ufps.caseStatus(instance)).isEqualTo(MobilityCase.Status.DISCONTINUED);
  }

  @Test
  void theDocumentsDeadlineDiscontinuesTheApplication() {
    ProcessInstance instance = unal.start(unal.unalCourses());
    unal.prepareLearningAgreement(instance);
    unal.endorse(instance);
    unal.complete(instance, "Task_IssueAcademicAct", Map.of("academicActRef", "Oficio 1"));
    unal.complete(instance, "Task_RegisterAcademicAct", Map.of("actRegistryRef", "R1", "paymentReceiptIssued", "true"));
    unal.executeJob(instance, "SendTask_InformFacultyCouncil");
    assertThat(unal.job(instance, "BoundaryEvent_DocumentsDeadline").getDuedate())
        .isEqualTo(unal.variable(instance, "docsDeadline"));
    unal.executeJob(instance, "BoundaryEvent_DocumentsDeadline");
    unal.executeJob(instance, "SendTask_NotifyDiscontinued");
    assertThat(instance).isEnded().hasPassed("EndEvent_Discontinued").hasNotPassed("EndEvent_DocumentsIncomplete");
  }

  private ProcessInstance cesmagAwaitingHost() {
    ProcessInstance instance = cesmag.start(cesmag.cesmagExchange());
    cesmag.prepareLearningAgreement(instance);
    cesmag.endorse(instance);
    cesmag.deliverApplicationDocuments(instance);
    cesmag.presentByOri(instance);
    return instance;
  }

  @Test
  void aHostRejectionEndsAsNotAdmitted() {
    ProcessInstance instance = cesmagAwaitingHost();
    cesmag.message(instance, "HostRejected", Map.of());
    cesmag.executeJob(instance, "SendTask_NotifyNotAdmitted");
    assertThat(instance).isEnded().hasPassed("EndEvent_NotAdmitted").hasNotPassed("ServiceTask_RecordAcceptance");
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.REJECTED);
  }

  @Test
  void aStudentCancellingBeforeAcceptanceEndsTheCase() {
    ProcessInstance instance = cesmagAwaitingHost();
    cesmag.message(instance, "StudentCancels", Map.of("withdrawalReason", "Enfermedad de un familiar"));
    cesmag.complete(instance, "Task_RecordCancellation", Map.of("forceMajeure", "true",
        "withdrawalNotes", "Soporte médico aportado"));
    cesmag.executeJob(instance, "SendTask_NotifyCancelled");
    assertThat(instance).isEnded().hasPassed("EndEvent_CancelledBeforeAcceptance");
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.CANCELLED);
    assertThat(cesmag.lastMail(instance.getBusinessKey()).get("template")).isEqualTo("student-outgoing-cancelled");
  }

  private ProcessInstance accepted(StudentOutgoingDriver d, Map<String, Object> request) {
    ProcessInstance instance = d.start(request);
    d.prepareLearningAgreement(instance);
    d.endorse(instance);
    if ("unal".equals(d.tenant)) {
      d.complete(instance, "Task_IssueAcademicAct", Map.of("academicActRef", "Oficio 7"));
      d.complete(instance, "Task_RegisterAcademicAct", Map.of("actRegistryRef", "R7", "paymentReceiptIssued", "true"));
      d.executeJob(instance, "SendTask_InformFacultyCouncil");
      d.deliverApplicationDocuments(instance);
      d.complete(instance, "Task_SendFileToDre", Map.of("dreFileRef", "Expediente 7"));
      d.complete(instance, "Task_NominateStudent", Map.of("presentationLetter", "Carta 7",
          "nominationDate", today().toString()));
      d.executeJob(instance, "SendTask_CopyPresentationLetter");
    } else {
      d.deliverApplicationDocuments(instance);
      d.presentByOri(instance);
    }
    d.message(instance, "HostAccepted", Map.of("acceptanceLetter", "Carta de aceptación"));
    d.executeJob(instance, "SendTask_NotifyAcceptance");
    return instance;
  }

  @Test
  void thePreDepartureDeadlinePostponesOrCancelsTheMobility() {
    Map<String, Object> request = cesmag.cesmagExchange();
    ProcessInstance instance = accepted(cesmag, request);
    cesmag.complete(instance, "Task_EnrolForMobility", Map.of("tuitionReceipt", "Recibo 1"));
    cesmag.complete(instance, "Task_RegisterEnrolment", Map.of("enrolled", "false", "enrolmentNotes", "Pago no aplicado"));
    cesmag.enrol(instance);
    assertThat(cesmag.job(instance, "BoundaryEvent_DepartureDeadline").getDuedate())
        .isEqualTo(cesmag.variable(instance, "departureDeadline"));
    cesmag.executeJob(instance, "BoundaryEvent_DepartureDeadline");
    LocalDate newStart = today().plusDays(200);
    cesmag.complete(instance, "Task_PostponeOrCancel", Map.of("postponeDecision", "POSTPONE", "postponeNotes",
        "Visa en trámite", "newStartDate", newStart.toString(), "newEndDate", newStart.plusMonths(5).toString()));
    cesmag.executeJob(instance, "SendTask_NotifyPostponed");
    assertThat(cesmag.variable(instance, "startDate")).isEqualTo(dayStart(newStart));
    assertThat(cesmag.variable(instance, "postponements")).isEqualTo(1);
    assertThat(instance).isWaitingAt("Task_SubmitPreDepartureDocuments");
    cesmag.executeJob(instance, "BoundaryEvent_DepartureDeadline");
    cesmag.complete(instance, "Task_PostponeOrCancel", Map.of("postponeDecision", "CANCEL", "postponeNotes",
        "Visa negada", "forceMajeure", "false"));
    cesmag.executeJob(instance, "SendTask_NotifyCancelledBeforeStart");
    assertThat(instance).isEnded().hasPassed("EndEvent_CancelledBeforeStart");
    assertThat(cesmag.caseStatus(instance)).isEqualTo(MobilityCase.Status.WITHDRAWN);
    // W2 (002 art. 12.1): without force majeure, 2 academic periods of ban
    assertThat(bans.find("cesmag", (String) request.get("documentNumber"))).isNotEmpty();
  }

  @Test
  void aWithdrawalWithoutForceMajeureDuringTheStayRecordsTheBanAndWithItDoesNot() {
    ProcessInstance unjustified = accepted(cesmag, cesmag.cesmagExchange());
    cesmag.enrol(unjustified);
    cesmag.deliverPreDeparture(unjustified);
    cesmag.message(unjustified, "WithdrawalRequested", Map.of("withdrawalReason", "No me adapté"));
    cesmag.complete(unjustified, "Task_EvaluateWithdrawalDirector", Map.of("forceMajeure", "false",
        "withdrawalNotes", "Sin causa justificada", "addDropDeadlinePassed", "true"));
    assertThat(cesmag.variable(unjustified, "banId")).isNotNull();
    cesmag.executeJob(unjustified, "SendTask_NotifyWithdrawal");
    assertThat(unjustified).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(cesmag.caseStatus(unjustified)).isEqualTo(MobilityCase.Status.WITHDRAWN);

    ProcessInstance justified = accepted(unal, unal.unalCourses());
    unal.message(justified, "WithdrawalRequested", Map.of("withdrawalReason", "Calamidad doméstica"));
    unal.complete(justified, "Task_EvaluateWithdrawalDirector", Map.of("forceMajeure", "true",
        "withdrawalNotes", "Calamidad probada"));
    assertThat(unal.variable(justified, "banId")).isNull();
    unal.executeJob(justified, "SendTask_NotifyWithdrawal");
    assertThat(justified).isEnded().hasPassed("EndEvent_Withdrawn");
  }

  @Test
  void aCesmagSportsMobilityNeedsTrainingAttendanceAndTheSportsCoordinatorEvaluatesWithdrawals() {
    LocalDate start = today().plusDays(40);
    Map<String, Object> request = cesmag.cesmagExchange();
    request.put("category", "DEPORTIVA");
    request.put("teamMember", true);
    request.put("scope", "NACIONAL");
    request.put("hostInstitution", "Universidad de Nariño");
    request.put("hostCountry", "Colombia");
    request.put("startDate", start.toString());
    request.put("endDate", start.plusDays(5).toString());
    request.put("targetPeriod", StudentOutgoingDriver.period(start));
    request.remove("proposedCourses");
    ProcessInstance instance = cesmag.start(request);
    assertThat(cesmag.variable(instance, "eligible")).as("%s", cesmag.variable(instance, "failedRulesText")).isEqualTo(true);
    assertThat(instance).isWaitingAt("Task_EndorseProgramDirector");
    cesmag.complete(instance, "Task_EndorseProgramDirector", Map.of("academicDecision", "APPROVED"));
    cesmag.deliverApplicationDocuments(instance);
    assertThat(instance).hasPassed("Gateway_AcceptanceMerge").hasNotPassed("Task_PresentStudent");
    cesmag.executeJob(instance, "SendTask_NotifyAcceptance");
    cesmag.enrol(instance);
    cesmag.complete(instance, "Task_ConfirmTrainingAttendance", Map.of("trainingAttendanceOk", "false",
        "trainingNotes", "Tres inasistencias"));
    assertThat(cesmag.failedRules(instance)).contains("CES-SO-31");
    cesmag.executeJob(instance, "SendTask_NotifyRequirementNotMet");
    assertThat(instance).isEnded().hasPassed("EndEvent_RequirementNotMet");

    ProcessInstance other = cesmag.start(request);
    cesmag.message(other, "WithdrawalRequested", Map.of("withdrawalReason", "Lesión"));
    cesmag.complete(other, "Task_EvaluateWithdrawalSports", Map.of("forceMajeure", "true", "withdrawalNotes", "Lesión"));
    cesmag.executeJob(other, "SendTask_NotifyWithdrawal");
    assertThat(other).isEnded().hasPassed("EndEvent_Withdrawn");
  }

  @Test
  void anExtensionMovesTheEndOfTheStayAndUfpsAllowsOnlyOne() {
    ProcessInstance instance = accepted(ufps, ufps.ufpsSemester());
    ufps.enrol(instance);
    ufps.deliverPreDeparture(instance);
    Date end = (Date) ufps.variable(instance, "endDate");
    LocalDate newEnd = co.ori.agreements.AgreementValues.toLocalDate(end).plusMonths(5);
    ufps.message(instance, "ExtensionRequested", Map.of("newEndDate", newEnd.toString(),
        "extensionReason", "Segundo semestre"));
    ufps.complete(instance, "Task_EvaluateExtensionCommittee", Map.of("extensionApproved", "true",
        "extensionNotes", "Avalada por ambos comités"));
    ufps.complete(instance, "Task_SubmitInsuranceExtension", Map.of("insuranceExtension", "Póliza extendida"));
    ufps.executeJob(instance, "SendTask_NotifyExtensionDecision");
    assertThat(ufps.variable(instance, "extensionCount")).isEqualTo(1);
    assertThat(ufps.job(instance, "BoundaryEvent_MobilityEnded").getDuedate()).isEqualTo(dayEnd(newEnd));
    ufps.message(instance, "ExtensionRequested", Map.of("newEndDate", newEnd.plusMonths(1).toString(),
        "extensionReason", "Otra"));
    assertInvalid(() -> ufps.complete(instance, "Task_EvaluateExtensionCommittee", Map.of("extensionApproved", "true",
        "extensionNotes", "x")), "extensionApproved");
    ufps.complete(instance, "Task_EvaluateExtensionCommittee", Map.of("extensionApproved", "false",
        "extensionNotes", "Solo se permite una prórroga"));
    ufps.executeJob(instance, "SendTask_NotifyExtensionDecision");
    assertThat(instance).hasPassed("EndEvent_ExtensionHandled");
    // UFPS: definitive subjects not sent by the end of week 2 → enrolment definitive
    ufps.confirmArrival(instance, today());
    ufps.executeJob(instance, "BoundaryEvent_DefinitiveSubjectsDeadline");
    assertThat(ufps.variable(instance, "enrolmentDefinitive")).isEqualTo(true);
    // UFPS interruption evaluated by the ORII
    ufps.message(instance, "WithdrawalRequested", Map.of("withdrawalReason", "Enfermedad"));
    ufps.complete(instance, "Task_EvaluateWithdrawalOri", Map.of("forceMajeure", "true", "withdrawalNotes", "Avalada"));
    ufps.executeJob(instance, "SendTask_NotifyWithdrawal");
    assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn");
  }

  @Test
  void aCesmagExchangeWithTwoFailedCoursesIsBannedFromFurtherExchanges() {
    Map<String, Object> request = cesmag.cesmagExchange();
    request.put("supportRequested", true);
    ProcessInstance instance = accepted(cesmag, request);
    cesmag.complete(instance, "Task_ProcessCesmagSupport", Map.of("supportGranted", "true", "supportAmount", 3_000_000));
    cesmag.enrol(instance);
    cesmag.deliverPreDeparture(instance);
    cesmag.confirmArrival(instance, today());
    cesmag.executeJob(instance, "BoundaryEvent_MobilityEnded");
    cesmag.recordTranscript(instance, "H1; Física; L1; Física I; 40; 0; 60; 100\nH2; Química; L2; Química; 50; 0; 60; 100");
    assertThat(cesmag.variable(instance, "failedCourses")).isEqualTo(2);
    cesmag.complete(instance, "Task_HomologateCesmag", homologation());
    cesmag.complete(instance, "Task_RecordGrades", Map.of("gradesRecorded", "true", "recordRef", "RUAH"));
    cesmag.executeJob(instance, "SendTask_NotifyCompleted");
    assertThat(bans.find("cesmag", (String) request.get("documentNumber"))).extracting(Ban::scope)
        .contains(Ban.Scope.EXCHANGE_PERMANENT);
  }

  @Test
  void aUnalPostgraduateNeedsTheTutorAndAShortUfpsMobilityIsReportedToTheCouncils() {
    Map<String, Object> request = unal.unalCourses();
    request.put("programLevel", "MAESTRIA");
    ProcessInstance instance = unal.start(request);
    unal.complete(instance, "Task_AuthorizePostgraduate", Map.of("tutorAuthorization", "false",
        "tutorNotes", "El proyecto de tesis no lo permite este periodo"));
    assertThat(unal.failedRules(instance)).contains("UN-SO-04");
    unal.executeJob(instance, "SendTask_NotifyAcademicRejection");
    assertThat(instance).isEnded().hasPassed("EndEvent_AcademicRejection");

    ProcessInstance authorized = unal.start(unal.unalCourses());
    runtimeService.deleteProcessInstance(authorized.getId(), "fin de la prueba");
    Map<String, Object> second = unal.unalCourses();
    second.put("programLevel", "MAESTRIA");
    ProcessInstance postgrad = unal.start(second);
    unal.complete(postgrad, "Task_AuthorizePostgraduate", Map.of("tutorAuthorization", "true"));
    assertThat(postgrad).isWaitingAt("Task_PrepareLearningAgreement");
    runtimeService.deleteProcessInstance(postgrad.getId(), "fin de la prueba");

    LocalDate start = today().plusDays(70);
    Map<String, Object> shortMobility = ufps.ufpsSemester();
    shortMobility.put("ufpsType", "CORTA_EVENTO");
    shortMobility.put("route", "DIRECT_INVITATION");
    shortMobility.put("startDate", start.toString());
    shortMobility.put("endDate", start.plusDays(4).toString());
    shortMobility.put("targetPeriod", StudentOutgoingDriver.period(start));
    shortMobility.remove("proposedCourses");
    ProcessInstance event = ufps.start(shortMobility);
    assertThat(ufps.variable(event, "eligible")).as("%s", ufps.variable(event, "failedRulesText")).isEqualTo(true);
    ufps.complete(event, "Task_EndorseCurricularCommittee", Map.of("academicDecision", "APPROVED"));
    ufps.executeJob(event, "SendTask_ReportShortMobility");
    assertThat(ufps.mailTemplates(event.getBusinessKey())).contains("student-outgoing-short-mobility");
    assertThat(event).isWaitingAt("Task_SubmitApplicationDocuments");
    runtimeService.deleteProcessInstance(event.getId(), "fin de la prueba");
  }

  // ---- REST start with a bad variable ------------------------------------------------------------

  @Test
  void aRestStartWithABadVariableIsRefusedWith400AndLeavesNoInstance() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(StudentOutgoingDriver.KEY)
        .count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("cesmag.ori-staff", "demo");
    Map<String, Object> request = cesmag.cesmagExchange();
    request.put("cumulativeGpa", 5.5);
    request.remove("initiator");
    StringBuilder json = new StringBuilder("{\"variables\":{");
    request.forEach((name, value) -> json.append(json.length() > 14 ? "," : "").append('"').append(name)
        .append("\":{\"value\":").append(value instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : value)
        .append(",\"type\":\"").append(value instanceof String ? "String" : value instanceof Integer ? "Integer"
            : value instanceof Double ? "Double" : "Boolean").append("\"}"));
    String body = json.append("}}").toString();
    ResponseEntity<String> answer = rest.postForEntity("/engine-rest/process-definition/key/"
        + StudentOutgoingDriver.KEY + "/tenant-id/cesmag/start", new HttpEntity<>(body, headers), String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("cumulativeGpa");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(StudentOutgoingDriver.KEY)
        .count()).isEqualTo(before);
  }

  static List<String> list(String... items) {
    return Arrays.asList(items);
  }
}
