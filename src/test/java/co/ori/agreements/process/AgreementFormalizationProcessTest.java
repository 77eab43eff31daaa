package co.ori.agreements.process;

import static co.ori.agreements.process.AgreementProcessDriver.REQUESTER;
import static co.ori.agreements.process.AgreementProcessDriver.assertInvalid;
import static co.ori.agreements.process.AgreementProcessDriver.TENANT;
import static co.ori.agreements.process.AgreementProcessDriver.dayStart;
import static co.ori.agreements.process.AgreementProcessDriver.formDate;
import static co.ori.agreements.process.AgreementProcessDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementStatus;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Every path of {@code processes/agreement-formalization.bpmn} (procedures.md §2.a) on the real
 * engine, tenant {@code umc}, with the real registry, mail outbox and business calendar. Timers
 * and asynchronous send tasks are executed explicitly (job executor off). The process test
 * coverage report is written to {@code target/process-test-coverage/}; the class fails below
 * 90 % of the model's flow nodes and sequence flows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // The coverage library finds a model by processDefinitionKey(key).latestVersion().singleResult(),
    // which is not tenant-aware: with the model deployed to 4 tenants it fails. This context therefore
    // deploys the procedures of tenant umc only (the per-tenant deployment is TenantDeployerTest's).
    "ori.tenants[0].id=umc",
    "ori.tenants[0].name=Universidad Mayor de Cartagena",
    "ori.tenants[0].procedures[0]=agreement-formalization"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class AgreementFormalizationProcessTest {

  /** Coverage of the model required of this class (flow nodes and sequence flows). */
  static final double REQUIRED_COVERAGE = 0.9;

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties agreementCoverageProperties() {
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
  @Autowired BusinessCalendar businessCalendar;
  @Autowired JdbcClient jdbc;

  private AgreementProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    driver = new AgreementProcessDriver(runtimeService, taskService, managementService, registry, jdbc);
  }

  // ---- A1-A5: request not approved ----------------------------------------------------------

  @Test
  void aRequestNotApprovedIsNotifiedWithTheNotesAndEndsRejected() {
    ProcessInstance instance = driver.start("Universidad del Atlántico");

    assertThat(instance.getBusinessKey()).matches("^AGR-\\d{4}-\\d{4}$");
    assertThat(instance).isWaitingAt("Task_ReviewRequest").hasVariables("agreementId", "initiator");
    assertThat(driver.variable(instance, "initiator")).isEqualTo(REQUESTER);
    Agreement row = driver.agreement(instance);
    assertThat(row.status()).isEqualTo(AgreementStatus.REQUESTED);
    assertThat(row.partnerName()).isEqualTo("Universidad del Atlántico");
    assertThat(row.processInstanceId()).isEqualTo(instance.getId());
    assertThat(driver.task(instance, "Task_ReviewRequest").getTenantId()).isEqualTo(TENANT);
    assertThat(taskService.getIdentityLinksForTask(driver.task(instance, "Task_ReviewRequest").getId()))
        .extracting(link -> link.getGroupId()).containsExactly("cini-coordinator");

    // notes are required when the request is not approved
    assertInvalid(() -> driver.complete(instance, "Task_ReviewRequest",
        Map.of("requestApproved", false, "reviewNotes", "  ")), "reviewNotes");
    assertThat(instance).isWaitingAt("Task_ReviewRequest");

    driver.complete(instance, "Task_ReviewRequest",
        Map.of("requestApproved", false, "reviewNotes", "La entidad ya tiene un convenio vigente con la Facultad."));
    assertThat(instance).isWaitingAt("SendTask_NotifyNotApproved");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.REQUESTED);

    driver.executeJob(instance, "SendTask_NotifyNotApproved");

    assertThat(instance).isEnded().hasPassed("EndEvent_RequestNotApproved");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.REJECTED);
    List<Map<String, Object>> mails = driver.mails(instance.getBusinessKey());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).get("template")).isEqualTo("agreement-request-not-approved");
    assertThat(mails.get(0).get("recipients")).isEqualTo(REQUESTER + "@demo.ori.local");
    assertThat((String) mails.get(0).get("subject")).contains(instance.getBusinessKey());
    assertThat((String) mails.get(0).get("body"))
        .contains("La entidad ya tiene un convenio vigente con la Facultad.")
        .contains("Universidad del Atlántico")
        .contains("Universidad Mayor de Cartagena");
  }

  // ---- A6-A9: partner declines ----------------------------------------------------------------

  @Test
  void aPartnerDecliningByMessageCorrelatedByBusinessKeyEndsDeclined() {
    ProcessInstance instance = driver.start("Universidad de Sucre");
    driver.complete(instance, "Task_ReviewRequest", Map.of("requestApproved", "true"));
    // form radio values arrive as strings and are stored as Boolean; the approval mail quotes the notes
    assertThat(driver.variable(instance, "requestApproved")).isEqualTo(Boolean.TRUE);
    assertThat(driver.variable(instance, "reviewNotes")).isEqualTo("Sin observaciones.");
    driver.executeJob(instance, "SendTask_NotifyApproved");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.REQUEST_APPROVED);
    assertThat(driver.mailTemplates(instance.getBusinessKey())).containsExactly("agreement-request-approved");

    driver.complete(instance, "Task_SendIntention", Map.of("intentionSentDate", formDate(today())));
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.INTENT_SENT);
    assertThat(driver.variable(instance, "intentionSentDate")).isEqualTo(dayStart(today()));
    assertThat(instance).isWaitingAt("Task_RecordPartnerResponse");

    // a message without the answer is refused and changes nothing
    assertInvalid(() -> runtimeService.createMessageCorrelation("PartnerIntentionResponse")
        .processInstanceBusinessKey(instance.getBusinessKey()).tenantId(TENANT).correlateWithResult(),
        "partnerInterested");
    assertThat(instance).isWaitingAt("Task_RecordPartnerResponse");

    runtimeService.createMessageCorrelation("PartnerIntentionResponse")
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable("partnerInterested", false)
        .correlateWithResult();

    assertThat(instance).hasPassed("BoundaryEvent_PartnerResponded").isWaitingAt("SendTask_NotifyPartnerDeclined");
    driver.executeJob(instance, "SendTask_NotifyPartnerDeclined");
    assertThat(instance).isEnded().hasPassed("EndEvent_PartnerDeclined");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.DECLINED);
    assertThat(driver.mailTemplates(instance.getBusinessKey()))
        .containsExactly("agreement-request-approved", "agreement-partner-declined");
  }

  @Test
  void aPartnerDecliningRecordedInTheTaskEndsDeclined() {
    ProcessInstance instance = driver.start("Fundación Progreso Caribe");
    driver.approveAndSendIntention(instance);
    Task task = driver.task(instance, "Task_RecordPartnerResponse");
    // due date and interrupting timer: T04, 30 days after the task was created
    Date expectedDue = Date.from(task.getCreateTime().toInstant().plus(30, ChronoUnit.DAYS));
    assertThat(task.getDueDate()).isCloseTo(expectedDue, 60_000);
    assertThat(driver.job(instance, "BoundaryEvent_PartnerResponseOverdue").getDuedate())
        .isCloseTo(expectedDue, 60_000);

    assertInvalid(() -> driver.complete(instance, "Task_RecordPartnerResponse",
        Map.of("partnerInterested", "quizás")), "partnerInterested");
    driver.complete(instance, "Task_RecordPartnerResponse", Map.of("partnerInterested", "false",
        "partnerResponseDate", formDate(today()), "partnerResponseNotes", "Sin interés por ahora."));

    driver.executeJob(instance, "SendTask_NotifyPartnerDeclined");
    assertThat(instance).isEnded().hasPassed("Task_RecordPartnerResponse", "EndEvent_PartnerDeclined")
        .hasNotPassed("BoundaryEvent_PartnerResponded");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.DECLINED);
  }

  // ---- A8 T04: no response after two follow-ups -----------------------------------------------

  @Test
  void withoutAnswerAfterTwoFollowUpsTheCaseEndsWithoutResponse() {
    ProcessInstance instance = driver.start("Universidad de Córdoba");
    driver.approveAndSendIntention(instance);
    assertThat(driver.variable(instance, "reminderCount")).isEqualTo(0);

    for (int round = 1; round <= 2; round++) {
      driver.executeJob(instance, "BoundaryEvent_PartnerResponseOverdue");
      assertThat(instance).isWaitingAt("Task_FollowUpPartner");
      assertInvalid(() -> driver.complete(instance, "Task_FollowUpPartner",
          Map.of("followUpDate", formDate(today().plusDays(3)), "followUpNotes", "Llamada")), "followUpDate");
      driver.complete(instance, "Task_FollowUpPartner", Map.of("followUpDate", formDate(today()),
          "followUpNotes", "Correo de seguimiento " + round));
      assertThat(driver.variable(instance, "reminderCount")).isEqualTo(round);
      assertThat(instance).isWaitingAt("Task_RecordPartnerResponse");
      assertThat(driver.status(instance)).isEqualTo(AgreementStatus.INTENT_SENT);
    }
    driver.executeJob(instance, "BoundaryEvent_PartnerResponseOverdue");

    assertThat(instance).isEnded().hasPassed("EndEvent_NoPartnerResponse");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.NO_RESPONSE);
  }

  // ---- A10-A12: answer during follow-up, General Secretary reminder, adjustments loop -----------

  @Test
  void adjustmentsLoopBackToDraftingUntilTheGeneralSecretaryApproves() {
    ProcessInstance instance = driver.start("Universidad Tecnológica de Bolívar");
    driver.approveAndSendIntention(instance);
    driver.executeJob(instance, "BoundaryEvent_PartnerResponseOverdue");
    // the partner answers while the CINI is following up
    runtimeService.createMessageCorrelation("PartnerIntentionResponse")
        .processInstanceBusinessKey(instance.getBusinessKey()).tenantId(TENANT)
        .setVariable("partnerInterested", true).correlateWithResult();
    assertThat(instance).hasPassed("BoundaryEvent_PartnerRespondedDuringFollowUp")
        .isWaitingAt("Task_DraftAgreement");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.DRAFTING);

    driver.complete(instance, "Task_DraftAgreement", Map.of("draftAgreementRef", "https://dms/v1"));
    assertThat(driver.variable(instance, "draftVersion")).isEqualTo(1);
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.LEGAL_REVIEW);
    Task review = driver.task(instance, "Task_ReviewAgreement");
    Date due = businessCalendar.addBusinessDays(review.getCreateTime(), 10);
    assertThat(review.getDueDate()).isEqualTo(due);
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("general-secretary");

    // T05: the non-interrupting timer reminds General Secretary and the CINI; the review goes on
    Job overdue = driver.job(instance, "BoundaryEvent_LegalReviewOverdue");
    assertThat(overdue.getDuedate()).isEqualTo(due);
    managementService.executeJob(overdue.getId());
    driver.executeJob(instance, "SendTask_LegalReviewReminder");
    assertThat(instance).hasPassed("EndEvent_LegalReviewReminderSent").isWaitingAt("Task_ReviewAgreement");
    Map<String, Object> reminder = driver.mails(instance.getBusinessKey()).get(1);
    assertThat(reminder.get("template")).isEqualTo("agreement-legal-review-reminder");
    assertThat((String) reminder.get("recipients"))
        .contains("umc.general-secretary@demo.ori.local", "umc.cini-coordinator@demo.ori.local");

    assertInvalid(() -> driver.complete(instance, "Task_ReviewAgreement",
        Map.of("legalDecision", "ADJUSTMENTS_REQUIRED")), "legalNotes");
    assertThat(assertInvalid(() -> driver.complete(instance, "Task_ReviewAgreement",
        Map.of("legalDecision", "RECHAZADO")), "legalDecision"))
        .hasMessageContaining("APPROVED, ADJUSTMENTS_REQUIRED");
    driver.complete(instance, "Task_ReviewAgreement", Map.of("legalDecision", "ADJUSTMENTS_REQUIRED",
        "legalNotes", "Ajustar la cláusula de propiedad intelectual."));

    assertThat(instance).isWaitingAt("Task_DraftAgreement");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.DRAFTING);
    driver.complete(instance, "Task_DraftAgreement", Map.of("draftAgreementRef", "https://dms/v2"));
    assertThat(driver.variable(instance, "draftVersion")).isEqualTo(2);
    // the previous round's decision is not offered again
    assertThat(driver.variable(instance, "legalDecision")).isNull();
    driver.complete(instance, "Task_ReviewAgreement", Map.of("legalDecision", "APPROVED"));

    assertThat(instance).isWaitingAt("Task_SignAgreement");
    assertThat(taskService.getIdentityLinksForTask(driver.task(instance, "Task_SignAgreement").getId()))
        .extracting(link -> link.getGroupId()).containsExactly("rector-office");
  }

  // ---- A13-A16: signature, activation and the execution subprocess ----------------------------

  @Test
  void aSignedAgreementIsActivatedAndFollowedUpAndARenewalRequestEndsItRenewed() {
    ProcessInstance instance = driver.start("Universidad de Cartagena");
    driver.toSignature(instance);
    LocalDate until = today().plusYears(2).minusDays(1);

    // cross-field checks of the signature form
    assertInvalid(() -> driver.complete(instance, "Task_SignAgreement", Map.of(
        "signedDate", formDate(today()), "validFrom", formDate(today()),
        "validUntil", formDate(today().minusDays(1)), "signedAgreementRef", "x")), "validUntil");
    assertInvalid(() -> driver.complete(instance, "Task_SignAgreement", Map.of(
        "signedDate", formDate(today()), "validFrom", formDate(today()), "signedAgreementRef", "x")), "validUntil");
    assertInvalid(() -> driver.complete(instance, "Task_SignAgreement", Map.of(
        "signedDate", formDate(today()), "validFrom", formDate(today()), "indefinite", true,
        "validUntil", formDate(until), "signedAgreementRef", "x")), "validUntil");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.LEGAL_REVIEW);

    driver.complete(instance, "Task_SignAgreement", Map.of("signedDate", formDate(today()),
        "validFrom", formDate(today()), "validUntil", formDate(until),
        "signedAgreementRef", "https://dms/firmado"));
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.SIGNED);
    Agreement signed = driver.agreement(instance);
    assertThat(signed.validFrom()).isEqualTo(today());
    assertThat(signed.validUntil()).isEqualTo(until);
    assertThat(signed.indefinite()).isFalse();
    assertThat(signed.autoRenewal()).isFalse();
    assertThat(driver.variable(instance, "validUntil")).isEqualTo(dayStart(until));
    assertThat(driver.variable(instance, "autoRenewal")).isEqualTo(false);

    driver.complete(instance, "Task_SendSignedAgreement", Map.of("sendChannel", "BOTH",
        "sentDate", formDate(today()), "sendProofRef", "Guía 4-72 n.º 123"));
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(driver.variable(instance, "expiryAlertDate")).isEqualTo(dayStart(until.minusDays(90)));
    assertThat(driver.variable(instance, "secondExpiryAlertDate")).isEqualTo(dayStart(until.minusDays(30)));
    assertThat(driver.variable(instance, "validUntilTimer")).isEqualTo(dayStart(until.plusDays(1)));
    assertThat(driver.variable(instance, "termPeriod")).isEqualTo("P2Y");
    assertThat(driver.variable(instance, "renewalDecision")).isEqualTo("PENDING");
    assertThat(instance).isWaitingAt("Task_RegisterActionPlan", "TimerEvent_ValidityEnds");
    assertThat(driver.job(instance, "TimerEvent_ValidityEnds").getDuedate()).isEqualTo(dayStart(until.plusDays(1)));
    assertThat(driver.job(instance, "StartEvent_ExpiryAlertDue").getDuedate()).isEqualTo(dayStart(until.minusDays(90)));
    Task plan = driver.task(instance, "Task_RegisterActionPlan");
    assertThat(plan.getDueDate()).isEqualTo(businessCalendar.endOfDay(dayStart(today().plusDays(30))));
    driver.complete(instance, "Task_RegisterActionPlan", Map.of("actionPlanRef", "https://dms/plan",
        "actionPlanSummary", "Dos movilidades docentes por año y un proyecto conjunto."));
    assertThat(instance).hasPassed("EndEvent_ActionPlanRegistered");

    // L2-L4: periodic follow-up round (cycle timer fires again later)
    Job cycle = driver.job(instance, "StartEvent_FollowUpDue");
    assertThat(cycle.getDuedate()).isCloseTo(Date.from(LocalDate.now(AgreementProcessDriver.BOGOTA)
        .atStartOfDay(AgreementProcessDriver.BOGOTA).plusMonths(6).toInstant()), 2 * 86_400_000L);
    managementService.executeJob(cycle.getId());
    assertThat(instance).isWaitingAt("Task_ReportEvidence");
    assertThat(driver.task(instance, "Task_ReportEvidence").getDueDate())
        .isEqualTo(businessCalendar.businessDaysFromNow(15));
    driver.complete(instance, "Task_ReportEvidence", Map.of("evidenceRefs", "https://dms/evidencia-1",
        "activitiesDone", "Movilidad de dos docentes."));
    assertInvalid(() -> driver.complete(instance, "Task_ReviewProgress", Map.of("progressStatus", "DELAYED")), "progressNotes");
    driver.complete(instance, "Task_ReviewProgress", Map.of("progressStatus", "DELAYED",
        "progressNotes", "Falta el proyecto conjunto."));
    assertThat(instance).hasPassed("EndEvent_FollowUpRecorded");
    // the round's answers stayed in the round (local variables), not on the case
    assertThat(driver.variable(instance, "progressStatus")).isNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("progressStatus").list()).extracting(HistoricVariableInstance::getValue).contains("DELAYED");
    assertThat(driver.job(instance, "StartEvent_FollowUpDue").getId()).isNotEqualTo(cycle.getId());

    // L5-L6: 90-day alert → EXPIRING, mail, decision RENEW → new request with renewalOf
    driver.executeJob(instance, "StartEvent_ExpiryAlertDue");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.EXPIRING);
    driver.executeJob(instance, "SendTask_ExpiryAlert");
    Map<String, Object> alert = driver.mails(instance.getBusinessKey()).get(1);
    assertThat(alert.get("template")).isEqualTo("agreement-expiry-alert");
    assertThat((String) alert.get("recipients"))
        .contains("umc.cini-coordinator@demo.ori.local", REQUESTER + "@demo.ori.local");
    assertThat((String) alert.get("body")).contains(String.format("%02d/%02d/%d",
        until.getDayOfMonth(), until.getMonthValue(), until.getYear()));
    Task decide = driver.task(instance, "Task_DecideRenewal");
    assertThat(decide.getDueDate()).isEqualTo(dayStart(until.minusDays(30)));
    driver.complete(instance, "Task_DecideRenewal", Map.of("renewalDecision", "RENEW"));
    driver.executeJob(instance, "ServiceTask_StartRenewalRequest");
    assertThat(instance).hasPassed("EndEvent_RenewalRequestStarted");

    String renewalKey = (String) driver.variable(instance, "renewalRequestKey");
    assertThat(renewalKey).matches("^AGR-\\d{4}-\\d{4}$").isNotEqualTo(instance.getBusinessKey());
    ProcessInstance renewal = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(renewalKey)
        .tenantIdIn(TENANT).singleResult();
    assertThat(renewal).isWaitingAt("Task_ReviewRequest");
    assertThat(driver.variable(renewal, "renewalOf")).isEqualTo(instance.getBusinessKey());
    assertThat(driver.variable(renewal, "partnerName")).isEqualTo("Universidad de Cartagena");
    assertThat(driver.variable(renewal, "initiator")).isEqualTo(REQUESTER);
    assertThat(driver.variable(renewal, "proposedValidityMonths")).isEqualTo(24);
    assertThat(driver.agreement(renewal).renewalOf()).isEqualTo(instance.getBusinessKey());
    assertThat(driver.status(renewal)).isEqualTo(AgreementStatus.REQUESTED);

    // 30-day alert
    driver.executeJob(instance, "StartEvent_SecondExpiryAlertDue");
    driver.executeJob(instance, "SendTask_SecondExpiryAlert");
    assertThat(instance).hasPassed("EndEvent_SecondExpiryAlertSent");
    assertThat(driver.mailTemplates(instance.getBusinessKey())).containsExactly("agreement-request-approved",
        "agreement-expiry-alert", "agreement-expiry-second-alert");

    // L7 expiry: renewal requested → RENEWED
    driver.executeJob(instance, "TimerEvent_ValidityEnds");
    assertThat(instance).isEnded().hasPassed("EndEvent_TermReached", "EndEvent_ValidityEnded",
        "EndEvent_AgreementRenewed");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.RENEWED);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void anAgreementReachingItsEndDateWithoutDecisionExpiresAndOpenTasksAreClosed() {
    ProcessInstance instance = driver.start("Corporación Universitaria Rafael Núñez");
    LocalDate until = today().plusMonths(6);
    driver.toActive(instance, Map.of("validUntil", dayStart(until)));  // a REST client sends a Date
    assertThat(instance).isWaitingAt("Task_RegisterActionPlan", "TimerEvent_ValidityEnds");

    driver.executeJob(instance, "TimerEvent_ValidityEnds");

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementExpired").hasNotPassed("ServiceTask_ExtendValidity");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.EXPIRED);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(driver.agreement(instance).validUntil()).isEqualTo(until);
  }

  @Test
  void anAutomaticallyRenewingAgreementIsExtendedUntilTheCiniLetsItExpire() {
    ProcessInstance instance = driver.start("Universidad Nacional Abierta y a Distancia");
    LocalDate until = today().plusYears(1).minusDays(1);
    driver.toActive(instance, Map.of("validUntil", formDate(until), "autoRenewal", true));
    assertThat(driver.agreement(instance).autoRenewal()).isTrue();

    // first expiry without decision: extended by the original term (1 year)
    driver.executeJob(instance, "TimerEvent_ValidityEnds");
    LocalDate extended = until.plusYears(1);
    assertThat(instance).hasPassed("ServiceTask_ExtendValidity").isWaitingAt("Task_RegisterActionPlan");
    assertThat(driver.variable(instance, "validUntil")).isEqualTo(dayStart(extended));
    assertThat(driver.variable(instance, "extensionCount")).isEqualTo(1);
    assertThat(driver.variable(instance, "expiryAlertDate")).isEqualTo(dayStart(extended.minusDays(90)));
    assertThat(driver.job(instance, "TimerEvent_ValidityEnds").getDuedate()).isEqualTo(dayStart(extended.plusDays(1)));
    Agreement row = driver.agreement(instance);
    assertThat(row.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(row.validUntil()).isEqualTo(extended);
    assertThat(row.validFrom()).isEqualTo(today());

    // second term: the CINI lets it expire
    driver.executeJob(instance, "StartEvent_ExpiryAlertDue");
    driver.executeJob(instance, "SendTask_ExpiryAlert");
    driver.complete(instance, "Task_DecideRenewal", Map.of("renewalDecision", "LET_EXPIRE",
        "renewalNotes", "Sin actividad en el último año."));
    assertThat(instance).hasPassed("EndEvent_RenewalDecided");
    driver.executeJob(instance, "TimerEvent_ValidityEnds");

    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementExpired");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.EXPIRED);
  }

  @Test
  void anEarlyTerminationMessageEndsTheAgreementTerminated() {
    ProcessInstance instance = driver.start("Universidad del Norte");
    driver.toActive(instance, Map.of("validUntil", formDate(today().plusYears(3))));

    runtimeService.createMessageCorrelation("AgreementTerminated")
        .processInstanceBusinessKey(instance.getBusinessKey()).tenantId(TENANT)
        .setVariable("terminationReason", "Mutuo acuerdo de las partes.").correlateWithResult();

    assertThat(instance).isEnded().hasPassed("BoundaryEvent_AgreementTerminated", "EndEvent_AgreementTerminated");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.TERMINATED);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void anIndefiniteAgreementHasNoExpiryAndEndsOnlyByTermination() {
    ProcessInstance instance = driver.start("Red Colombiana para la Internacionalización");
    driver.toSignature(instance);
    assertInvalid(() -> driver.complete(instance, "Task_SignAgreement", Map.of("signedDate", formDate(today()),
        "validFrom", formDate(today()), "indefinite", true, "autoRenewal", true, "signedAgreementRef", "x")), "autoRenewal");
    driver.complete(instance, "Task_SignAgreement", Map.of("signedDate", formDate(today()),
        "validFrom", formDate(today()), "indefinite", "true", "signedAgreementRef", "https://dms/firmado"));
    driver.complete(instance, "Task_SendSignedAgreement", Map.of("sendChannel", "EMAIL", "sentDate", formDate(today())));

    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.ACTIVE);
    Agreement row = driver.agreement(instance);
    assertThat(row.indefinite()).isTrue();
    assertThat(row.validUntil()).isNull();
    assertThat(instance).isWaitingAt("Task_RegisterActionPlan", "ReceiveTask_IndefiniteValidity")
        .isNotWaitingAt("TimerEvent_ValidityEnds");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isOne();
    assertThat(driver.job(instance, "StartEvent_FollowUpDue").getDuedate()).isNotNull();

    runtimeService.createMessageCorrelation("AgreementTerminated")
        .processInstanceBusinessKey(instance.getBusinessKey()).tenantId(TENANT)
        .setVariable("terminationReason", "Disolución de la red.").correlateWithResult();
    assertThat(instance).isEnded().hasPassed("EndEvent_AgreementTerminated");
    assertThat(driver.status(instance)).isEqualTo(AgreementStatus.TERMINATED);
  }

  @Test
  void anAllianceRecordsItsSupportingLetterOrMinute() {
    Map<String, Object> request = AgreementProcessDriver.marcoRequest("Cámara de Comercio de Cartagena");
    request.put("instrumentType", "ALIANZA");
    request.put("partnerType", "PRIVADA");
    ProcessInstance instance = driver.start(request);
    driver.approveAndSendIntention(instance);
    driver.complete(instance, "Task_RecordPartnerResponse", Map.of("partnerInterested", true));

    assertInvalid(() -> driver.complete(instance, "Task_DraftAgreement",
        Map.of("draftAgreementRef", "https://dms/acta")), "allianceSupportType");
    driver.complete(instance, "Task_DraftAgreement", Map.of("draftAgreementRef", "https://dms/acta",
        "allianceSupportType", "ACTA_PACTO_VERBAL"));
    assertThat(instance).isWaitingAt("Task_ReviewAgreement");
    assertThat(driver.agreement(instance).instrumentType().name()).isEqualTo("ALIANZA");
  }

  @Test
  void anEspecificoBuildsItsProposedContentFromTheFormFields() {
    registry.register(TENANT, new Agreement("MARCO-UMC-001", TENANT,
        co.ori.agreements.InstrumentType.CONVENIO_MARCO, null, null, null, "Universidad de Salamanca",
        "España", "Salamanca", co.ori.agreements.AgreementScope.INTERNACIONAL, "CINI", today().minusYears(1),
        today().minusYears(1), today().plusYears(2), false, false, AgreementStatus.ACTIVE, null, false, null));
    Map<String, Object> request = AgreementProcessDriver.marcoRequest("Universidad de Salamanca");
    request.putAll(Map.of("instrumentType", "CONVENIO_ESPECIFICO", "scope", "INTERNACIONAL",
        "partnerCountry", "España", "partnerCity", "Salamanca", "specificPurpose", "MOVILIDAD",
        "parentAgreementId", "MARCO-UMC-001", "proposedValidityMonths", 36));
    request.putAll(Map.of("proposedProject", "Movilidad estudiantil de pregrado",
        "proposedObjective", "Intercambio de estudiantes de Ingeniería.",
        "proposedActivities", "- Convocatoria anual\n- Selección conjunta\n\n- Homologación",
        "proposedExecutionTime", "3 años", "proposedResponsibles", "Decano de Ingeniería\nCoordinador CINI",
        "proposedExpectedResults", "10 estudiantes en movilidad."));

    ProcessInstance instance = driver.start(request);

    SpinJsonNode content = (SpinJsonNode) driver.variable(instance, "proposedContent");
    assertThat(content.prop("project").stringValue()).isEqualTo("Movilidad estudiantil de pregrado");
    assertThat(content.prop("activities").elements()).extracting(SpinJsonNode::stringValue)
        .containsExactly("Convocatoria anual", "Selección conjunta", "Homologación");
    assertThat(content.prop("responsibles").elements()).hasSize(2);
    assertThat(content.prop("visitsSchedule").stringValue()).isEmpty();
    Agreement row = driver.agreement(instance);
    assertThat(row.parentAgreementId()).isEqualTo("MARCO-UMC-001");
    assertThat(row.specificPurpose()).isEqualTo("MOVILIDAD");
    assertThat(row.scope().name()).isEqualTo("INTERNACIONAL");
    assertThat(instance).isWaitingAt("Task_ReviewRequest");
  }

  @Test
  void theModelDeclaresTheContractNames() {
    var definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AgreementProcessDriver.KEY).tenantIdIn(TENANT).latestVersion().singleResult();
    var model = processEngine.getRepositoryService().getBpmnModelInstance(definition.getId());
    assertThat(definition.getName()).isEqualTo("Formalización de convenios y alianzas");
    assertThat(definition.getHistoryTimeToLive()).isPositive();
    for (String id : List.of("EndEvent_RequestNotApproved", "EndEvent_NoPartnerResponse", "EndEvent_PartnerDeclined",
        "EndEvent_AgreementExpired", "EndEvent_AgreementRenewed", "EndEvent_AgreementTerminated")) {
      assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
    }
    assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Message.class))
        .extracting(org.camunda.bpm.model.bpmn.instance.Message::getName)
        .containsExactlyInAnyOrder("PartnerIntentionResponse", "AgreementTerminated");
    // every flow node has a diagram shape (Cockpit and Modeler show the whole model)
    for (var node : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
      assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class))
          .as("shape of %s", node.getId()).anyMatch(s -> s.getBpmnElement() == node);
    }
  }
}
