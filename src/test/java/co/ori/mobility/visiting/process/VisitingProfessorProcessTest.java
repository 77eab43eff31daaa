package co.ori.mobility.visiting.process;

import static co.ori.mobility.visiting.process.VisitingProfessorDriver.COORDINATOR;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.KEY;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.SIRE_KEY;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.TENANT;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.assertInvalid;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.colombianVirtualVisit;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.dayEnd;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.dayStart;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.foreignVisit;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.formDate;
import static co.ori.mobility.visiting.process.VisitingProfessorDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code processes/visiting-professor.bpmn} ({@code procedures.md} §2.g; 002 art.
 * 39–41) and of the shared subprocess {@code processes/sire-report.bpmn} it calls (§2.h.2), on
 * the real engine, tenant {@code cesmag}, with the real agreement registry, mail outbox and
 * business calendar. Timers and asynchronous send tasks are executed explicitly (job executor
 * off), so a timer's due date is asserted and then the timer is fired.
 *
 * <p>Coverage: the library asserts at least 90 % of the flow nodes and sequence flows of both
 * models together (it sums every model a class touches; a called process counts in its own
 * model); {@link #eachModelHasItsFlowNodesCovered} asserts at least 90 % of the flow nodes of
 * EACH model from the engine's history. The report is written to
 * {@code target/process-test-coverage/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // The coverage library finds a model by processDefinitionKey(key).latestVersion().singleResult(),
    // which is not tenant-aware: this context deploys cesmag's visiting-professor and sire-report only.
    "ori.tenants[0].id=cesmag",
    "ori.tenants[0].name=Universidad CESMAG",
    "ori.tenants[0].procedures[0]=visiting-professor",
    "ori.tenants[0].procedures[1]=sire-report"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class VisitingProfessorProcessTest {

  /** Coverage required of each model (flow nodes) and of both together (library, nodes and flows). */
  static final double REQUIRED_COVERAGE = 0.9;

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties visitingCoverageProperties() {
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
  @Autowired AgreementRegistry registry;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private VisitingProfessorDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    driver = new VisitingProfessorDriver(runtimeService, taskService, managementService, registry, jdbc);
  }

  // ---- full case: foreign, in person, SIRE, carné ------------------------------------------------

  @Test
  void aForeignInPersonVisitIsReportedInSireOnArrivalAndDepartureAndGetsAnIdCard() {
    LocalDate start = today().plusDays(20);
    LocalDate end = start.plusMonths(2);
    String agreementId = driver.activeAgreement();
    ProcessInstance visit = driver.start(foreignVisit(agreementId, start, end));

    // V1-V2: business key, normalized start variables, eligibility recorded (contract)
    assertThat(visit.getBusinessKey()).matches("^DVI-\\d{4}-\\d{4}$");
    assertThat(driver.variable(visit, "isForeign")).isEqualTo(Boolean.TRUE);
    assertThat(driver.variable(visit, "startDate")).isEqualTo(dayStart(start));
    assertThat(visit).hasPassed("ServiceTask_CheckFramework").isWaitingAt("Task_ApproveWorkPlan")
        .variables().containsEntry("agreementActive", true).containsEntry("eligible", true);
    assertThat(((SpinJsonNode) driver.variable(visit, "failedRules")).elements()).isEmpty();
    assertThat((String) driver.variable(visit, "frameworkDescription")).contains(agreementId).contains("ACTIVE");
    assertThat(groups(driver.task(visit, "Task_ApproveWorkPlan"))).containsExactly("program-director");

    // V3-V4: approved by both institutions
    driver.approveAndEndorse(visit);
    assertThat(visit).hasPassed("Gateway_HomeEndorsed", "ServiceTask_ComputeVisitFacts", "Gateway_SupportDone")
        .hasNotPassed("Task_ReviewSupport");
    assertThat(visit).variables().containsEntry("needsSire", true).containsEntry("inPerson", true)
        .containsEntry("needsIdCard", true).containsEntry("stayType", "CORTA")
        .containsEntry("visitStartTimer", dayStart(start)).containsEntry("visitEndTimer", dayEnd(end));

    // V6-V8 in parallel; V8 for the event coordinator (group and the registered coordinator), due startDate - 5 days
    assertThat(driver.openTasks(visit)).containsExactly(
        "Task_DeliverSireDocuments", "Task_InformMigrationRules", "Task_SendInvitationDocuments");
    Task sireDocuments = driver.task(visit, "Task_DeliverSireDocuments");
    assertThat(sireDocuments.getDueDate()).isEqualTo(dayEnd(start.minusDays(5)));
    assertThat(driver.job(visit, "BoundaryEvent_SireDocumentsDue").getDuedate()).isEqualTo(dayEnd(start.minusDays(5)));
    assertThat(groups(sireDocuments)).containsExactly("event-coordinator");
    assertThat(users(sireDocuments)).containsExactly(COORDINATOR);
    assertThat(groups(driver.task(visit, "Task_SendInvitationDocuments"))).containsExactly("ori-staff");

    // the V8 reminder fires at its due date without interrupting the task
    driver.executeJob(visit, "BoundaryEvent_SireDocumentsDue");
    driver.executeJob(visit, "SendTask_RemindSireDocuments");
    assertThat(visit).hasPassed("EndEvent_SireDocumentsReminderSent").isWaitingAt("Task_DeliverSireDocuments");
    Map<String, Object> reminder = driver.mails(visit.getBusinessKey()).get(0);
    assertThat(reminder.get("template")).isEqualTo("visiting-sire-documents-reminder");
    assertThat((String) reminder.get("recipients")).contains(COORDINATOR + "@demo.ori.local", "cesmag.ori-staff@demo.ori.local");
    assertThat((String) reminder.get("body")).contains("Ana Lucía Fernández").contains(start.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));

    assertInvalid(() -> driver.complete(visit, "Task_SendInvitationDocuments", Map.of(
        "invitationDocumentsRef", "https://dms/x", "invitationSentDate", formDate(today().plusDays(1)))), "invitationSentDate");
    driver.sendInvitation(visit);
    driver.informMigrationRules(visit);
    assertInvalid(() -> driver.complete(visit, "Task_DeliverSireDocuments", Map.of("visitorDocumentType", "CEDULA",
        "visitorDocumentNumber", "1", "visitorDocumentRef", "x", "migratoryDocumentType", "PASAPORTE",
        "migratoryDocumentRef", "y")), "visitorDocumentType");
    driver.deliverSireDocuments(visit);

    // the visit starts: V9 SIRE arrival (called case) and V10 (a), (b), (c) in parallel
    assertThat(visit).isWaitingAt("TimerEvent_VisitStarts");
    assertThat(driver.job(visit, "TimerEvent_VisitStarts").getDuedate()).isEqualTo(dayStart(start));
    driver.executeJob(visit, "TimerEvent_VisitStarts");
    assertThat(driver.openTasks(visit)).containsExactly(
        "Task_CulturalAdaptation", "Task_IssueIdCard", "Task_ProvideAcademicInformation");
    assertThat(groups(driver.task(visit, "Task_CulturalAdaptation"))).containsExactly("welfare-services");
    assertThat(groups(driver.task(visit, "Task_IssueIdCard"))).containsExactly("registrar");

    ProcessInstance arrival = driver.sireCase(visit);
    assertThat(arrival.getBusinessKey()).isEqualTo(visit.getBusinessKey());
    assertThat(arrival.getTenantId()).isEqualTo(TENANT);
    assertThat(runtimeService.getVariables(arrival.getId())).containsEntry("eventType", "ARRIVAL")
        .containsEntry("eventDate", dayStart(start)).containsEntry("personId", "G12345678")
        .containsEntry("personName", "Ana Lucía Fernández").containsEntry("sireEventLabel", "llegada")
        .containsEntry("personDocumentTypeText", "Documento extranjero").containsEntry("caseKey", visit.getBusinessKey());
    Task arrivalTask = driver.task(arrival.getId(), "Task_ReportInSire");
    assertThat(arrivalTask.getName()).isEqualTo("Reportar en SIRE la llegada de Ana Lucía Fernández");
    assertThat(arrivalTask.getDueDate()).isEqualTo(dayEnd(start.plusDays(15)));
    assertThat(groups(arrivalTask)).containsExactly("ori-staff");

    // T34 escalation of the overdue report, without interrupting it
    assertThat(driver.job(arrival, "BoundaryEvent_SireReportOverdue").getDuedate()).isEqualTo(dayEnd(start.plusDays(15)));
    driver.executeJob(arrival, "BoundaryEvent_SireReportOverdue");
    driver.executeJob(arrival, "SendTask_EscalateSireReport");
    assertThat(arrival).hasPassed("EndEvent_SireOverdueEscalated").isWaitingAt("Task_ReportInSire");
    Map<String, Object> overdue = driver.mails(visit.getBusinessKey()).get(1);
    assertThat(overdue.get("template")).isEqualTo("sire-report-overdue");
    assertThat(overdue.get("recipients")).isEqualTo("cesmag.ori-staff@demo.ori.local");
    assertThat((String) overdue.get("subject")).contains("llegada de Ana Lucía Fernández");

    assertInvalid(() -> taskService.complete(arrivalTask.getId(), Map.of("sireReportDate", formDate(today()))), "sireReceiptRef");
    driver.reportInSire(arrival, "SIRE-2026-000123");
    assertThat(arrival).isEnded().hasPassed("EndEvent_SireReported");
    assertThat(visit).variables().containsEntry("sireArrivalReceiptRef", "SIRE-2026-000123")
        .containsEntry("sireArrivalReportDate", dayStart(today()));

    driver.provideAcademicInformation(visit);
    driver.culturalAdaptation(visit);
    driver.issueIdCard(visit);

    // V11: end of the visit, then V12 SIRE departure
    assertThat(visit).isWaitingAt("TimerEvent_VisitEnds");
    assertThat(driver.job(visit, "TimerEvent_VisitEnds").getDuedate()).isEqualTo(dayEnd(end));
    driver.executeJob(visit, "TimerEvent_VisitEnds");
    ProcessInstance departure = driver.sireCase(visit);
    assertThat(runtimeService.getVariable(departure.getId(), "eventType")).isEqualTo("DEPARTURE");
    Task departureTask = driver.task(departure.getId(), "Task_ReportInSire");
    assertThat(departureTask.getName()).isEqualTo("Reportar en SIRE la salida de Ana Lucía Fernández");
    assertThat(departureTask.getDueDate()).isEqualTo(dayEnd(end.plusDays(15)));
    driver.reportInSire(departure, "SIRE-2026-000456");

    assertThat(visit).isEnded().hasPassed("CallActivity_SireArrival", "Task_IssueIdCard", "CallActivity_SireDeparture",
        "EndEvent_VisitClosed");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(visit.getId())
        .variableName("sireDepartureReceiptRef").singleResult().getValue()).isEqualTo("SIRE-2026-000456");
    assertThat(driver.mailTemplates(visit.getBusinessKey()))
        .containsExactly("visiting-sire-documents-reminder", "sire-report-overdue");
  }

  // ---- Colombian / virtual: no SIRE ----------------------------------------------------------------

  @Test
  void aColombianVirtualVisitHasNoSireCulturalAdaptationOrIdCard() {
    LocalDate start = today().plusDays(7);
    // exactly three months (end date inclusive, procedures.md §1.2): still a short stay
    ProcessInstance visit = driver.start(colombianVirtualVisit(start, start.plusMonths(3).minusDays(1)));

    assertThat(visit).variables().containsEntry("eligible", true).containsEntry("agreementActive", false);
    assertThat(driver.variable(visit, "agreementId")).isNull();
    driver.approveAndEndorse(visit);
    assertThat(visit).variables().containsEntry("needsSire", false).containsEntry("inPerson", false)
        .containsEntry("needsIdCard", false).containsEntry("stayType", "CORTA");
    assertThat(driver.openTasks(visit)).containsExactly("Task_SendInvitationDocuments");

    driver.sendInvitation(visit);
    driver.executeJob(visit, "TimerEvent_VisitStarts");
    assertThat(driver.openTasks(visit)).containsExactly("Task_ProvideAcademicInformation");
    driver.provideAcademicInformation(visit);
    driver.executeJob(visit, "TimerEvent_VisitEnds");

    assertThat(visit).isEnded().hasPassed("Gateway_DepartureSire", "EndEvent_VisitClosed")
        .hasNotPassed("Task_DeliverSireDocuments", "CallActivity_SireArrival", "CallActivity_SireDeparture",
            "Task_InformMigrationRules", "Task_CulturalAdaptation", "Task_IssueIdCard");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SIRE_KEY)
        .superProcessInstanceId(visit.getId()).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(visit.getId()).count()).isZero();
    assertThat(driver.mails(visit.getBusinessKey())).isEmpty();
  }

  // ---- T23 boundary: carné only for more than one month -------------------------------------------

  @Test
  void theIdCardIsIssuedOnlyForStaysLongerThanOneMonth() {
    LocalDate start = today().plusDays(10);
    ProcessInstance oneMonth = toArrival(start, start.plusMonths(1));
    ProcessInstance oneMonthAndADay = toArrival(start, start.plusMonths(1).plusDays(1));

    assertThat(driver.variable(oneMonth, "needsIdCard")).isEqualTo(false);
    assertThat(driver.openTasks(oneMonth)).containsExactly("Task_CulturalAdaptation", "Task_ProvideAcademicInformation");
    assertThat(driver.variable(oneMonthAndADay, "needsIdCard")).isEqualTo(true);
    assertThat(driver.openTasks(oneMonthAndADay))
        .containsExactly("Task_CulturalAdaptation", "Task_IssueIdCard", "Task_ProvideAcademicInformation");
  }

  /** A Colombian teacher of a Colombian institution, in person (no SIRE), up to the arrival block. */
  private ProcessInstance toArrival(LocalDate start, LocalDate end) {
    Map<String, Object> v = colombianVirtualVisit(start, end);
    v.put("modality", "PRESENCIAL");
    ProcessInstance visit = driver.start(v);
    driver.approveAndEndorse(visit);
    assertThat(driver.openTasks(visit)).containsExactly("Task_InformMigrationRules", "Task_SendInvitationDocuments");
    driver.sendInvitation(visit);
    driver.informMigrationRules(visit);
    driver.executeJob(visit, "TimerEvent_VisitStarts");
    return visit;
  }

  // ---- V2: framework and eligibility --------------------------------------------------------------

  @Test
  void aVisitUnderAnAgreementNotInForceEndsWithoutFrameworkAndTellsTheCoordinatorWhy() {
    LocalDate start = today().plusDays(30);
    String expired = driver.agreement(AgreementStatus.EXPIRED, today().minusYears(3), today().minusDays(1), false);
    ProcessInstance visit = driver.start(foreignVisit(expired, start, start.plusDays(10)));

    assertThat(visit).variables().containsEntry("agreementActive", false).containsEntry("eligible", false);
    assertThat(failedRules(visit)).containsExactly("CES-VT-01");
    driver.executeJob(visit, "SendTask_NotifyNotEligible");
    assertThat(visit).isEnded().hasPassed("EndEvent_NoFramework").hasNotPassed("Task_ApproveWorkPlan");
    Map<String, Object> mail = driver.mails(visit.getBusinessKey()).get(0);
    assertThat(mail.get("template")).isEqualTo("visiting-not-eligible");
    assertThat(mail.get("recipients")).isEqualTo(COORDINATOR + "@demo.ori.local");
    assertThat((String) mail.get("body")).contains("CES-VT-01").contains(expired).contains("estado vencido (EXPIRED)")
        .contains("art. 40 num. 1").contains("Universidad CESMAG");

    // in force, but it ends before the visit does: not covering the visit is CES-VT-01 too; with
    // CES-VT-02 also failing, both are listed and the outcome is still NoFramework
    String shortOne = driver.agreement(AgreementStatus.ACTIVE, today().minusYears(1), start.plusDays(5), false);
    Map<String, Object> both = foreignVisit(shortOne, start, start.plusDays(10));
    both.put("keepsHomeEmployment", false);
    ProcessInstance second = driver.start(both);
    assertThat(failedRules(second)).containsExactly("CES-VT-01", "CES-VT-02");
    driver.executeJob(second, "SendTask_NotifyNotEligible");
    assertThat(second).isEnded().hasPassed("EndEvent_NoFramework");
    assertThat((String) driver.mails(second.getBusinessKey()).get(0).get("body"))
        .contains("vence antes del fin de la visita").contains("CES-VT-02").contains("art. 40 num. 2");
  }

  @Test
  void aVisitorWhoDoesNotKeepHisHomeEmploymentIsNotEligible() {
    LocalDate start = today().plusDays(30);
    Map<String, Object> v = foreignVisit(driver.activeAgreement(), start, start.plusDays(10));
    v.put("keepsHomeEmployment", "false");
    ProcessInstance visit = driver.start(v);

    assertThat(visit).variables().containsEntry("agreementActive", true).containsEntry("eligible", false);
    assertThat(failedRules(visit)).containsExactly("CES-VT-02");
    driver.executeJob(visit, "SendTask_NotifyNotEligible");
    assertThat(visit).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("EndEvent_NoFramework");
    assertThat((String) driver.mails(visit.getBusinessKey()).get(0).get("body")).contains("CES-VT-02")
        .doesNotContain("CES-VT-01");
  }

  @Test
  void aVisitUnderANetworkInForceIsEligible() {
    LocalDate start = today().plusDays(15);
    String network = driver.agreement(AgreementStatus.EXPIRING, today().minusYears(2), start.plusMonths(1), true);
    Map<String, Object> v = foreignVisit(network, start, start.plusDays(20));
    v.put("frameworkType", "NETWORK");
    ProcessInstance visit = driver.start(v);
    assertThat(visit).isWaitingAt("Task_ApproveWorkPlan").variables().containsEntry("agreementActive", true);
    assertThat((String) driver.variable(visit, "frameworkDescription")).startsWith("La red de cooperación " + network);

    // a network id given as an agreement (or the reverse) is a bad start, not an outcome
    Map<String, Object> wrongKind = foreignVisit(network, start, start.plusDays(20));
    assertInvalid(() -> driver.start(wrongKind), "agreementId");
    runtimeService.deleteProcessInstance(visit.getId(), "prueba terminada");
  }

  // ---- V3-V4: work plan approvals ---------------------------------------------------------------

  @Test
  void aWorkPlanNotApprovedByTheProgramDirectorEndsTheCase() {
    LocalDate start = today().plusDays(30);
    ProcessInstance visit = driver.start(foreignVisit(driver.activeAgreement(), start, start.plusDays(10)));
    assertInvalid(() -> driver.complete(visit, "Task_ApproveWorkPlan", Map.of("workPlanApproved", "false")), "workPlanNotes");
    driver.complete(visit, "Task_ApproveWorkPlan", Map.of("workPlanApproved", "false",
        "workPlanNotes", "El plan no detalla las horas de docencia."));
    driver.executeJob(visit, "SendTask_NotifyWorkPlanNotApproved");

    assertThat(visit).isEnded().hasPassed("EndEvent_WorkPlanNotApproved").hasNotPassed("Task_RecordHomeEndorsement");
    assertThat(historyVariable(visit, "eligible")).isEqualTo(false);
    assertThat(((SpinJsonNode) historyVariable(visit, "failedRules")).elements().stream()
        .map(SpinJsonNode::stringValue).toList()).containsExactly("CES-VT-03");
    Map<String, Object> mail = driver.mails(visit.getBusinessKey()).get(0);
    assertThat(mail.get("template")).isEqualTo("visiting-work-plan-not-approved");
    assertThat((String) mail.get("body")).contains("El plan no detalla las horas de docencia.").contains("art. 40 num. 3");
  }

  @Test
  void theHomeEndorsementArrivesByMessageIsRemindedAndMayConfirmOtherDates() {
    LocalDate start = today().plusDays(30);
    ProcessInstance visit = driver.start(foreignVisit(driver.activeAgreement(), start, start.plusDays(10)));
    driver.complete(visit, "Task_ApproveWorkPlan", Map.of("workPlanApproved", true));
    Task endorsement = driver.task(visit, "Task_RecordHomeEndorsement");
    assertThat(groups(endorsement)).containsExactly("ori-staff");
    Date expectedDue = Date.from(endorsement.getCreateTime().toInstant().plus(15, ChronoUnit.DAYS));
    assertThat(endorsement.getDueDate()).isCloseTo(expectedDue, 60_000);

    // P15D reminder, the task stays open
    assertThat(driver.job(visit, "BoundaryEvent_EndorsementReminder").getDuedate()).isCloseTo(expectedDue, 60_000);
    driver.executeJob(visit, "BoundaryEvent_EndorsementReminder");
    driver.executeJob(visit, "SendTask_RemindHomeEndorsement");
    assertThat(visit).hasPassed("EndEvent_EndorsementReminderSent").isWaitingAt("Task_RecordHomeEndorsement");
    Map<String, Object> reminder = driver.mails(visit.getBusinessKey()).get(0);
    assertThat(reminder.get("template")).isEqualTo("visiting-home-endorsement-reminder");
    assertThat((String) reminder.get("recipients")).contains("cesmag.ori-staff@demo.ori.local", COORDINATOR + "@demo.ori.local");

    // a message without the answer, or with dates outside the work plan's rules, changes nothing
    assertInvalid(() -> runtimeService.createMessageCorrelation("HomeInstitutionEndorsed")
        .processInstanceBusinessKey(visit.getBusinessKey()).tenantId(TENANT).correlateWithResult(), "homeEndorsed");
    assertInvalid(() -> runtimeService.createMessageCorrelation("HomeInstitutionEndorsed")
        .processInstanceBusinessKey(visit.getBusinessKey()).tenantId(TENANT)
        .setVariable("homeEndorsed", true).setVariable("homeEndorsementRef", "oficio 12")
        .setVariable("confirmedEndDate", formDate(start.minusDays(1))).correlateWithResult(), "confirmedEndDate");
    assertThat(visit).isWaitingAt("Task_RecordHomeEndorsement");

    LocalDate newStart = start.plusDays(2);
    runtimeService.createMessageCorrelation("HomeInstitutionEndorsed")
        .processInstanceBusinessKey(visit.getBusinessKey()).tenantId(TENANT)
        .setVariable("homeEndorsed", true).setVariable("homeEndorsementRef", "Oficio UNAM-DGECI-0456")
        .setVariable("confirmedStartDate", formDate(newStart))
        .correlateWithResult();

    assertThat(visit).hasPassed("BoundaryEvent_HomeEndorsed", "ServiceTask_ComputeVisitFacts");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(visit.getId())
        .activityId("Task_RecordHomeEndorsement").singleResult().isCanceled()).as("task interrupted by the message").isTrue();
    assertThat(visit).variables().containsEntry("homeEndorsed", true).containsEntry("startDate", dayStart(newStart))
        .containsEntry("visitStartTimer", dayStart(newStart))
        .containsEntry("visitPeriodText", "del " + newStart.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
            + " al " + start.plusDays(10).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(driver.task(visit, "Task_DeliverSireDocuments").getDueDate()).isEqualTo(dayEnd(newStart.minusDays(5)));
    runtimeService.deleteProcessInstance(visit.getId(), "prueba terminada");
  }

  @Test
  void theHomeInstitutionNotEndorsingTheWorkPlanEndsTheCase() {
    LocalDate start = today().plusDays(30);
    ProcessInstance visit = driver.start(foreignVisit(driver.activeAgreement(), start, start.plusDays(10)));
    driver.complete(visit, "Task_ApproveWorkPlan", Map.of("workPlanApproved", "true"));
    assertInvalid(() -> driver.complete(visit, "Task_RecordHomeEndorsement", Map.of("homeEndorsed", "true")),
        "homeEndorsementRef");
    driver.complete(visit, "Task_RecordHomeEndorsement", Map.of("homeEndorsed", "false",
        "homeEndorsementNotes", "La universidad de origen no autoriza la comisión en esas fechas."));
    driver.executeJob(visit, "SendTask_NotifyWorkPlanNotApproved");

    assertThat(visit).isEnded().hasPassed("Gateway_HomeEndorsed", "EndEvent_WorkPlanNotApproved");
    assertThat((String) driver.mails(visit.getBusinessKey()).get(0).get("body"))
        .contains("Universidad Nacional Autónoma de México").contains("no autoriza la comisión");
  }

  // ---- V5: exceptional support ----------------------------------------------------------------------

  @Test
  void anExceptionalSupportIsDecidedByBothViceRectorsWithTheStayWindowOfTheItinerary() {
    LocalDate start = today().plusDays(40);
    Map<String, Object> v = foreignVisit(driver.activeAgreement(), start, start.plusDays(20));
    v.put("supportRequested", "BOTH");
    v.put("itineraryArrival", formDate(start.minusDays(1)));
    v.put("itineraryDeparture", formDate(start.plusDays(21)));
    ProcessInstance visit = driver.start(v);
    driver.approveAndEndorse(visit);

    // T22: from one day before the arrival to one day after the departure
    assertThat(visit).isWaitingAt("Task_ReviewSupport").variables()
        .containsEntry("stayFrom", dayStart(start.minusDays(2))).containsEntry("stayUntil", dayStart(start.plusDays(22)));
    assertThat(groups(driver.task(visit, "Task_ReviewSupport"))).containsExactly("vice-rector-area");
    driver.complete(visit, "Task_ReviewSupport", Map.of("supportRecommended", "true",
        "supportRecommendationNotes", "Docente clave del proyecto de investigación."));
    assertThat(groups(driver.task(visit, "Task_DecideSupportBudget"))).containsExactly("financial-vice-rector");
    assertInvalid(() -> driver.complete(visit, "Task_DecideSupportBudget", Map.of("supportApproved", "true")), "approvedSupport");
    assertInvalid(() -> driver.complete(visit, "Task_DecideSupportBudget",
        Map.of("supportApproved", "true", "approvedSupport", "STAY", "approvedAmount", -5)), "approvedAmount");
    driver.complete(visit, "Task_DecideSupportBudget",
        Map.of("supportApproved", "true", "approvedSupport", "STAY", "approvedAmount", 2500000));
    driver.executeJob(visit, "SendTask_NotifySupportDecision");

    assertThat(visit).hasPassed("Gateway_SupportDone").variables().containsEntry("supportApproved", true)
        .containsEntry("approvedAmount", 2500000.0);
    Map<String, Object> mail = driver.mails(visit.getBusinessKey()).get(0);
    assertThat(mail.get("template")).isEqualTo("visiting-support-decision");
    DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    assertThat((String) mail.get("body")).contains("Tiquetes aéreos y estadía").contains("Apoyo aprobado: Estadía")
        .contains("2.500.000").contains("del " + start.minusDays(2).format(day) + " al " + start.plusDays(22).format(day));
    runtimeService.deleteProcessInstance(visit.getId(), "prueba terminada");
  }

  @Test
  void aSupportNotRecommendedSkipsTheBudgetDecision() {
    LocalDate start = today().plusDays(40);
    Map<String, Object> v = foreignVisit(driver.activeAgreement(), start, start.plusDays(20));
    v.put("supportRequested", "AIR_TICKETS");
    v.put("itineraryArrival", formDate(start));
    v.put("itineraryDeparture", formDate(start.plusDays(20)));
    ProcessInstance visit = driver.start(v);
    driver.approveAndEndorse(visit);
    assertThat(driver.variable(visit, "stayFrom")).isNull();
    assertInvalid(() -> driver.complete(visit, "Task_ReviewSupport", Map.of("supportRecommended", "false")),
        "supportRecommendationNotes");
    driver.complete(visit, "Task_ReviewSupport", Map.of("supportRecommended", "false",
        "supportRecommendationNotes", "No hay proyecto que lo justifique."));
    driver.executeJob(visit, "SendTask_NotifySupportDecision");

    assertThat(visit).hasNotPassed("Task_DecideSupportBudget").variables().containsEntry("supportApproved", false);
    assertThat((String) driver.mails(visit.getBusinessKey()).get(0).get("body")).contains("no recomendó")
        .contains("No hay proyecto que lo justifique.").contains("art. 40 num. 4");
    assertThat(driver.openTasks(visit)).contains("Task_SendInvitationDocuments");
    runtimeService.deleteProcessInstance(visit.getId(), "prueba terminada");
  }

  // ---- start validation (Java API and REST) --------------------------------------------------------

  @Test
  void badStartsAreRefusedNamingTheVariableAndLeaveNothing() {
    LocalDate start = today().plusDays(30);
    String agreementId = driver.activeAgreement();
    long history = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

    Map<String, Object> v = foreignVisit(agreementId, start, start.minusDays(1));
    assertInvalid(() -> driver.start(v), "endDate");
    v.put("endDate", formDate(start.plusDays(3)));
    v.put("startDate", formDate(today().minusDays(1)));
    assertInvalid(() -> driver.start(v), "startDate");
    v.put("startDate", formDate(start));
    v.put("hostCoordinatorId", "cesmag.nadie");
    assertInvalid(() -> driver.start(v), "hostCoordinatorId");
    v.put("hostCoordinatorId", COORDINATOR);
    v.put("agreementId", "NO-EXISTE-1");
    assertInvalid(() -> driver.start(v), "agreementId");
    v.remove("agreementId");
    assertInvalid(() -> driver.start(v), "agreementId");
    v.put("agreementId", agreementId);
    v.put("mobilityClass", "TURISMO");
    assertInvalid(() -> driver.start(v), "mobilityClass");
    v.put("mobilityClass", "DOCENCIA");
    v.put("supportRequested", "STAY");
    assertInvalid(() -> driver.start(v), "itineraryArrival");
    v.put("modality", "VIRTUAL");
    assertInvalid(() -> driver.start(v), "supportRequested");
    v.put("modality", "PRESENCIAL");
    v.put("supportRequested", "NONE");
    v.put("scope", "NACIONAL");
    assertInvalid(() -> driver.start(v), "scope");
    v.put("scope", "INTERNACIONAL");
    v.remove("keepsHomeEmployment");
    assertInvalid(() -> driver.start(v), "keepsHomeEmployment");
    v.put("keepsHomeEmployment", "tal vez");
    assertInvalid(() -> driver.start(v), "keepsHomeEmployment");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(history);
  }

  @Test
  void aRestStartWithAnEndBeforeTheStartIs400NamingItAndAValidOneStartsTheCase() throws Exception {
    LocalDate start = today().plusDays(30);
    String agreementId = driver.activeAgreement();
    long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    long history = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

    Map<String, Object> variables = restVariables(agreementId, start, start.minusDays(2));
    HttpResponse<String> refused = restStart(variables);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(refused.body());
    assertThat(body.path("variable").asText()).isEqualTo("endDate");
    assertThat(body.path("message").asText()).contains("endDate");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(running);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(history);

    HttpResponse<String> started = restStart(restVariables(agreementId, start, start.plusDays(5)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = new ObjectMapper().readTree(started.body());
    assertThat(instance.path("businessKey").asText()).matches("^DVI-\\d{4}-\\d{4}$");
    String id = instance.path("id").asText();
    assertThat(runtimeService.getVariable(id, "initiator")).isEqualTo(COORDINATOR);
    assertThat(runtimeService.getVariable(id, "startDate")).isEqualTo(dayStart(start));
    runtimeService.deleteProcessInstance(id, "prueba terminada");
  }

  /** The start variables in the REST API's typed form; dates as {@code Date} (contract). */
  private static Map<String, Object> restVariables(String agreementId, LocalDate start, LocalDate end) {
    DateTimeFormatter restDate = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    Map<String, Object> typed = new LinkedHashMap<>();
    foreignVisit(agreementId, start, end).forEach((name, value) -> {
      if (name.equals("initiator")) {
        return;
      }
      if (name.equals("startDate") || name.equals("endDate")) {
        LocalDate day = LocalDate.parse((String) value);
        typed.put(name, Map.of("value", day.atStartOfDay(VisitingProfessorDriver.BOGOTA).format(restDate), "type", "Date"));
      } else if (name.equals("isForeign") || name.equals("keepsHomeEmployment")) {
        typed.put(name, Map.of("value", Boolean.parseBoolean((String) value), "type", "Boolean"));
      } else {
        typed.put(name, Map.of("value", value, "type", "String"));
      }
    });
    return typed;
  }

  private HttpResponse<String> restStart(Map<String, Object> variables) throws Exception {
    String json = new ObjectMapper().writeValueAsString(Map.of("variables", variables));
    String auth = Base64.getEncoder().encodeToString((COORDINATOR + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/process-definition/key/" + KEY + "/tenant-id/" + TENANT + "/start"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Authorization", "Basic " + auth)
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  // ---- coverage of each model ------------------------------------------------------------------------

  /**
   * At least 90 % of the flow nodes of EACH model were passed by the cases of this class (the
   * engine's history of this context, which deploys only these two models); the library's own
   * assertion sums both models.
   */
  @AfterAll
  static void eachModelHasItsFlowNodesCovered(@Autowired RepositoryService repositoryService,
      @Autowired HistoryService historyService) {
    for (String key : List.of(KEY, SIRE_KEY)) {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .tenantIdIn(TENANT).latestVersion().singleResult();
      Set<String> nodes = repositoryService.getBpmnModelInstance(definition.getId())
          .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
      Set<String> passed = new HashSet<>();
      for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
          .processDefinitionId(definition.getId()).list()) {
        passed.add(a.getActivityId());
      }
      passed.retainAll(nodes);
      Set<String> missing = new HashSet<>(nodes);
      missing.removeAll(passed);
      double coverage = (double) passed.size() / nodes.size();
      LoggerFactory.getLogger(VisitingProfessorProcessTest.class).info(
          "Flow-node coverage of {}: {}/{} = {}", key, passed.size(), nodes.size(), coverage);
      assertThat(coverage).as("flow-node coverage of %s (not passed: %s)", key, missing)
          .isGreaterThanOrEqualTo(REQUIRED_COVERAGE);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  private List<String> users(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId).toList();
  }

  private List<String> failedRules(ProcessInstance instance) {
    SpinJsonNode rules = (SpinJsonNode) historyVariable(instance, "failedRules");
    return rules.elements().stream().map(SpinJsonNode::stringValue).toList();
  }

  private Object historyVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
