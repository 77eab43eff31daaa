package co.ori.cooperation.process;

import static co.ori.cooperation.process.CooperationProcessDriver.BANK_EMAIL;
import static co.ori.cooperation.process.CooperationProcessDriver.HEAD;
import static co.ori.cooperation.process.CooperationProcessDriver.LEAD;
import static co.ori.cooperation.process.CooperationProcessDriver.LEAD_EMAIL;
import static co.ori.cooperation.process.CooperationProcessDriver.PROFESSIONAL;
import static co.ori.cooperation.process.CooperationProcessDriver.TENANT;
import static co.ori.cooperation.process.CooperationProcessDriver.assertInvalid;
import static co.ori.cooperation.process.CooperationProcessDriver.dayEnd;
import static co.ori.cooperation.process.CooperationProcessDriver.dayStart;
import static co.ori.cooperation.process.CooperationProcessDriver.formStart;
import static co.ori.cooperation.process.CooperationProcessDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.cooperation.CooperationCall;
import co.ori.cooperation.CooperationCallMatrix;
import co.ori.cooperation.CooperationCallStatus;
import co.ori.cooperation.CooperationOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code processes/pasto-cooperation-strategy.bpmn} (procedures.md §2.b, source
 * 001 AI-P-003) on the real engine, tenant {@code pasto}, with the real calls matrix, mail
 * outbox and business calendar; the matrix status is checked after each step that changes it.
 * Timers and asynchronous send tasks are executed explicitly (job executor off). The process
 * test coverage report is written to {@code target/process-test-coverage/}; the class fails
 * below 90 % of the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // The coverage library finds a model by key without tenant, so this context deploys the
    // procedures of tenant pasto only (as AgreementFormalizationProcessTest does for umc).
    "ori.tenants[0].id=pasto",
    "ori.tenants[0].name=Alcaldía de Pasto",
    "ori.tenants[0].procedures[0]=pasto-cooperation-strategy"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class CooperationStrategyProcessTest {

  /** Coverage of the model required of this class. */
  static final double REQUIRED_COVERAGE = 0.9;

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties cooperationCoverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(REQUIRED_COVERAGE)
          .build();
    }
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CooperationCallMatrix matrix;
  @Autowired JdbcClient jdbc;

  private CooperationProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    driver = new CooperationProcessDriver(runtimeService, taskService, managementService, matrix, jdbc);
  }

  // ---- an awarded, supervised project to its closing minute ------------------------------------

  @Test
  void anAwardedSupervisedProjectIsFollowedUpToItsClosingMinute() {
    LocalDate closing = today().plusDays(60);
    ProcessInstance instance = driver.start(formStart("Seguridad alimentaria rural 2026", closing));

    // P1: registered in the matrix as IDENTIFIED, resources built from the form's flat fields
    assertThat(instance.getBusinessKey()).matches("^COOP-\\d{4}-\\d{4}$");
    assertThat(instance).isWaitingAt("Task_PresentCall").hasPassed("ServiceTask_RegisterCall");
    CooperationCall row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.IDENTIFIED);
    assertThat(row.outcome()).isNull();
    assertThat(row.title()).isEqualTo("Seguridad alimentaria rural 2026");
    assertThat(row.hostCountry()).isEqualTo("España");
    assertThat(row.closingDate()).isEqualTo(closing);
    assertThat(row.resourcesAmount()).isEqualByComparingTo(new BigDecimal("150000"));
    assertThat(row.currency()).isEqualTo("EUR");
    assertThat(row.priorityScore()).isEqualTo(4);
    assertThat(row.processInstanceId()).isEqualTo(instance.getId());
    SpinJsonNode resources = (SpinJsonNode) driver.variable(instance, "resources");
    assertThat(resources.prop("amount").numberValue().doubleValue()).isEqualTo(150000.0);
    assertThat(resources.prop("currency").stringValue()).isEqualTo("EUR");
    assertThat(driver.variable(instance, "closingDate")).isEqualTo(dayStart(closing));
    assertThat(driver.variable(instance, "priorityScore")).isEqualTo(4);
    assertThat(driver.variable(instance, "resourcesText")).isEqualTo("EUR 150.000,00");
    Task present = driver.task(instance, "Task_PresentCall");
    assertThat(present.getDueDate()).isEqualTo(dayEnd(closing));
    assertThat(groupsOf(present)).containsExactly("pasto-professional");

    // P2-P3: the head validates → VALIDATED
    driver.complete(instance, "Task_PresentCall", Map.of("callSummary", "Convocatoria de AECID."));
    assertThat(groupsOf(driver.task(instance, "Task_ValidateCall"))).containsExactly("pasto-office-head");
    driver.complete(instance, "Task_ValidateCall", Map.of("applyDecision", "true"));
    assertThat(driver.variable(instance, "applyDecision")).isEqualTo(Boolean.TRUE);
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.VALIDATED);

    // P5: the form's addressee fields are checked, then the information letter goes to each addressee
    assertInvalid(() -> driver.complete(instance, "Task_InformCall", Map.of()), "targetAddressees");
    assertInvalid(() -> driver.complete(instance, "Task_InformCall", Map.of("addressee1Name", LEAD,
        "addressee1Type", "DEPENDENCY")), "addressee1Email");
    assertInvalid(() -> driver.complete(instance, "Task_InformCall", Map.of("addressee1Name", LEAD,
        "addressee1Type", "DEPENDENCY", "addressee1Email", LEAD_EMAIL, "addressee2Email", BANK_EMAIL)), "addressee2Name");
    Map<String, Object> slots = new HashMap<>(Map.of("addressee1Name", LEAD, "addressee1Type", "DEPENDENCY",
        "addressee1Email", LEAD_EMAIL, "addressee2Name", "Banco de Proyectos de la Alcaldía",
        "addressee2Type", "PROJECT_BANK", "addressee2Email", BANK_EMAIL, "addressee3Name", ""));
    driver.complete(instance, "Task_InformCall", slots);
    assertThat(driver.variable(instance, "addresseeMailTo")).isEqualTo(LEAD_EMAIL + "," + BANK_EMAIL);
    SpinJsonNode addressees = (SpinJsonNode) driver.variable(instance, "targetAddressees");
    assertThat(addressees.elements()).extracting(a -> a.prop("type").stringValue())
        .containsExactly("DEPENDENCY", "PROJECT_BANK");
    driver.executeJob(instance, "SendTask_InformationLetter");
    Map<String, Object> letter = driver.mails(instance.getBusinessKey()).get(0);
    assertThat(letter.get("template")).isEqualTo("pasto-information-letter");
    assertThat((String) letter.get("recipients")).contains(LEAD_EMAIL, BANK_EMAIL);
    assertThat((String) letter.get("body")).contains("Seguridad alimentaria rural 2026", "EUR 150.000,00",
        "Alcaldía de Pasto", dayText(closing));

    // P6: the answer is due 10 Colombian business days before the closing date (T08)
    Task answer = driver.task(instance, "Task_RecordAddresseeAnswer");
    Date answerDeadline = (Date) driver.variable(instance, "answerDeadline");
    assertThat(answer.getDueDate()).isEqualTo(answerDeadline);
    assertThat(driver.job(instance, "BoundaryEvent_AnswerDeadline").getDuedate()).isEqualTo(answerDeadline);
    assertThat(answerDeadline).isBefore(dayEnd(closing)).isAfter(dayEnd(closing.minusDays(20)));
    // an acceptance must name the dependency that applies
    assertInvalid(() -> driver.complete(instance, "Task_RecordAddresseeAnswer",
        Map.of("addresseeAnswer", "ACCEPTS")), "leadDependency");
    driver.complete(instance, "Task_RecordAddresseeAnswer", Map.of("addresseeAnswer", "ACCEPTS",
        "leadDependency", LEAD, "delegateIds", "Ana Gómez\nLuis Rosero\n"));
    assertThat(driver.variable(instance, "leadDependencyEmail")).isEqualTo(LEAD_EMAIL);
    assertThat(((SpinJsonNode) driver.variable(instance, "delegateIds")).elements())
        .extracting(SpinJsonNode::stringValue).containsExactly("Ana Gómez", "Luis Rosero");
    assertThat(driver.variable(instance, "delegatesText")).isEqualTo("Ana Gómez, Luis Rosero");
    assertThat(driver.row(instance).leadDependency()).isEqualTo(LEAD);

    // P7-P9 with one correction round
    assertThat(instance).isWaitingAt("Task_FormalizeCommitments");
    assertThat(driver.task(instance, "Task_FormalizeCommitments").getDueDate()).isEqualTo(dayEnd(closing));
    assertThat(driver.job(instance, "BoundaryEvent_CallClosed").getDuedate()).isEqualTo(dayEnd(closing));
    driver.complete(instance, "Task_FormalizeCommitments", Map.of("commitmentsMinutesRef", "https://dms/acta-41",
        "commitmentParticipants", "Oficina, Banco de Proyectos, Secretaría de Desarrollo Económico"));
    assertThat(groupsOf(driver.task(instance, "Task_DraftProject")))
        .containsExactlyInAnyOrder("pasto-professional", "pasto-project-bank");
    driver.complete(instance, "Task_DraftProject", Map.of("projectDraftRef", "https://dms/proyecto-v1"));
    assertThat(groupsOf(driver.task(instance, "Task_ReviewProject"))).containsExactly("pasto-dependency-lead");
    assertInvalid(() -> driver.complete(instance, "Task_ReviewProject",
        Map.of("projectDecision", "CORRECTIONS")), "projectCorrections");
    driver.complete(instance, "Task_ReviewProject", Map.of("projectDecision", "CORRECTIONS",
        "projectCorrections", "Ajustar el presupuesto al formato de la AECID."));
    assertThat(instance).isWaitingAt("Task_DraftProject");
    driver.complete(instance, "Task_DraftProject", Map.of("projectDraftRef", "https://dms/proyecto-v2"));
    assertThat(driver.variable(instance, "projectVersion")).isEqualTo(2);
    assertThat(driver.variable(instance, "projectDecision")).isNull();
    driver.complete(instance, "Task_ReviewProject", Map.of("projectDecision", "APPROVED",
        "finalProjectRef", "https://dms/proyecto-final"));

    // P10: submission not after the closing date → SUBMITTED
    assertInvalid(() -> driver.complete(instance, "Task_SubmitProject", Map.of("submissionChannel", "PLATFORM",
        "submissionRef", "R-1", "submissionDate", today().plusDays(1).toString())), "submissionDate");
    driver.complete(instance, "Task_SubmitProject", Map.of("submissionChannel", "PLATFORM",
        "submissionRef", "AECID-2026-00981", "submissionDate", today().toString()));
    row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.SUBMITTED);
    assertThat(row.submissionChannel()).isEqualTo("PLATFORM");
    assertThat(row.submissionRef()).isEqualTo("AECID-2026-00981");
    assertThat(row.submissionDate()).isEqualTo(today());
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();

    // P11: awarded → AWARDED, the dependency is told by mail
    LocalDate projectEnd = today().plusMonths(8);
    assertInvalid(() -> driver.complete(instance, "Task_RecordResult", Map.of("resultAccepted", "true",
        "projectEndDate", projectEnd.toString())), "officeSupervises");
    driver.award(instance, true, projectEnd);
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.AWARDED);
    Map<String, Object> notice = driver.mails(instance.getBusinessKey()).get(1);
    assertThat(notice.get("template")).isEqualTo("pasto-result-notice");
    assertThat(notice.get("recipients")).isEqualTo(LEAD_EMAIL);
    assertThat((String) notice.get("body")).contains("fue APROBADO", "AECID-2026-00981");

    // P14: the head designates a professional of the tenant (checked under the head's authorization)
    Task designate = driver.task(instance, "Task_DesignateSupervisor");
    assertThat(groupsOf(designate)).containsExactly("pasto-office-head");
    SpinJsonNode options = (SpinJsonNode) driver.variable(instance, "professionalOptions");
    assertThat(options.elements()).extracting(o -> o.prop("value").stringValue()).contains(PROFESSIONAL)
        .doesNotContain(HEAD);
    identityService.setAuthentication(HEAD, List.of("pasto-office-head"), List.of(TENANT));
    try {
      assertInvalid(() -> taskService.complete(designate.getId(), Map.of("supervisorId", HEAD)), "supervisorId");
      assertInvalid(() -> taskService.complete(designate.getId(), Map.of("supervisorId", "nadie")), "supervisorId");
      taskService.complete(designate.getId(), Map.of("supervisorId", PROFESSIONAL));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(driver.variable(instance, "supervisorName")).isNotNull();

    // P15: the supervisor is assigned the follow-up; every 3 months a report is requested and reviewed
    Task registerEnd = driver.task(instance, "Task_RegisterProjectEnd");
    assertThat(registerEnd.getAssignee()).isEqualTo(PROFESSIONAL);
    assertThat(registerEnd.getDueDate()).isEqualTo(dayEnd(projectEnd));
    Job cycle = driver.job(instance, "StartEvent_ReportDue");
    assertThat(cycle.getDuedate()).isCloseTo(Date.from(ZonedDateTime.now(CooperationProcessDriver.BOGOTA)
        .plusMonths(3).toInstant()), 2 * 86_400_000L);
    managementService.executeJob(cycle.getId());
    driver.executeJob(instance, "SendTask_RequestExecutionReport");
    Map<String, Object> request = driver.mails(instance.getBusinessKey()).get(2);
    assertThat(request.get("template")).isEqualTo("pasto-execution-report-request");
    assertThat((String) request.get("recipients")).contains(LEAD_EMAIL, PROFESSIONAL + "@demo.ori.local");
    Task review = driver.task(instance, "Task_ReviewExecutionReport");
    assertThat(review.getAssignee()).isEqualTo(PROFESSIONAL);
    assertInvalid(() -> driver.complete(instance, "Task_ReviewExecutionReport", Map.of("reportRef", "https://dms/informe-1",
        "reportAssessment", "WITH_OBSERVATIONS")), "reportNotes");
    driver.complete(instance, "Task_ReviewExecutionReport", Map.of("reportRef", "https://dms/informe-1",
        "reportAssessment", "WITH_OBSERVATIONS", "reportNotes", "Retraso en la compra de insumos."));
    assertThat(instance).hasPassed("EndEvent_ReportReviewed").isWaitingAt("Task_RegisterProjectEnd");
    assertThat(driver.variable(instance, "reportAssessment")).isNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("reportAssessment").list()).extracting(HistoricVariableInstance::getValue)
        .contains("WITH_OBSERVATIONS");
    assertThat(driver.job(instance, "StartEvent_ReportDue").getId()).isNotEqualTo(cycle.getId());

    // a second round is still open when the supervisor registers the end: it is closed
    driver.executeJob(instance, "StartEvent_ReportDue");
    driver.executeJob(instance, "SendTask_RequestExecutionReport");
    assertInvalid(() -> driver.complete(instance, "Task_RegisterProjectEnd",
        Map.of("projectFinishedDate", today().plusDays(2).toString())), "projectFinishedDate");
    driver.complete(instance, "Task_RegisterProjectEnd", Map.of("projectFinishedDate", today().toString()));
    assertThat(instance).hasPassed("EndEvent_FollowUpEnded").isWaitingAt("Task_ClosingMinute");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();

    // P16: the closing minute is due projectEndDate + 30 days, when the head is reminded
    Task minute = driver.task(instance, "Task_ClosingMinute");
    assertThat(groupsOf(minute)).containsExactly("pasto-office-head");
    assertThat(minute.getDueDate()).isEqualTo(dayEnd(projectEnd.plusDays(30)));
    assertThat(driver.job(instance, "BoundaryEvent_ClosingMinuteOverdue").getDuedate())
        .isEqualTo(dayEnd(projectEnd.plusDays(30)));
    driver.executeJob(instance, "BoundaryEvent_ClosingMinuteOverdue");
    driver.executeJob(instance, "SendTask_ClosingMinuteReminder");
    assertThat(instance).hasPassed("EndEvent_ClosingReminderSent").isWaitingAt("Task_ClosingMinute");
    List<Map<String, Object>> mails = driver.mails(instance.getBusinessKey());
    Map<String, Object> reminder = mails.get(mails.size() - 1);
    assertThat(reminder.get("template")).isEqualTo("pasto-closing-minute-reminder");
    assertThat(reminder.get("recipients")).isEqualTo(HEAD + "@demo.ori.local");
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.AWARDED);

    driver.complete(instance, "Task_ClosingMinute", Map.of("closingMinuteRef", "https://dms/acta-final",
        "resultsSummary", "300 familias con huertas productivas.", "closingMinuteDate", today().toString()));
    assertThat(instance).isEnded().hasPassed("EndEvent_ProjectClosed");
    row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.CLOSED);
    assertThat(row.outcome()).isEqualTo(CooperationOutcome.PROJECT_CLOSED);
    assertThat(row.outcomeNotes()).isEqualTo("300 familias con huertas productivas.");
    assertThat(driver.mailTemplates(instance.getBusinessKey())).containsExactly("pasto-information-letter",
        "pasto-result-notice", "pasto-execution-report-request", "pasto-execution-report-request",
        "pasto-closing-minute-reminder");
  }

  // ---- a call not pursued (the head decides not to apply) ----------------------------------------

  @Test
  void aCallTheHeadDoesNotApplyToIsDiscarded() {
    ProcessInstance instance = driver.start("Fondo de innovación urbana");
    driver.complete(instance, "Task_PresentCall", Map.of("callSummary", "Exige cofinanciación del 50 %."));
    assertInvalid(() -> driver.complete(instance, "Task_ValidateCall", Map.of("applyDecision", "false")),
        "validationNotes");
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.IDENTIFIED);

    driver.complete(instance, "Task_ValidateCall", Map.of("applyDecision", false,
        "validationNotes", "No hay recursos de contrapartida este año."));

    assertThat(instance).isEnded().hasPassed("EndEvent_NotApplied");
    CooperationCall row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.DISCARDED);
    assertThat(row.outcome()).isEqualTo(CooperationOutcome.NOT_APPLIED);
    assertThat(row.outcomeNotes()).isEqualTo("No hay recursos de contrapartida este año.");
    assertThat(driver.mails(instance.getBusinessKey())).isEmpty();
  }

  // ---- a dependency that declines ------------------------------------------------------------

  @Test
  void aDependencyThatDeclinesByMessageIsAskedForItsReasonsAndTheCaseEndsWithoutParticipation() {
    ProcessInstance instance = driver.start("Programa de agua potable");
    driver.presentAndApply(instance);
    // a REST client may give the addressees as a Json list; each one is checked
    assertInvalid(() -> driver.complete(instance, "Task_InformCall", Map.of("targetAddressees",
        org.camunda.spin.Spin.JSON(List.of(CooperationProcessDriver.addressee("Secretaría de Salud", "DEPENDENCY",
            "salud-sin-arroba"))))), "targetAddressees");
    driver.complete(instance, "Task_InformCall", Map.of("targetAddressees", CooperationProcessDriver.addressees()));
    driver.executeJob(instance, "SendTask_InformationLetter");

    driver.correlate(instance, "ApplicationDeclined", Map.of("nonParticipationReasons", "Sin personal disponible."));

    assertThat(instance).hasPassed("BoundaryEvent_ApplicationDeclined")
        .isWaitingAt("SendTask_RequestNonParticipationLetter");
    driver.executeJob(instance, "SendTask_RequestNonParticipationLetter");
    Map<String, Object> request = driver.mails(instance.getBusinessKey()).get(1);
    assertThat(request.get("template")).isEqualTo("pasto-non-participation-request");
    assertThat((String) request.get("recipients")).contains(LEAD_EMAIL, BANK_EMAIL);
    assertThat(driver.task(instance, "Task_RecordNonParticipation")).isNotNull();
    assertInvalid(() -> driver.complete(instance, "Task_RecordNonParticipation",
        Map.of("nonParticipationReasons", " ")), "nonParticipationReasons");
    driver.complete(instance, "Task_RecordNonParticipation", Map.of("nonParticipationReasons",
        "La Secretaría no cuenta con personal para ejecutar el proyecto en 2026.",
        "replyLetterRef", "Oficio SDE-2026-118", "replyDate", today().toString()));

    assertThat(instance).isEnded().hasPassed("EndEvent_NoParticipation");
    CooperationCall row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.VALIDATED);
    assertThat(row.outcome()).isEqualTo(CooperationOutcome.NO_PARTICIPATION);
    assertThat(row.outcomeNotes()).startsWith("La Secretaría no cuenta con personal");
  }

  @Test
  void aDeclineRecordedInTheTaskAlsoAsksForTheReplyLetter() {
    ProcessInstance instance = driver.start("Cooperación técnica en catastro");
    driver.toAnswer(instance);
    driver.complete(instance, "Task_RecordAddresseeAnswer", Map.of("addresseeAnswer", "DECLINES",
        "answerDate", today().toString()));
    assertThat(instance).hasNotPassed("BoundaryEvent_ApplicationDeclined")
        .isWaitingAt("SendTask_RequestNonParticipationLetter");
  }

  // ---- more information: meeting with minutes and attendance, then back to waiting ------------

  @Test
  void aRequestForMoreInformationLeadsToAMeetingAndBackToWaiting() {
    ProcessInstance instance = driver.start("Ciudades sostenibles");
    driver.toAnswer(instance);
    assertThat(driver.variable(instance, "meetingCount")).isEqualTo(0);

    driver.correlate(instance, "MoreInfoRequested", Map.of("answerNotes", "Piden conocer la contrapartida."));
    assertThat(instance).hasPassed("BoundaryEvent_MoreInfoRequested").isWaitingAt("Task_HoldInformationMeeting");
    assertInvalid(() -> driver.complete(instance, "Task_HoldInformationMeeting", Map.of("meetingDate",
        today().toString(), "meetingMinutesRef", "https://dms/acta-reunion")), "attendanceRef");
    driver.complete(instance, "Task_HoldInformationMeeting", Map.of("meetingDate", today().toString(),
        "meetingMinutesRef", "https://dms/acta-reunion", "attendanceRef", "https://dms/asistencia"));
    assertThat(driver.variable(instance, "meetingCount")).isEqualTo(1);
    assertThat(instance).isWaitingAt("Task_RecordAddresseeAnswer");

    // the staff task can also ask for a meeting
    driver.complete(instance, "Task_RecordAddresseeAnswer", Map.of("addresseeAnswer", "MORE_INFO"));
    assertThat(instance).isWaitingAt("Task_HoldInformationMeeting");
    assertThat(driver.variable(instance, "meetingMinutesRef")).isNull();
    driver.complete(instance, "Task_HoldInformationMeeting", Map.of("meetingDate", today().toString(),
        "meetingMinutesRef", "https://dms/acta-reunion-2", "attendanceRef", "https://dms/asistencia-2"));
    assertThat(driver.variable(instance, "meetingCount")).isEqualTo(2);
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.VALIDATED);
    assertThat(driver.row(instance).outcome()).isNull();
  }

  // ---- T08: no answer → the head waits, then drops ------------------------------------------------

  @Test
  void withoutAnswerTheHeadFirstWaitsAndThenDropsTheCall() {
    LocalDate closing = LocalDate.of(2030, 7, 31);
    ProcessInstance instance = driver.start(formStart("Juventud y emprendimiento", closing));
    driver.toAnswer(instance);
    // 10 Colombian business days before Wednesday 31/07/2030 is Wednesday 17/07/2030
    Date deadline = dayEnd(LocalDate.of(2030, 7, 17));
    assertThat(driver.variable(instance, "answerDeadline")).isEqualTo(deadline);
    assertThat(driver.variable(instance, "answerDeadlineText")).isEqualTo("17/07/2030");
    assertThat(driver.job(instance, "BoundaryEvent_AnswerDeadline").getDuedate()).isEqualTo(deadline);

    driver.executeJob(instance, "BoundaryEvent_AnswerDeadline");
    driver.executeJob(instance, "SendTask_AnswerDeadlineNotice");
    Map<String, Object> notice = driver.mails(instance.getBusinessKey()).get(1);
    assertThat(notice.get("template")).isEqualTo("pasto-answer-deadline");
    assertThat(notice.get("recipients")).isEqualTo(HEAD + "@demo.ori.local");
    Task decide = driver.task(instance, "Task_DecideWaitOrDrop");
    assertThat(groupsOf(decide)).containsExactly("pasto-office-head");

    assertInvalid(() -> driver.complete(instance, "Task_DecideWaitOrDrop", Map.of("waitDecision", "WAIT",
        "waitUntil", closing.plusDays(1).toString())), "waitUntil");
    assertInvalid(() -> driver.complete(instance, "Task_DecideWaitOrDrop", Map.of("waitDecision", "WAIT")), "waitUntil");
    driver.complete(instance, "Task_DecideWaitOrDrop", Map.of("waitDecision", "WAIT",
        "waitUntil", LocalDate.of(2030, 7, 26).toString()));

    // back to waiting, until the chosen day
    assertThat(instance).isWaitingAt("Task_RecordAddresseeAnswer");
    assertThat(driver.job(instance, "BoundaryEvent_AnswerDeadline").getDuedate())
        .isEqualTo(dayEnd(LocalDate.of(2030, 7, 26)));
    assertThat(driver.task(instance, "Task_RecordAddresseeAnswer").getDueDate())
        .isEqualTo(dayEnd(LocalDate.of(2030, 7, 26)));

    driver.executeJob(instance, "BoundaryEvent_AnswerDeadline");
    driver.executeJob(instance, "SendTask_AnswerDeadlineNotice");
    assertThat(driver.variable(instance, "waitDecision")).isNull();
    assertInvalid(() -> driver.complete(instance, "Task_DecideWaitOrDrop", Map.of("waitDecision", "DROP")), "dropReason");
    driver.complete(instance, "Task_DecideWaitOrDrop", Map.of("waitDecision", "DROP",
        "dropReason", "Ninguna dependencia respondió al oficio."));

    assertThat(instance).isEnded().hasPassed("EndEvent_CallNotPursued");
    CooperationCall row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.VALIDATED);
    assertThat(row.outcome()).isEqualTo(CooperationOutcome.CALL_NOT_PURSUED);
    assertThat(row.outcomeNotes()).isEqualTo("Ninguna dependencia respondió al oficio.");
  }

  // ---- T07: a missed closing date ----------------------------------------------------------------

  @Test
  void aCallThatClosesBeforeTheSubmissionEndsMissed() {
    ProcessInstance instance = driver.start("Alianzas para el turismo comunitario");
    driver.toAnswer(instance);

    // an acceptance by message for an organization not informed needs its e-mail
    assertInvalid(() -> driver.correlate(instance, "ApplicationAccepted",
        Map.of("leadDependency", "Fundación Galeras")), "leadDependencyEmail");
    assertThat(instance).isWaitingAt("Task_RecordAddresseeAnswer");
    driver.correlate(instance, "ApplicationAccepted", Map.of("leadDependency", "Fundación Galeras",
        "leadDependencyEmail", "proyectos@fundaciongaleras.org", "delegateIds", List.of("María Burbano")));
    assertThat(instance).hasPassed("BoundaryEvent_ApplicationAccepted").isWaitingAt("Task_FormalizeCommitments");
    assertThat(driver.row(instance).leadDependency()).isEqualTo("Fundación Galeras");

    driver.complete(instance, "Task_FormalizeCommitments", Map.of("commitmentsMinutesRef", "https://dms/acta",
        "commitmentParticipants", "Oficina y Fundación Galeras"));
    assertThat(instance).isWaitingAt("Task_DraftProject");

    driver.executeJob(instance, "BoundaryEvent_CallClosed");

    assertThat(instance).isEnded().hasPassed("EndEvent_DeadlineMissed").hasNotPassed("Task_SubmitProject");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    CooperationCall row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.MISSED);
    assertThat(row.outcome()).isEqualTo(CooperationOutcome.DEADLINE_MISSED);
    assertThat(row.submissionRef()).isNull();
  }

  // ---- P11-P12: not awarded ---------------------------------------------------------------------

  @Test
  void aProjectTheCooperantDoesNotAcceptEndsNotAwarded() {
    ProcessInstance instance = driver.start("Energías renovables en escuelas rurales");
    driver.toCommitments(instance);
    driver.formulateAndSubmit(instance);
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.SUBMITTED);

    driver.complete(instance, "Task_RecordResult", Map.of("resultAccepted", "false",
        "resultNotes", "El puntaje no alcanzó el mínimo de la convocatoria."));
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.NOT_AWARDED);
    driver.executeJob(instance, "SendTask_ResultNotice");

    assertThat(instance).isEnded().hasPassed("EndEvent_NotAwarded");
    CooperationCall row = driver.row(instance);
    assertThat(row.status()).isEqualTo(CooperationCallStatus.NOT_AWARDED);
    assertThat(row.outcome()).isEqualTo(CooperationOutcome.NOT_AWARDED);
    Map<String, Object> notice = driver.mails(instance.getBusinessKey()).get(1);
    assertThat(notice.get("recipients")).isEqualTo(LEAD_EMAIL);
    assertThat((String) notice.get("body")).contains("NO fue aprobado", "El puntaje no alcanzó");
  }

  // ---- P13 no supervision: wait for the project end, then the closing minute ----------------------

  @Test
  void withoutTheOfficesSupervisionTheCaseWaitsForTheProjectEndAndCloses() {
    ProcessInstance instance = driver.start("Asistencia técnica en gestión del riesgo");
    driver.toCommitments(instance);
    driver.formulateAndSubmit(instance);
    LocalDate projectEnd = today().plusMonths(4);
    driver.award(instance, false, projectEnd);

    assertThat(instance).isWaitingAt("TimerEvent_ProjectEnds").hasNotPassed("Task_DesignateSupervisor");
    assertThat(driver.job(instance, "TimerEvent_ProjectEnds").getDuedate()).isEqualTo(dayEnd(projectEnd));
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.AWARDED);
    driver.executeJob(instance, "TimerEvent_ProjectEnds");

    driver.complete(instance, "Task_ClosingMinute", Map.of("closingMinuteRef", "https://dms/acta-final",
        "resultsSummary", "Plan municipal de gestión del riesgo actualizado.", "closingMinuteDate", today().toString()));
    assertThat(instance).isEnded().hasPassed("EndEvent_ProjectClosed");
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.CLOSED);
  }

  // ---- P15 ends by the ProjectFinished message or at the project end date -------------------------

  @Test
  void theProjectFinishedMessageEndsTheFollowUp() {
    ProcessInstance instance = toFollowUp("Movilidad sostenible");

    driver.correlate(instance, "ProjectFinished", Map.of());

    assertThat(instance).hasPassed("BoundaryEvent_ProjectFinished", "EndEvent_FollowUpEnded")
        .isWaitingAt("Task_ClosingMinute");
    assertThat(driver.variable(instance, "projectFinishedDate")).isEqualTo(dayStart(today()));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId("StartEvent_ReportDue")
        .count()).isZero();
  }

  @Test
  void theProjectEndDateEndsTheFollowUp() {
    ProcessInstance instance = toFollowUp("Cultura de paz");

    driver.executeJob(instance, "BoundaryEvent_ProjectEndReached");

    assertThat(instance).hasPassed("EndEvent_FollowUpEnded").isWaitingAt("Task_ClosingMinute");
    assertThat(driver.row(instance).status()).isEqualTo(CooperationCallStatus.AWARDED);
  }

  // ---- start rules --------------------------------------------------------------------------------

  @Test
  void aBadStartIsRefusedNamingTheVariableAndLeavesNothing() {
    int rowsBefore = matrix.findAll(TENANT).size();
    long before = runtimeService.createProcessInstanceQuery().tenantIdIn(TENANT).count();

    assertInvalid(() -> driver.start(with("closingDate", today().minusDays(1).toString())), "closingDate");
    assertInvalid(() -> driver.start(with("priorityScore", 7)), "priorityScore");
    assertInvalid(() -> driver.start(with("infoSource", "TELEVISION")), "infoSource");
    assertInvalid(() -> driver.start(with("resourcesCurrency", "PESOS")), "resourcesCurrency");
    assertInvalid(() -> driver.start(with("resourcesAmount", -5)), "resourcesAmount");
    assertInvalid(() -> driver.start(with("callUrl", "www.sin-protocolo.org")), "callUrl");
    assertInvalid(() -> driver.start(with("callTitle", "  ")), "callTitle");
    Map<String, Object> noResources = with("resourcesAmount", null);
    noResources.remove("resourcesCurrency");
    assertInvalid(() -> driver.start(noResources), "resources");

    assertThat(matrix.findAll(TENANT)).hasSize(rowsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().tenantIdIn(TENANT).count()).isEqualTo(before);
  }

  @Test
  void aRestClientMayGiveResourcesAsJsonAndDatesAsDates() {
    Map<String, Object> v = formStart("Gobernanza local", today().plusDays(45));
    v.remove("resourcesAmount");
    v.remove("resourcesCurrency");
    v.put("resources", org.camunda.spin.Spin.JSON("{\"amount\": 25000.5, \"currency\": \"usd\"}"));
    v.put("closingDate", dayStart(today().plusDays(45)));
    v.put("priorityScore", 2);
    ProcessInstance instance = driver.start(v);
    CooperationCall row = driver.row(instance);
    assertThat(row.currency()).isEqualTo("USD");
    assertThat(row.resourcesAmount()).isEqualByComparingTo("25000.50");
    assertThat(row.closingDate()).isEqualTo(today().plusDays(45));
  }

  // ---- the model --------------------------------------------------------------------------------

  @Test
  void theModelDeclaresTheContractNames() {
    var definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CooperationProcessDriver.KEY).tenantIdIn(TENANT).latestVersion().singleResult();
    var model = processEngine.getRepositoryService().getBpmnModelInstance(definition.getId());
    assertThat(definition.getName()).isEqualTo("Estrategia para la cooperación internacional (AI-P-003)");
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    for (String id : List.of("EndEvent_NotApplied", "EndEvent_CallNotPursued", "EndEvent_NoParticipation",
        "EndEvent_DeadlineMissed", "EndEvent_NotAwarded", "EndEvent_ProjectClosed")) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
    assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
        .extracting(org.camunda.bpm.model.bpmn.instance.Message::getName)
        .containsExactlyInAnyOrder("MoreInfoRequested", "ApplicationAccepted", "ApplicationDeclined", "ProjectFinished");
    for (var node : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
      assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class))
          .as("shape of %s", node.getId()).anyMatch(s -> s.getBpmnElement() == node);
    }
    // the demo users of the model's groups exist in the tenant
    for (String user : List.of(PROFESSIONAL, HEAD, "pasto.pasto-project-bank", "pasto.pasto-dependency-lead")) {
      User found = identityService.createUserQuery().userId(user).memberOfTenant(TENANT).singleResult();
      assertThat(found).as(user).isNotNull();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A case awarded with the office's supervision, supervisor designated: in P15. */
  private ProcessInstance toFollowUp(String title) {
    ProcessInstance instance = driver.start(title);
    driver.toCommitments(instance);
    driver.formulateAndSubmit(instance);
    driver.award(instance, true, today().plusMonths(6));
    driver.complete(instance, "Task_DesignateSupervisor", Map.of("supervisorId", PROFESSIONAL));
    assertThat(instance).isWaitingAt("Task_RegisterProjectEnd");
    return instance;
  }

  private static Map<String, Object> with(String name, Object value) {
    Map<String, Object> v = new HashMap<>(formStart("Convocatoria con error", today().plusDays(30)));
    v.put(name, value);
    return v;
  }

  private List<String> groupsOf(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
  }

  private static String dayText(LocalDate day) {
    return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
  }
}
