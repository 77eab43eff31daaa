package co.ori.mobility.teacher;

import static co.ori.mobility.teacher.TeacherMobilityDriver.TEACHER_USER;
import static co.ori.mobility.teacher.TeacherMobilityDriver.TENANT;
import static co.ori.mobility.teacher.TeacherMobilityDriver.assertInvalid;
import static co.ori.mobility.teacher.TeacherMobilityDriver.dayStart;
import static co.ori.mobility.teacher.TeacherMobilityDriver.newTeacherId;
import static co.ori.mobility.teacher.TeacherMobilityDriver.report;
import static co.ori.mobility.teacher.TeacherMobilityDriver.request;
import static co.ori.mobility.teacher.TeacherMobilityDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.support.BusinessCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code processes/teacher-outgoing-mobility.bpmn} ({@code procedures.md} §2.f,
 * 002 art. 35–38) on the real engine, tenant {@code cesmag}, with the tenant's DMN tables, the real
 * bans registry, mail outbox and business calendar. Timers and asynchronous send tasks are executed
 * explicitly (job executor off). The class fails below 90 % coverage of the model's flow nodes and
 * sequence flows (report in {@code target/process-test-coverage/}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // The coverage library looks models up by key without tenant: this context deploys only this
    // procedure to cesmag (the other procedures of cesmag are other classes' business).
    "ori.tenants[0].id=cesmag",
    "ori.tenants[0].name=Universidad CESMAG",
    "ori.tenants[0].procedures[0]=teacher-outgoing-mobility"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class TeacherOutgoingMobilityProcessTest {

  static final double REQUIRED_COVERAGE = 0.9;

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties teacherMobilityCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(REQUIRED_COVERAGE).build();
    }
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired DecisionService decisionService;
  @Autowired BanRegistry bans;
  @Autowired BusinessCalendar businessCalendar;
  @Autowired JdbcClient jdbc;

  private TeacherMobilityDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    driver = new TeacherMobilityDriver(runtimeService, taskService, managementService, jdbc);
  }

  // ---- TO2-TO4: eligibility of each class at its boundaries (§3.1.c) --------------------------

  /**
   * One request per row: class, employment type, stay (months + days after the start, end date
   * inclusive), and other facts; the expected failed rules ({@code []} = eligible).
   */
  static Stream<Arguments> eligibilityBoundaries() {
    return Stream.of(
        // CES-TO-01 (art. 36 row 1): docencia, misión, eventos académicos admit DHC too
        row("DOCENCIA hora cátedra", "DOCENCIA", "DHC", 0, 5, Map.of()),
        row("MISION_ACADEMICA DHC, exactly 3 months = CORTA", "MISION_ACADEMICA", "DHC", 3, 0, Map.of()),
        // CES-TO-06: one day over 3 months is MEDIA, not allowed for a misión académica
        row("MISION_ACADEMICA 3 months + 1 day = MEDIA", "MISION_ACADEMICA", "DTC", 3, 1, Map.of(), "CES-TO-06"),
        row("EVENTO_ACADEMICO asistente DHC", "EVENTO_ACADEMICO", "DHC", 0, 3, Map.of("eventRole", "ASISTENTE")),
        // CES-TO-11: a keynote speaker is not a role of an academic event (art. 35.3)
        row("EVENTO_ACADEMICO conferencista", "EVENTO_ACADEMICO", "DTC", 0, 3,
            Map.of("eventRole", "CONFERENCISTA_MAGISTRAL"), "CES-TO-11"),
        // CES-TO-02: científico-académico admits DTC and DMT, not DHC
        row("EVENTO_CIENTIFICO_ACADEMICO DMT conferencista", "EVENTO_CIENTIFICO_ACADEMICO", "DMT", 0, 3,
            Map.of("eventRole", "CONFERENCISTA_MAGISTRAL", "publicationAssuredPublindex", false)),
        row("EVENTO_CIENTIFICO_ACADEMICO DHC", "EVENTO_CIENTIFICO_ACADEMICO", "DHC", 0, 3,
            Map.of("eventRole", "CONFERENCISTA_MAGISTRAL"), "CES-TO-02"),
        // CES-TO-10 (Q9b): a speaker needs the Publindex publication, an attendee is not admitted
        row("EVENTO_CIENTIFICO_ACADEMICO ponente con Publindex", "EVENTO_CIENTIFICO_ACADEMICO", "DTC", 0, 3,
            Map.of("eventRole", "PONENTE", "publicationAssuredPublindex", true)),
        row("EVENTO_CIENTIFICO_ACADEMICO ponente sin Publindex", "EVENTO_CIENTIFICO_ACADEMICO", "DTC", 0, 3,
            Map.of("eventRole", "PONENTE", "publicationAssuredPublindex", false), "CES-TO-10"),
        row("EVENTO_CIENTIFICO_ACADEMICO asistente", "EVENTO_CIENTIFICO_ACADEMICO", "DMT", 0, 3,
            Map.of("eventRole", "ASISTENTE"), "CES-TO-10"),
        // CES-TO-03: investigación, estancia, alto nivel only DTC
        row("ACTIVIDAD_INVESTIGACION DTC larga", "ACTIVIDAD_INVESTIGACION", "DTC", 8, 0, Map.of()),
        row("ACTIVIDAD_INVESTIGACION DMT", "ACTIVIDAD_INVESTIGACION", "DMT", 1, 0, Map.of(), "CES-TO-03"),
        // CES-TO-09: estancia within an approved project with its budget line
        row("ESTANCIA_INVESTIGACION DTC media con proyecto", "ESTANCIA_INVESTIGACION", "DTC", 4, 0, Map.of()),
        row("ESTANCIA_INVESTIGACION sin rubro", "ESTANCIA_INVESTIGACION", "DTC", 1, 0,
            Map.of("budgetLine", ""), "CES-TO-09"),
        row("ESTANCIA_INVESTIGACION DMT sin proyecto", "ESTANCIA_INVESTIGACION", "DMT", 1, 0,
            Map.of("researchProjectApproved", false, "budgetLine", ""), "CES-TO-03", "CES-TO-09"),
        // CES-TO-06: alto nivel only LARGA: exactly 6 months passes, one day less fails
        row("FORMACION_ALTO_NIVEL exactly 6 months = LARGA", "FORMACION_ALTO_NIVEL", "DTC", 6, 0, Map.of()),
        row("FORMACION_ALTO_NIVEL 6 months - 1 day = MEDIA", "FORMACION_ALTO_NIVEL", "DTC", 5, 30, Map.of(), "CES-TO-06"),
        // CES-TO-04/06/07: intercambio lingüístico DHC, international, short or medium
        row("INTERCAMBIO_LINGUISTICO DHC internacional media", "INTERCAMBIO_LINGUISTICO", "DHC", 5, 0,
            abroad()),
        row("INTERCAMBIO_LINGUISTICO nacional", "INTERCAMBIO_LINGUISTICO", "DTC", 1, 0, Map.of(), "CES-TO-07"),
        row("INTERCAMBIO_LINGUISTICO 6 months = LARGA", "INTERCAMBIO_LINGUISTICO", "DTC", 6, 0, abroad(), "CES-TO-06"),
        row("CURSO_CORTO DHC virtual", "CURSO_CORTO", "DHC", 0, 20, Map.of("modality", "VIRTUAL")),
        row("CURSO_CORTO 3 months + 1 day", "CURSO_CORTO", "DMT", 3, 1, Map.of(), "CES-TO-06"),
        // CES-TO-07: sports/arts and social outreach only physical
        row("EVENTO_DEPORTIVO DHC presencial", "EVENTO_DEPORTIVO_ARTISTICO_CULTURAL", "DHC", 0, 4, Map.of()),
        row("EVENTO_DEPORTIVO híbrido", "EVENTO_DEPORTIVO_ARTISTICO_CULTURAL", "DTC", 0, 4,
            Map.of("modality", "HIBRIDA"), "CES-TO-07"),
        // CES-TO-05: proyección social only DTC, any stay; voluntariado DTC/DMT/DHC, short
        row("PROYECCION_SOCIAL DTC larga", "PROYECCION_SOCIAL", "DTC", 7, 0, Map.of()),
        row("PROYECCION_SOCIAL DMT", "PROYECCION_SOCIAL", "DMT", 0, 10, Map.of(), "CES-TO-05"),
        row("PROYECCION_SOCIAL virtual", "PROYECCION_SOCIAL", "DTC", 0, 10, Map.of("modality", "VIRTUAL"), "CES-TO-07"),
        row("VOLUNTARIADO DHC corta", "VOLUNTARIADO", "DHC", 3, 0, Map.of()),
        row("VOLUNTARIADO DHC media", "VOLUNTARIADO", "DHC", 3, 1, Map.of(), "CES-TO-06"),
        // art. 36 classes admit any scope and modality
        row("DOCENCIA DTC virtual internacional larga", "DOCENCIA", "DTC", 12, 0,
            Map.of("modality", "VIRTUAL", "scope", "INTERNACIONAL", "hostCountry", "México",
                "hostInstitution", "Universidad Nacional Autónoma de México")));
  }

  private static Map<String, Object> abroad() {
    return Map.of("scope", "INTERNACIONAL", "hostCountry", "Canadá", "hostInstitution", "Université Laval");
  }

  private static Arguments row(String name, String mobilityClass, String employment, int months, int days,
      Map<String, Object> facts, String... failed) {
    return Arguments.of(name, mobilityClass, employment, months, days, facts, Arrays.asList(failed));
  }

  @ParameterizedTest(name = "{0} → {6}")
  @MethodSource("eligibilityBoundaries")
  void eligibilityOfEachClassAtItsBoundaries(String name, String mobilityClass, String employment, int months,
      int days, Map<String, Object> facts, List<String> expectedFailed) {
    Map<String, Object> request = request(mobilityClass, employment);
    LocalDate start = today().plusDays(30);
    // end date inclusive: "months + days" of stay ends the day before start + months + days
    LocalDate end = start.plusMonths(months).plusDays(days).minusDays(1);
    request.put("startDate", start.toString());
    request.put("endDate", (end.isBefore(start) ? start : end).toString());
    request.putAll(facts);

    ProcessInstance instance = driver.start(request);

    assertThat(driver.failedRules(instance)).as(name).containsExactlyElementsOf(expectedFailed);
    assertThat(driver.variable(instance, "eligible")).isEqualTo(expectedFailed.isEmpty());
    assertThat(driver.variable(instance, "hasOverdueReport")).isEqualTo(false);
    if (expectedFailed.isEmpty()) {
      assertThat(instance).isWaitingAt("Task_ApproveLetterDirector");
      assertThat(driver.variable(instance, "failedRulesText")).isEqualTo("");
      runtimeService.deleteProcessInstance(instance.getId(), "prueba de elegibilidad");
      return;
    }
    assertThat(instance).isWaitingAt("SendTask_NotifyNotEligible");
    driver.executeJob(instance, "SendTask_NotifyNotEligible");
    assertThat(instance).isEnded().hasPassed("EndEvent_NotEligible");
    Map<String, Object> mail = driver.lastMail(instance.getBusinessKey());
    assertThat(mail.get("template")).isEqualTo("teacher-outgoing-not-eligible");
    assertThat(mail.get("recipients")).isEqualTo("lbenavides@unicesmag.edu.co");
    for (String rule : expectedFailed) {
      assertThat((String) mail.get("body")).contains("- " + rule + ": ").contains("Acuerdo 106 de 2023, art.");
    }
  }

  @Test
  void theStayTypeIsTheTenantTableOfArticle6WithExactBoundaries() {
    ProcessInstance threeMonths = driver.start(withStay(request("DOCENCIA", "DTC"), 3, 0));
    assertThat(driver.variable(threeMonths, "stayType")).isEqualTo("CORTA");
    assertThat(driver.variable(threeMonths, "stayWholeMonths")).isEqualTo(3);
    assertThat(driver.variable(threeMonths, "stayExtraDays")).isEqualTo(0);
    ProcessInstance moreThanThree = driver.start(withStay(request("DOCENCIA", "DTC"), 3, 1));
    assertThat(driver.variable(moreThanThree, "stayType")).isEqualTo("MEDIA");
    ProcessInstance almostSix = driver.start(withStay(request("DOCENCIA", "DTC"), 5, 30));
    assertThat(driver.variable(almostSix, "stayType")).isEqualTo("MEDIA");
    ProcessInstance six = driver.start(withStay(request("DOCENCIA", "DTC"), 6, 0));
    assertThat(driver.variable(six, "stayType")).isEqualTo("LARGA");
    assertThat(driver.variable(six, "stayTypeLabel")).isEqualTo("Estancia larga (6 meses o más)");
    for (ProcessInstance p : List.of(threeMonths, moreThanThree, almostSix, six)) {
      runtimeService.deleteProcessInstance(p.getId(), "prueba de tipo de estancia");
    }
  }

  private static Map<String, Object> withStay(Map<String, Object> request, int months, int days) {
    LocalDate start = today().plusDays(20);
    request.put("startDate", start.toString());
    request.put("endDate", start.plusMonths(months).plusDays(days).minusDays(1).toString());
    return request;
  }

  @Test
  void theEmploymentRowsThatNoValidRequestCanFailStillExistInTheTable() {
    // CES-TO-01 and CES-TO-04 admit every employment type the start form allows; the rows are in
    // the table (art. 36 and 37 row 1) and fire for an employment type outside DTC/DMT/DHC.
    assertThat(failedRulesOf("DOCENCIA", "OTRO", "CORTA")).containsExactly("CES-TO-01");
    assertThat(failedRulesOf("INTERCAMBIO_LINGUISTICO", "OTRO", "CORTA")).containsExactly("CES-TO-04");
    assertThat(failedRulesOf("VOLUNTARIADO", "OTRO", "CORTA")).containsExactly("CES-TO-05");
    assertThat(failedRulesOf("DOCENCIA", "DHC", "CORTA")).isEmpty();
  }

  private List<String> failedRulesOf(String mobilityClass, String employment, String stay) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("mobilityClass", mobilityClass);
    facts.put("employmentType", employment);
    facts.put("stayType", stay);
    facts.put("scope", "INTERNACIONAL");
    facts.put("modality", "PRESENCIAL");
    facts.put("eventRole", null);
    facts.put("publicationAssuredPublindex", false);
    facts.put("researchProjectApproved", false);
    facts.put("budgetLinePresent", false);
    facts.put("hasOverdueReport", false);
    DmnDecisionResult result = decisionService.evaluateDecisionByKey("teacher-outgoing-eligibility")
        .decisionDefinitionTenantId(TENANT).variables(Variables.fromMap(facts)).evaluate();
    return result.collectEntries("failedRule");
  }

  // ---- happy path with support, work plan, language certificate and the correction loops -------

  @Test
  void anInternationalTeachingMobilityGoesThroughEveryApprovalAndClosesWithTheReportOnTime() {
    Map<String, Object> request = request("DOCENCIA", "DTC");
    request.putAll(abroad());
    request.put("route", "INVITATION");
    request.put("invitationLetter", "https://gd.unicesmag.edu.co/movilidad/invitacion-laval.pdf");
    request.put("supportRequested", true);
    request.put("supportItems", org.camunda.spin.Spin.JSON("[\"REGISTRATION\",\"MAINTENANCE\"]"));
    request.put("estimatedCost", 4_500_000);
    request.put("languageCertificateRequired", "true");
    request.put("birthDate", "1980-05-17");
    LocalDate start = today().plusDays(45);
    LocalDate end = start.plusDays(20);
    request.put("startDate", start.toString());
    request.put("endDate", end.toString());

    ProcessInstance instance = driver.start(request);

    assertThat(instance.getBusinessKey()).matches("^MDS-\\d{4}-\\d{4}$");
    assertThat(instance).isWaitingAt("Task_ApproveLetterDirector");
    assertThat(driver.variable(instance, "eligible")).isEqualTo(true);
    assertThat(driver.failedRules(instance)).isEmpty();
    assertThat(driver.variable(instance, "stayType")).isEqualTo("CORTA");
    assertThat(driver.variable(instance, "startDate")).isEqualTo(dayStart(start));
    assertThat(driver.variable(instance, "estimatedCost")).isEqualTo(4_500_000.0);
    assertThat(driver.variable(instance, "teacherUser")).isEqualTo(TEACHER_USER);
    assertThat(driver.variable(instance, "ageAtStart"))
        .isEqualTo(java.time.Period.between(LocalDate.of(1980, 5, 17), start).getYears());
    assertThat(driver.variable(instance, "isMinor")).isEqualTo(false);
    assertThat(driver.variable(instance, "supportLabel")).isEqualTo("Inscripción, Manutención (costo estimado: $4.500.000)");
    assertThat(taskService.getIdentityLinksForTask(driver.task(instance, "Task_ApproveLetterDirector").getId()))
        .extracting(link -> link.getGroupId()).containsExactly("program-director");

    // TO5: cross-field rules of the director's decision
    assertInvalid(() -> driver.complete(instance, "Task_ApproveLetterDirector",
        Map.of("directorDecision", "REJECTED", "agendaImpactAcceptable", "true")), "directorNotes");
    assertInvalid(() -> driver.complete(instance, "Task_ApproveLetterDirector",
        Map.of("directorDecision", "APPROVED", "agendaImpactAcceptable", "false")), "agendaImpactAcceptable");
    driver.complete(instance, "Task_ApproveLetterDirector",
        Map.of("directorDecision", "APPROVED", "agendaImpactAcceptable", "true"));
    // TO6: the vice-rector designates who receives the report
    assertInvalid(() -> driver.complete(instance, "Task_ApproveLetterViceRector",
        Map.of("vrDecision", "APPROVED")), "reportReceiverId");
    driver.complete(instance, "Task_ApproveLetterViceRector",
        Map.of("vrDecision", "APPROVED", "reportReceiverId", "Comité de Internacionalización"));

    // TO7-TO8: support requested → budget study
    assertThat(instance).isWaitingAt("Task_BudgetStudy");
    assertInvalid(() -> driver.complete(instance, "Task_BudgetStudy", Map.of("budgetApproved", "true")),
        "approvedAmount");
    driver.complete(instance, "Task_BudgetStudy", Map.of("budgetApproved", "true", "approvedAmount", 3_000_000));
    assertThat(driver.variable(instance, "approvedAmount")).isEqualTo(3_000_000.0);

    // TO9: permit
    assertThat(instance).isWaitingAt("Task_LeavePermit");
    assertInvalid(() -> driver.complete(instance, "Task_LeavePermit", Map.of("permitGranted", "true")), "permitRef");
    driver.grantPermit(instance);
    Map<String, Object> approvedMail = driver.lastMail(instance.getBusinessKey());
    assertThat(approvedMail.get("template")).isEqualTo("teacher-outgoing-approved");
    assertThat((String) approvedMail.get("body"))
        .contains("Plan de trabajo de la movilidad, a más tardar el " + dmy(start.minusDays(2)))
        .contains("Certificado de conocimiento del idioma")
        .contains("Seguro de asistencia médica")
        .contains("a más tardar el " + dmy(start.minusDays(1)));

    // TO10: work plan (assigned to the teacher, due one day before the start) and documents in parallel
    assertThat(instance).isWaitingAt("Task_SubmitWorkPlan", "Task_SubmitDocuments");
    Task workPlanTask = driver.task(instance, "Task_SubmitWorkPlan");
    assertThat(workPlanTask.getAssignee()).isEqualTo(TEACHER_USER);
    assertThat(workPlanTask.getDueDate()).isEqualTo(dayStart(start.minusDays(1)));
    assertThat(driver.job(instance, "BoundaryEvent_WorkPlanDeadline").getDuedate()).isEqualTo(dayStart(start.minusDays(1)));
    assertThat(driver.job(instance, "BoundaryEvent_DocumentsDeadline").getDuedate()).isEqualTo(dayStart(start));
    assertThat(driver.task(instance, "Task_SubmitDocuments").getDueDate()).isEqualTo(dayStart(start));

    driver.complete(instance, "Task_SubmitWorkPlan", Map.of("workPlan", "https://gd.unicesmag.edu.co/plan-v1.pdf"));
    assertInvalid(() -> driver.complete(instance, "Task_ReviewWorkPlan", Map.of("workPlanAccepted", "false")),
        "workPlanNotes");
    driver.complete(instance, "Task_ReviewWorkPlan",
        Map.of("workPlanAccepted", "false", "workPlanNotes", "Detalle las sesiones por semana."));
    driver.complete(instance, "Task_SubmitWorkPlan", Map.of("workPlan", "https://gd.unicesmag.edu.co/plan-v2.pdf"));
    driver.complete(instance, "Task_ReviewWorkPlan", Map.of("workPlanAccepted", "true"));

    // documents: an international mobility in person needs passport and insurance
    assertInvalid(() -> driver.complete(instance, "Task_SubmitDocuments",
        Map.of("languageCertificate", "https://gd/ielts.pdf", "passportVisa", "https://gd/pasaporte.pdf")), "insurance");
    driver.complete(instance, "Task_SubmitDocuments", Map.of("languageCertificate", "https://gd/delf-a2.pdf",
        "passportVisa", "https://gd/pasaporte.pdf", "insurance", "https://gd/seguro.pdf"));
    // CES-TO-13: the certificate does not prove the host's level → recorded and returned to the teacher
    assertInvalid(() -> driver.complete(instance, "Task_ReviewDocuments",
        Map.of("docsComplete", "true", "languageCertificateValid", "false")), "languageCertificateValid");
    driver.complete(instance, "Task_ReviewDocuments", Map.of("docsComplete", "false",
        "languageCertificateValid", "false", "missingDocs", "La Universidad Laval exige nivel B2 de francés."));
    assertThat(driver.failedRules(instance)).containsExactly("CES-TO-13");
    assertThat(driver.variable(instance, "eligible")).isEqualTo(false);
    driver.complete(instance, "Task_SubmitDocuments", Map.of("languageCertificate", "https://gd/delf-b2.pdf"));
    driver.complete(instance, "Task_ReviewDocuments", Map.of("docsComplete", "true", "languageCertificateValid", "true"));
    assertThat(driver.failedRules(instance)).isEmpty();
    assertThat(driver.variable(instance, "eligible")).isEqualTo(true);

    // TO11: wait for the end of the mobility (end of its last day)
    assertThat(instance).hasPassed("EndEvent_DocumentsComplete").isWaitingAt("TimerEvent_MobilityEnded");
    assertThat(driver.job(instance, "TimerEvent_MobilityEnded").getDuedate())
        .isEqualTo(businessCalendar.endOfDay(dayStart(end)));
    driver.executeJob(instance, "TimerEvent_MobilityEnded");

    // TO12-TO13: mandatory report, due 10 Colombian business days after the end (Q12)
    Task reportTask = driver.task(instance, "Task_SubmitActivityReport");
    Date due = businessCalendar.addBusinessDays(dayStart(end), 10);
    assertThat(reportTask.getDueDate()).isEqualTo(due);
    assertThat(reportTask.getAssignee()).isEqualTo(TEACHER_USER);
    assertThat(driver.job(instance, "BoundaryEvent_ReportOverdue").getDuedate()).isEqualTo(due);
    assertInvalid(() -> driver.complete(instance, "Task_SubmitActivityReport",
        Map.of("activityReport", "https://gd/informe.pdf", "socializationDate", today().toString())), "hostEvidence");
    assertInvalid(() -> driver.complete(instance, "Task_SubmitActivityReport",
        Map.of("activityReport", "https://gd/informe.pdf", "hostEvidence", "https://gd/cert.pdf",
            "socializationDate", today().plusDays(3).toString())), "socializationDate");
    driver.complete(instance, "Task_SubmitActivityReport", report());

    assertThat(instance).isEnded().hasPassed("EndEvent_MobilityClosed").hasNotPassed("ServiceTask_LiftReportBan");
    assertThat(bans.find(TENANT, (String) historicVariable(instance, "teacherId"))).isEmpty();
    assertThat(driver.mailTemplates(instance.getBusinessKey())).containsExactly("teacher-outgoing-approved");
  }

  // ---- TO13 late report: ban blocks the next request, report lifts it -------------------------

  @Test
  void aLateReportBansTheTeachersNextRequestUntilTheReportArrives() {
    String teacherId = newTeacherId();
    ProcessInstance first = driver.toActivityReport(teacherId);

    // T18: the non-interrupting timer records the ban and warns the vice-rector; the task stays open
    driver.executeJob(first, "BoundaryEvent_ReportOverdue");
    driver.executeJob(first, "SendTask_NotifyReportOverdue");
    assertThat(first).hasPassed("ServiceTask_RecordReportBan", "EndEvent_OverdueRecorded")
        .isWaitingAt("Task_SubmitActivityReport");
    String banId = (String) driver.variable(first, "reportBanId");
    Ban ban = bans.findById(TENANT, banId).orElseThrow();
    assertThat(ban.personId()).isEqualTo(teacherId);
    assertThat(ban.scope()).isEqualTo(Ban.Scope.TEACHER_MOBILITY_APPROVAL);
    assertThat(ban.banUntil()).isNull();
    assertThat(ban.bannedPeriods()).isEmpty();
    assertThat(ban.sourceRule()).isEqualTo("002 art. 36 par. 1");
    assertThat(ban.processInstanceId()).isEqualTo(first.getId());
    assertThat(ban.isActive()).isTrue();
    Map<String, Object> overdue = driver.lastMail(first.getBusinessKey());
    assertThat(overdue.get("template")).isEqualTo("teacher-outgoing-report-overdue");
    assertThat((String) overdue.get("recipients")).contains("cesmag.vice-rector-area@demo.ori.local")
        .contains("lbenavides@unicesmag.edu.co");
    assertThat((String) overdue.get("body")).contains(banId).contains("10 días hábiles");

    // the same teacher's next request is blocked (TO4 → Blocked_PendingReport)
    Map<String, Object> next = request("CURSO_CORTO", "DMT");
    next.put("teacherId", teacherId);
    ProcessInstance blocked = driver.start(next);
    assertThat(driver.variable(blocked, "hasOverdueReport")).isEqualTo(true);
    assertThat(driver.failedRules(blocked)).containsExactly("CES-TO-08");
    assertThat(driver.variable(blocked, "eligible")).isEqualTo(false);
    assertThat(blocked).isWaitingAt("SendTask_NotifyBlocked");
    driver.executeJob(blocked, "SendTask_NotifyBlocked");
    assertThat(blocked).isEnded().hasPassed("EndEvent_BlockedPendingReport").hasNotPassed("EndEvent_NotEligible");
    Map<String, Object> blockedMail = driver.lastMail(blocked.getBusinessKey());
    assertThat(blockedMail.get("template")).isEqualTo("teacher-outgoing-blocked-pending-report");
    assertThat((String) blockedMail.get("body")).contains(banId).contains(first.getBusinessKey())
        .contains("art. 36 parágrafo 1");

    // another teacher is not affected
    ProcessInstance other = driver.start(request("CURSO_CORTO", "DMT"));
    assertThat(other).isWaitingAt("Task_ApproveLetterDirector");
    runtimeService.deleteProcessInstance(other.getId(), "otro docente");

    // the late report arrives: the ban is lifted and the first case closes
    driver.complete(first, "Task_SubmitActivityReport", report());
    assertThat(first).isEnded().hasPassed("ServiceTask_LiftReportBan", "EndEvent_MobilityClosed");
    Ban lifted = bans.findById(TENANT, banId).orElseThrow();
    assertThat(lifted.isActive()).isFalse();
    assertThat(lifted.liftReason()).contains(first.getBusinessKey());

    // now the teacher's next request is allowed
    ProcessInstance allowed = driver.start(next);
    assertThat(driver.variable(allowed, "hasOverdueReport")).isEqualTo(false);
    assertThat(driver.failedRules(allowed)).isEmpty();
    assertThat(allowed).isWaitingAt("Task_ApproveLetterDirector");
    runtimeService.deleteProcessInstance(allowed.getId(), "fin de la prueba");
  }

  // ---- TO5/TO6 rejections (gate CES-TO-12) -----------------------------------------------------

  @Test
  void aDirectorRejectionRecordsCesTo12AndNotifiesTheTeacher() {
    ProcessInstance instance = driver.start(request("MISION_ACADEMICA", "DMT"));
    driver.complete(instance, "Task_ApproveLetterDirector", Map.of("directorDecision", "REJECTED",
        "agendaImpactAcceptable", "false", "directorNotes", "Coincide con el cierre del semestre."));
    assertThat(driver.failedRules(instance)).containsExactly("CES-TO-12");
    assertThat(driver.variable(instance, "eligible")).isEqualTo(false);
    driver.executeJob(instance, "SendTask_NotifyLetterRejected");
    assertThat(instance).isEnded().hasPassed("EndEvent_LetterRejected").hasNotPassed("Task_ApproveLetterViceRector");
    Map<String, Object> mail = driver.lastMail(instance.getBusinessKey());
    assertThat(mail.get("template")).isEqualTo("teacher-outgoing-letter-rejected");
    assertThat((String) mail.get("body")).contains("la Dirección de Programa").contains("Coincide con el cierre del semestre.");
  }

  @Test
  void aViceRectorRejectionRecordsCesTo12AndNotifiesTheTeacher() {
    ProcessInstance instance = driver.start(request("DOCENCIA", "DTC"));
    driver.complete(instance, "Task_ApproveLetterDirector",
        Map.of("directorDecision", "APPROVED", "agendaImpactAcceptable", "true"));
    assertInvalid(() -> driver.complete(instance, "Task_ApproveLetterViceRector", Map.of("vrDecision", "REJECTED")),
        "vrNotes");
    driver.complete(instance, "Task_ApproveLetterViceRector",
        Map.of("vrDecision", "REJECTED", "vrNotes", "No hay relación con el plan de desarrollo."));
    driver.executeJob(instance, "SendTask_NotifyLetterRejected");
    assertThat(instance).isEnded().hasPassed("EndEvent_LetterRejected");
    assertThat(historicFailedRules(instance)).containsExactly("CES-TO-12");
    assertThat((String) driver.lastMail(instance.getBusinessKey()).get("body"))
        .contains("la Vicerrectoría del área").contains("No hay relación con el plan de desarrollo.");
  }

  // ---- TO8/TO8a/TO9: no budget, without support, permit denied ---------------------------------

  @Test
  void withoutBudgetTheTeacherMayWithdraw() {
    Map<String, Object> request = request("CURSO_CORTO", "DHC");
    request.put("route", "POSTULACION_INTERNA");
    ProcessInstance instance = driver.start(request);
    driver.approveLetter(instance);
    // internal application: prior financial viability even without support requested (art. 4.13)
    assertThat(instance).isWaitingAt("Task_BudgetStudy");
    assertInvalid(() -> driver.complete(instance, "Task_BudgetStudy", Map.of("budgetApproved", "false")), "budgetNotes");
    driver.complete(instance, "Task_BudgetStudy",
        Map.of("budgetApproved", "false", "budgetNotes", "Sin disponibilidad en la vigencia."));
    assertThat(driver.task(instance, "Task_DecideWithoutSupport").getAssignee()).isEqualTo(TEACHER_USER);
    driver.complete(instance, "Task_DecideWithoutSupport", Map.of("continueWithoutSupport", "false"));
    assertThat(instance).isEnded().hasPassed("EndEvent_WithdrawnWithoutSupport");
  }

  @Test
  void aTeacherContinuingWithoutSupportCanStillBeDeniedThePermit() {
    Map<String, Object> request = request("FORMACION_ALTO_NIVEL", "DTC");
    request.put("endDate", today().plusDays(60).plusYears(2).toString());
    ProcessInstance instance = driver.start(request);
    driver.approveLetter(instance);
    // formación de alto nivel: costs shared per its own regulation → budget study (art. 35.7)
    driver.complete(instance, "Task_BudgetStudy",
        Map.of("budgetApproved", "false", "budgetNotes", "Pendiente del comité de formación."));
    driver.complete(instance, "Task_DecideWithoutSupport", Map.of("continueWithoutSupport", "true"));
    assertInvalid(() -> driver.complete(instance, "Task_LeavePermit", Map.of("permitGranted", "false")), "permitNotes");
    driver.complete(instance, "Task_LeavePermit",
        Map.of("permitGranted", "false", "permitNotes", "La comisión de estudios no fue aprobada."));
    driver.executeJob(instance, "SendTask_NotifyPermitDenied");
    assertThat(instance).isEnded().hasPassed("Gateway_FundingMerge", "EndEvent_PermitDenied");
    assertThat((String) driver.lastMail(instance.getBusinessKey()).get("body"))
        .contains("La comisión de estudios no fue aprobada.");
  }

  // ---- TO10 deadlines: work plan late → postpone; documents late → cancel ----------------------

  @Test
  void aLateWorkPlanIsPostponedAndReevaluatedThenMissingDocumentsCancelTheMobility() {
    ProcessInstance instance = driver.start(request("MISION_ACADEMICA", "DTC"));
    driver.approveLetter(instance);
    driver.grantPermit(instance);
    assertThat(instance).isWaitingAt("Task_SubmitWorkPlan", "Task_SubmitDocuments");
    driver.complete(instance, "Task_SubmitDocuments", Map.of());
    assertThat(instance).isWaitingAt("Task_SubmitWorkPlan", "Task_ReviewDocuments");

    // T17: no work plan one day before the start → the whole document step stops
    driver.executeJob(instance, "BoundaryEvent_WorkPlanDeadline");
    assertThat(instance).hasPassed("EndEvent_WorkPlanLate", "BoundaryEvent_WorkPlanLateCaught")
        .isWaitingAt("Task_PostponeOrCancel");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(driver.variable(instance, "deadlineMissed")).isEqualTo("WORK_PLAN");

    assertInvalid(() -> driver.complete(instance, "Task_PostponeOrCancel", Map.of("postponeDecision", "POSTPONE",
        "postponeNotes", "El docente entregará el plan.", "newStartDate", today().toString(),
        "newEndDate", today().plusDays(3).toString())), "newStartDate");
    LocalDate newStart = today().plusDays(90);
    driver.complete(instance, "Task_PostponeOrCancel", Map.of("postponeDecision", "POSTPONE",
        "postponeNotes", "El docente entregará el plan.", "newStartDate", newStart.toString(),
        "newEndDate", newStart.plusDays(6).toString()));
    assertThat(instance).hasPassed("ServiceTask_Reschedule").isWaitingAt("SendTask_NotifyPostponed");
    driver.executeJob(instance, "SendTask_NotifyPostponed");
    assertThat(instance).isWaitingAt("Task_ApproveLetterDirector");
    Map<String, Object> postponed = driver.lastMail(instance.getBusinessKey());
    assertThat(postponed.get("template")).isEqualTo("teacher-outgoing-postponed");
    assertThat((String) postponed.get("body")).contains("del " + dmy(newStart) + " al " + dmy(newStart.plusDays(6)))
        .contains("El docente entregará el plan.");
    assertThat(driver.variable(instance, "startDate")).isEqualTo(dayStart(newStart));
    assertThat(driver.variable(instance, "postponements")).isEqualTo(1);
    assertThat(driver.variable(instance, "datesLabel")).isEqualTo(dmy(newStart) + " a " + dmy(newStart.plusDays(6)));
    assertThat(driver.variable(instance, "workPlanDeadline")).isEqualTo(dayStart(newStart.minusDays(1)));

    // second round: approvals again with the new dates; documents never complete → cancel
    driver.approveLetter(instance);
    driver.grantPermit(instance);
    driver.complete(instance, "Task_SubmitWorkPlan", Map.of("workPlan", "https://gd/plan.pdf"));
    driver.executeJob(instance, "BoundaryEvent_DocumentsDeadline");
    assertThat(instance).isWaitingAt("Task_PostponeOrCancel");
    assertThat(driver.variable(instance, "deadlineMissed")).isEqualTo("DOCUMENTS");
    assertThat(driver.variable(instance, "postponeDecision")).isNull();
    assertInvalid(() -> driver.complete(instance, "Task_PostponeOrCancel", Map.of("postponeDecision", "CANCEL")),
        "postponeNotes");
    driver.complete(instance, "Task_PostponeOrCancel",
        Map.of("postponeDecision", "CANCEL", "postponeNotes", "El docente no presentó los documentos."));
    driver.executeJob(instance, "SendTask_NotifyCancelled");
    assertThat(instance).isEnded().hasPassed("EndEvent_Cancelled");
    assertThat(driver.mailTemplates(instance.getBusinessKey())).containsExactly(
        "teacher-outgoing-approved", "teacher-outgoing-postponed", "teacher-outgoing-approved",
        "teacher-outgoing-cancelled");
  }

  // ---- TO12 optional report ------------------------------------------------------------------

  @Test
  void socialOutreachHasAnOptionalReportWithoutTimer() {
    ProcessInstance declined = optionalReportCase();
    assertThat(managementService.createJobQuery().processInstanceId(declined.getId()).count()).isZero();
    driver.complete(declined, "Task_SubmitOptionalReport", Map.of("reportSubmitted", "false"));
    assertThat(declined).isEnded().hasPassed("EndEvent_MobilityClosed").hasNotPassed("Task_SubmitActivityReport");

    ProcessInstance submitted = optionalReportCase();
    assertInvalid(() -> driver.complete(submitted, "Task_SubmitOptionalReport", Map.of("reportSubmitted", "true")),
        "activityReport");
    driver.complete(submitted, "Task_SubmitOptionalReport",
        Map.of("reportSubmitted", "true", "activityReport", "https://gd/informe-ps.pdf"));
    assertThat(submitted).isEnded().hasPassed("EndEvent_MobilityClosed");
  }

  private ProcessInstance optionalReportCase() {
    ProcessInstance instance = driver.start(request("PROYECCION_SOCIAL", "DTC"));
    driver.approveLetter(instance);
    assertThat(instance).isWaitingAt("Task_LeavePermit"); // no support, external call: no budget study
    driver.grantPermit(instance);
    driver.deliverDocuments(instance);
    driver.executeJob(instance, "TimerEvent_MobilityEnded");
    assertThat(instance).isWaitingAt("Task_SubmitOptionalReport");
    return instance;
  }

  // ---- ORI staff registering on the teacher's behalf ------------------------------------------

  @Test
  void oriStaffRegisteringForATeacherAssignsTheTeachersTasksToTheTeacher() {
    Map<String, Object> onBehalf = request("CURSO_CORTO", "DHC");
    onBehalf.put("initiator", "cesmag.ori-staff");
    onBehalf.put("teacherUserId", TEACHER_USER);
    ProcessInstance instance = driver.start(onBehalf);
    assertThat(driver.variable(instance, "teacherUser")).isEqualTo(TEACHER_USER);
    runtimeService.deleteProcessInstance(instance.getId(), "fin de la prueba");

    Map<String, Object> noTeacherUser = request("CURSO_CORTO", "DHC");
    noTeacherUser.put("initiator", "cesmag.ori-staff");
    ProcessInstance unassigned = driver.start(noTeacherUser);
    assertThat(driver.variable(unassigned, "teacherUser")).isNull();
    runtimeService.deleteProcessInstance(unassigned.getId(), "fin de la prueba");

    Map<String, Object> notATeacher = request("CURSO_CORTO", "DHC");
    notATeacher.put("teacherUserId", "cesmag.ori-staff");
    assertThat(assertInvalid(() -> driver.start(notATeacher), "teacherUserId")).hasMessageContaining("professor");
  }

  // ---- TO1 start validation ------------------------------------------------------------------

  @Test
  void badStartsAreRefusedNamingTheVariableAndLeaveNothing() {
    long history = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(TeacherMobilityDriver.KEY).count();
    assertInvalid(() -> driver.start(without(request("DOCENCIA", "DTC"), "teacherId")), "teacherId");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "mobilityClass", "PASANTIA")), "mobilityClass");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "employmentType", "DOCENTE")), "employmentType");
    Map<String, Object> endBeforeStart = request("DOCENCIA", "DTC");
    endBeforeStart.put("endDate", today().plusDays(59).toString());
    assertThat(assertInvalid(() -> driver.start(endBeforeStart), "endDate")).hasMessageContaining("anterior");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "startDate", today().toString())), "startDate");
    assertInvalid(() -> driver.start(without(request("EVENTO_ACADEMICO", "DTC"), "eventRole")), "eventRole");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "eventRole", "PONENTE")), "eventRole");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "scope", "INTERNACIONAL")), "scope");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "supportRequested", true)), "supportItems");
    Map<String, Object> noCost = with(request("DOCENCIA", "DTC"), "supportRequested", true);
    noCost.put("supportItems", "[\"TRAVEL\"]");
    assertInvalid(() -> driver.start(noCost), "estimatedCost");
    Map<String, Object> badItem = with(request("DOCENCIA", "DTC"), "supportRequested", true);
    badItem.put("supportItems", "[\"HOTEL\"]");
    assertInvalid(() -> driver.start(badItem), "supportItems");
    assertInvalid(() -> driver.start(without(request("DOCENCIA", "DTC"), "route")), "route");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "birthDate", today().toString())), "birthDate");
    assertInvalid(() -> driver.start(with(request("DOCENCIA", "DTC"), "email", "no-es-correo")), "email");
    Map<String, Object> invitedVirtual = with(request("DOCENCIA", "DTC"), "modality", "VIRTUAL");
    invitedVirtual.put("invitedToTeachInPerson", true);
    assertInvalid(() -> driver.start(invitedVirtual), "invitedToTeachInPerson");

    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(TeacherMobilityDriver.KEY).count()).isEqualTo(history);
  }

  @Test
  void aStartWithOnlyTheSpecVariablesIsAcceptedAndTheDirectorNeedsTheLetterToApprove() {
    // procedures.md §2.f.1 has no e-mail, purpose or birth date; the letter may come at TO5
    Map<String, Object> request = request("MISION_ACADEMICA", "DHC");
    request.remove("email");
    request.remove("purpose");
    request.remove("letterOfIntent");
    ProcessInstance instance = driver.start(request);
    assertThat(driver.variable(instance, "teacherMailTo")).isEqualTo("user:" + TEACHER_USER);
    assertThat(driver.variable(instance, "ageAtStart")).isNull();
    assertInvalid(() -> driver.complete(instance, "Task_ApproveLetterDirector",
        Map.of("directorDecision", "APPROVED", "agendaImpactAcceptable", "true")), "letterOfIntent");
    driver.complete(instance, "Task_ApproveLetterDirector", Map.of("directorDecision", "APPROVED",
        "agendaImpactAcceptable", "true", "letterOfIntent", "https://gd.unicesmag.edu.co/carta-recibida.pdf"));
    assertThat(instance).isWaitingAt("Task_ApproveLetterViceRector");
    runtimeService.deleteProcessInstance(instance.getId(), "fin de la prueba");
  }

  @Test
  void aTeacherInvitedToTeachInPersonHasTravelAndStayPaidByTheHost() {
    Map<String, Object> request = with(request("DOCENCIA", "DTC"), "invitedToTeachInPerson", true);
    request.put("supportRequested", true);
    request.put("supportItems", "[\"TRAVEL\",\"MAINTENANCE\"]");
    request.put("estimatedCost", 2_000_000.0);
    ProcessInstance instance = driver.start(request);
    // 002 art. 36 par. 2: nothing left to support → no budget study
    assertThat(driver.variable(instance, "supportRequested")).isEqualTo(false);
    assertThat(driver.variable(instance, "hostCoversStayAndTravel")).isEqualTo(true);
    driver.approveLetter(instance);
    assertThat(instance).isWaitingAt("Task_LeavePermit");
    runtimeService.deleteProcessInstance(instance.getId(), "fin de la prueba");
  }

  // ------------------------------------------------------------------------------------------

  private static Map<String, Object> with(Map<String, Object> v, String name, Object value) {
    v.put(name, value);
    return v;
  }

  private static Map<String, Object> without(Map<String, Object> v, String name) {
    v.remove(name);
    return v;
  }

  private static String dmy(LocalDate day) {
    return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private List<String> historicFailedRules(ProcessInstance instance) {
    org.camunda.spin.json.SpinJsonNode node = (org.camunda.spin.json.SpinJsonNode) historicVariable(instance, "failedRules");
    List<String> ids = new ArrayList<>();
    node.elements().forEach(e -> ids.add(e.stringValue()));
    return ids;
  }
}
