package co.ori.mobility.incoming;

import static co.ori.support.ProcessTestDriver.assertInvalid;
import static co.ori.support.ProcessTestDriver.dayEnd;
import static co.ori.support.ProcessTestDriver.dayStart;
import static co.ori.support.ProcessTestDriver.formDate;
import static co.ori.support.ProcessTestDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementStatus;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import co.ori.mobility.funding.JdbcSupportGrantRegistry;
import co.ori.mobility.funding.SupportDriver;
import co.ori.mobility.funding.SupportGrant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
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
 * Every path of {@code processes/student-incoming-mobility.bpmn} ({@code procedures.md} §2.d;
 * 002 art. 14–18, 003 Parte 2, 004 art. 12–16, 21, 35, 44) in its three tenants on the real engine,
 * with each tenant's decision table, the real agreement, case and call registries, mail outbox and
 * the shared {@code sire-report} subprocess. Timers and send tasks are executed explicitly (job
 * executor off). The class fails below 90 % coverage of the flow nodes and sequence flows of the
 * models it runs (report in {@code target/process-test-coverage/}).
 *
 * <p>The coverage library looks a model up by key without tenant. This context deploys the
 * procedure to cesmag, unal and ufps with authorization checks off, and every test authenticates
 * its thread with ONE tenant ({@link IncomingDriver#use()}): the engine's tenant check then shows
 * that tenant's definition only (the same BPMN in the three tenants).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ori.tenants[0].id=cesmag", "ori.tenants[0].name=Universidad CESMAG",
    "ori.tenants[0].procedures[0]=student-incoming-mobility", "ori.tenants[0].procedures[1]=sire-report",
    "ori.tenants[1].id=unal", "ori.tenants[1].name=Universidad Nacional de Colombia",
    "ori.tenants[1].procedures[0]=student-incoming-mobility", "ori.tenants[1].procedures[1]=sire-report",
    "ori.tenants[1].procedures[2]=free-mover",
    "ori.tenants[2].id=ufps", "ori.tenants[2].name=Universidad Francisco de Paula Santander",
    "ori.tenants[2].procedures[0]=student-incoming-mobility", "ori.tenants[2].procedures[1]=sire-report",
    "ori.tenants[2].procedures[2]=ufps-financial-support",
    "camunda.bpm.authorization.enabled=false",
    // the authenticated test thread would otherwise be held to the REST paging limit in assertions
    "camunda.bpm.generic-properties.properties.queryMaxResultsLimit=2147483647"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class StudentIncomingMobilityProcessTest {

  static final double REQUIRED_COVERAGE = 0.9;
  /** Called processes (covered by their own process tests, excluded from this class's coverage). */
  private static final String FREE_MOVER = "free-mover";
  private static final java.util.Set<String> REACHED = new java.util.TreeSet<>();

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties incomingCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(REQUIRED_COVERAGE)
          .excludeProcessDefinitionKeys(FREE_MOVER, SupportDriver.KEY).build();
    }
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AgreementRegistry agreements;
  @Autowired MobilityCaseRegistry cases;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcSupportGrantRegistry grants;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    historyService.createHistoricActivityInstanceQuery().list().stream()
        .filter(a -> a.getActivityType() != null && a.getActivityType().endsWith("EndEvent"))
        .forEach(a -> REACHED.add(a.getActivityId()));
  }

  /** Every end event of the model (read from the BPMN file) was reached by some test of the class. */
  @AfterAll
  static void everyEndEventIsReached() {
    BpmnModelInstance model = Bpmn.readModelFromStream(
        StudentIncomingMobilityProcessTest.class.getResourceAsStream("/processes/student-incoming-mobility.bpmn"));
    List<String> endEvents = model.getModelElementsByType(EndEvent.class).stream().map(EndEvent::getId).toList();
    assertThat(endEvents).hasSizeGreaterThanOrEqualTo(9);
    assertThat(REACHED).containsAll(endEvents);
  }

  IncomingDriver driver(String tenant) {
    return new IncomingDriver(tenant, runtimeService, taskService, managementService, jdbc, agreements, identityService).use();
  }

  MobilityCase.Status caseStatus(IncomingDriver d, ProcessInstance instance) {
    return cases.findById(d.tenant, instance.getBusinessKey()).orElseThrow().status();
  }

  // ---- a foreign student per institution, to the grade certificate ---------------------------

  @Test
  void aForeignStudentAtCesmagIsAcceptedReportedInSireAndGetsHisGradesSent() {
    IncomingDriver d = driver("cesmag");
    String agreement = d.agreement(2);
    ProcessInstance mee = d.start(d.foreignApplication(agreement));

    assertThat(mee.getBusinessKey()).matches("^MEE-\\d{4}-\\d{4}$");
    assertThat(mee).isWaitingAt("Task_ReviewCompleteness").variables()
        .containsEntry("institution", "CESMAG").containsEntry("eligible", true).containsEntry("isForeign", true)
        .containsEntry("needsSire", true).containsEntry("stayType", "MEDIA").containsEntry("isMinor", false)
        .containsEntry("placesLeft", 2).containsEntry("agreementActive", true).containsEntry("formalRegistration", true);
    assertThat(d.failedRules(mee)).isEmpty();
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.APPLIED);
    MobilityCase registered = cases.findById("cesmag", mee.getBusinessKey()).orElseThrow();
    assertThat(registered.direction()).isEqualTo(MobilityCase.Direction.INCOMING);
    assertThat(registered.partnerInstitution()).isEqualTo("Universidad Nacional Autónoma de México");
    assertThat(registered.agreementId()).isEqualTo(agreement);

    d.accept(mee);
    Map<String, Object> accepted = d.lastMail(mee.getBusinessKey());
    assertThat(accepted.get("template")).isEqualTo("student-incoming-accepted");
    assertThat((String) accepted.get("recipients")).contains("movilidad@unam.mx").contains("mj.hernandez@alumno.unam.mx");
    assertThat((String) accepted.get("body")).contains("ORI-CA-2026-045").contains("Carné: $25.000");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.ACCEPTED);

    // I13: legalization, due at the start
    Task legalization = d.task(mee, "Task_Legalization");
    assertThat(legalization.getDueDate()).isEqualTo(dayEnd(IncomingDriver.start()));
    assertThat(legalization.getTenantId()).isEqualTo("cesmag");
    assertInvalid(() -> d.complete(mee, "Task_Legalization", without(d.legalization(mee), "migratoryDocumentRef")),
        "migratoryDocumentRef");
    assertInvalid(() -> d.complete(mee, "Task_Legalization", without(d.legalization(mee), "commitmentLetterRef")),
        "commitmentLetterRef");
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.IN_PROGRESS);

    // I14: SIRE arrival, a task of the ORI with its deadline (T34: arrival + 15 days)
    assertThat(mee).isWaitingAt("CallActivity_SireArrival", "Task_OpenAcademicHistory");
    ProcessInstance sire = d.sireCase(mee);
    assertThat(sire).variables().containsEntry("eventType", "ARRIVAL").containsEntry("personId",
        d.variable(mee, "documentNumber")).containsEntry("migratoryDocumentType", "VISA").containsEntry("caseKey", mee.getBusinessKey());
    LocalDate arrival = IncomingDriver.start().minusDays(3);
    Task arrivalTask = d.reportInSire(mee, "SIRE-LLEGADA-1");
    assertThat(arrivalTask.getDueDate()).isEqualTo(dayEnd(arrival.plusDays(15)));
    assertThat(arrivalTask.getName()).isEqualTo("Reportar en SIRE la llegada de María José Hernández López");
    assertThat(d.variable(mee, "sireArrivalReceiptRef")).isEqualTo("SIRE-LLEGADA-1");

    d.register(mee);
    assertThat(mee).isWaitingAt("TimerEvent_StayEnds");
    assertThat(d.finishStay(mee)).isGreaterThanOrEqualTo(1);
    d.departure(mee);
    Task departureTask = d.reportInSire(mee, "SIRE-SALIDA-1");
    LocalDate end = IncomingDriver.start().plusMonths(5).minusDays(1);
    assertThat(departureTask.getDueDate()).isEqualTo(dayEnd(end.plusDays(15)));
    assertThat(d.variable(mee, "sireDepartureReceiptRef")).isEqualTo("SIRE-SALIDA-1");

    Task certificate = d.task(mee, "Task_IssueGradeCertificate");
    assertThat(certificate.getDueDate()).isEqualTo(dayEnd(end.plusDays(30)));
    d.complete(mee, "Task_IssueGradeCertificate", Map.of("gradeCertificateRef", "https://dms.ori/notas.pdf"));
    d.executeJob(mee, "SendTask_SendGrades");
    assertThat(mee).isEnded().hasPassed("EndEvent_MobilityClosed");
    Map<String, Object> grades = d.lastMail(mee.getBusinessKey());
    assertThat(grades.get("template")).isEqualTo("student-incoming-grades");
    assertThat((String) grades.get("recipients")).contains("movilidad@unam.mx").doesNotContain("dre@");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.COMPLETED);
  }

  @Test
  void aForeignStudentAtUnalNeedsTheCampusEndorsementTheMinistryLetterAndAMatchingLearningAgreement() {
    IncomingDriver d = driver("unal");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    assertThat(mee).isWaitingAt("Task_ReviewCompleteness").variables().containsEntry("institution", "UNAL")
        .containsEntry("eligible", true).containsEntry("spanishCertificateRequired", false);
    d.completenessOk(mee);
    d.approveByProgram(mee);
    Task endorsement = d.task(mee, "Task_CampusEndorsement");
    assertThat(taskService.getIdentityLinksForTask(endorsement.getId())).extracting("groupId").contains("campus-academic-director");
    d.complete(mee, "Task_CampusEndorsement", Map.of("campusEndorsed", "true"));
    // a foreign student needs the letter to the Ministerio de Relaciones Exteriores
    assertInvalid(() -> d.complete(mee, "Task_IssueAcceptanceDre", Map.of("acceptanceLetterRef", "DRE-CA-1")), "ministryLetterRef");
    d.complete(mee, "Task_IssueAcceptanceDre", Map.of("acceptanceLetterRef", "DRE-CA-1", "ministryLetterRef", "DRE-MRE-1"));
    d.executeJob(mee, "SendTask_NotifyAcceptance");
    assertThat((String) d.lastMail(mee.getBusinessKey()).get("body")).contains("Ministerio de Relaciones Exteriores").contains("DRE-MRE-1");

    assertInvalid(() -> d.complete(mee, "Task_Legalization", without(d.legalization(mee), "responsibilityFormRef")),
        "responsibilityFormRef");
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    d.reportInSire(mee, "SIRE-1");

    // I17: the learning agreement must match the enrolled courses exactly
    d.complete(mee, "Task_OpenAcademicHistory", Map.of("academicHistoryId", "HA-1", "enrolledCourses", "Mecánica de suelos"));
    d.complete(mee, "Task_CheckLearningAgreement", Map.of("learningAgreementRef", "LA-1",
        "learningAgreementCourses", "Mecánica de suelos\nHidráulica"));
    assertThat(mee).hasPassed("Gateway_LearningAgreementMatches").isWaitingAt("Task_OpenAcademicHistory");
    assertThat((String) d.variable(mee, "learningAgreementMismatch")).contains("no inscritas: Hidráulica");
    d.register(mee);
    assertThat(mee).hasPassed("Task_SignLearningAgreementDre");
    d.finishStay(mee);
    LocalDate end = co.ori.agreements.AgreementValues.toLocalDate((java.util.Date) d.variable(mee, "endDate"));
    assertInvalid(() -> d.complete(mee, "Task_RecordDeparture", Map.of("departureDate", formDate(end))),
        "departureCertificateRef");
    d.departure(mee);
    d.reportInSire(mee, "SIRE-2");
    d.complete(mee, "Task_IssueGradeCertificate", Map.of("gradeCertificateRef", "CERT-UNAL-1"));
    d.executeJob(mee, "SendTask_SendGrades");
    assertThat(mee).isEnded().hasPassed("EndEvent_MobilityClosed");
    assertThat((String) d.lastMail(mee.getBusinessKey()).get("recipients")).contains("unal.dre@demo.ori.local");
  }

  @Test
  void aColombianStudentAtUfpsHasNoSireTasksAndGetsGradesOnlyWithPazYSalvo() {
    IncomingDriver d = driver("ufps");
    Map<String, Object> application = d.colombianApplication(d.agreement(3));
    ProcessInstance mee = d.start(application);
    assertThat(mee).variables().containsEntry("isForeign", false).containsEntry("needsSire", false)
        .containsEntry("ufpsFamily", "SEMESTER").containsEntry("deadlineOk", true);
    d.accept(mee);
    // I12: no BRACOL/PILA requested, the support branch ends at once
    assertThat(mee).hasPassed("Gateway_SupportFork", "Gateway_Support", "Gateway_SupportMerge")
        .hasNotPassed("CallActivity_UfpsFinancialSupport");
    // T42: health affiliation issued at most 30 days before
    Map<String, Object> legal = d.legalization(mee);
    legal.put("healthAffiliationIssueDate", formDate(today().minusDays(31)));
    assertInvalid(() -> d.complete(mee, "Task_Legalization", legal), "healthAffiliationIssueDate");
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    assertThat(mee).isWaitingAt("Task_OpenAcademicHistory");
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(mee.getId()).count()).isZero();
    d.register(mee);
    d.finishStay(mee);
    d.departure(mee);
    assertThat(mee).isWaitingAt("Task_VerifyClearance");
    assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(mee.getId()).count())
        .as("no SIRE report for a Colombian").isZero();

    d.complete(mee, "Task_VerifyClearance", Map.of("financialClearance", "false", "clearanceNotes", "Saldo de biblioteca"));
    d.executeJob(mee, "SendTask_RemindClearance");
    assertThat(d.lastMail(mee.getBusinessKey()).get("template")).isEqualTo("student-incoming-clearance-pending");
    d.complete(mee, "Task_VerifyClearance", Map.of("financialClearance", "true"));
    d.complete(mee, "Task_IssueGradeCertificate", Map.of("gradeCertificateRef", "CERT-UFPS-1"));
    d.executeJob(mee, "SendTask_SendGrades");
    assertThat(mee).isEnded().hasPassed("EndEvent_MobilityClosed");
  }

  /**
   * I12 (004 art. 25.2; procedures.md §7.1-7.2): a Brazilian student at the UFPS with BRACOL gets
   * the support in a parallel branch (ufps-financial-support, same business key, INCOMING, at most
   * 1.5 SMMLV a month, no airfare); the instalments are paid during the stay and the case closes
   * only when the grades are sent and the support ended.
   */
  @Test
  void aBrazilianStudentAtUfpsGetsBracolPaidInAParallelBranchAndTheCaseClosesWhenBothEnd() {
    IncomingDriver d = driver("ufps");
    Map<String, Object> application = d.foreignApplication(d.agreement(null));
    application.put("nationality", "Brasileña");
    application.put("homeCountry", "Brasil");
    application.put("supportProgram", "BRACOL");
    ProcessInstance mee = d.start(application);
    String key = mee.getBusinessKey();
    d.accept(mee);
    assertThat(mee).hasPassed("Gateway_SupportFork", "Gateway_Support")
        .isWaitingAt("Task_Legalization", "CallActivity_UfpsFinancialSupport");
    ProcessInstance support = runtimeService.createProcessInstanceQuery().superProcessInstanceId(mee.getId())
        .processDefinitionKey(SupportDriver.KEY).singleResult();
    assertThat(support.getBusinessKey()).isEqualTo(key);
    assertThat(support.getTenantId()).isEqualTo("ufps");
    assertThat(d.variable(support, "direction")).isEqualTo("INCOMING");
    assertThat(d.variable(support, "excluded")).as("%s", d.variable(support, "exclusionText")).isEqualTo(false);

    SupportDriver funding = new SupportDriver(runtimeService, taskService, managementService, jdbc);
    LocalDate start = d.start(mee);
    LocalDate end = co.ori.agreements.AgreementValues.toLocalDate((java.util.Date) d.variable(mee, "endDate"));
    funding.verify(support, start, end, 0);
    funding.inputs(support);
    funding.select(support);
    double proposed = ((Number) d.variable(support, "proposedAmount")).doubleValue();
    // BRACOL incoming: 1.5 SMMLV a month for 5 whole months, no airfare (§7.1)
    assertThat(proposed).isPositive();
    assertThat(d.variable(support, "monthlyRateSmmlv")).isEqualTo(1.5);
    assertThat(d.variable(support, "airfareIncluded")).isEqualTo(false);
    funding.approve(support, proposed);
    assertThat(support).isWaitingAt("TimerEvent_InstalmentDue");

    // the mobility goes on while the support pays its instalments
    d.use();
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    d.reportInSire(mee, "SIRE-LL-1");
    d.register(mee);
    int instalments = (Integer) d.variable(support, "instalmentCount");
    assertThat(instalments).isEqualTo(5);

    // X5 · F9: an approved extension is told to the running support, which is not extended (004 art. 47 par.)
    LocalDate extendedEnd = end.plusMonths(2);
    requestExtension(d, mee, extendedEnd);
    d.complete(mee, "Task_DecideExtensionCommittee", Map.of("extensionApproved", "true"));
    d.complete(mee, "Task_RecordInsuranceExtension", Map.of("insuranceExtensionRef", "https://dms.ori/seguro-ampliado.pdf"));
    assertThat(endDate(d, mee)).isEqualTo(extendedEnd);
    assertThat(d.variable(mee, "supportInformedOfExtension")).isEqualTo(true);
    assertThat(support).hasPassed("ServiceTask_RecordExtension");
    funding.executeJob(support, "SendTask_NotifyNotExtended");
    assertThat(d.variable(support, "instalmentCount")).as("the support is not extended").isEqualTo(instalments);
    for (int i = 0; i < instalments; i++) {
      funding.payNext(support);
    }
    funding.executeJob(support, "SendTask_NotifyClosed");
    assertThat(support).isEnded().hasPassed("EndEvent_SupportClosed");
    assertThat(mee).isNotEnded().hasNotPassed("Gateway_SupportJoin");
    assertThat(grants.findById("ufps", key).orElseThrow().status()).isEqualTo(SupportGrant.Status.PAID);

    d.use();
    d.finishStay(mee);
    d.departure(mee);
    d.reportInSire(mee, "SIRE-SA-1");
    d.complete(mee, "Task_VerifyClearance", Map.of("financialClearance", "true"));
    d.complete(mee, "Task_IssueGradeCertificate", Map.of("gradeCertificateRef", "CERT-UFPS-2"));
    d.executeJob(mee, "SendTask_SendGrades");
    assertThat(mee).isEnded().hasPassed("Gateway_SupportJoin", "EndEvent_MobilityClosed");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.COMPLETED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(mee.getId())
        .variableName("supportOutcome").singleResult().getValue()).isEqualTo("APPROVED_AND_PAID");
    assertThat((Double) historyService.createHistoricVariableInstanceQuery().processInstanceId(mee.getId())
        .variableName("supportApprovedAmount").singleResult().getValue())
        .isEqualTo(grants.findById("ufps", key).orElseThrow().approvedAmount().doubleValue());
  }

  @Test
  void aForeignStudentAtUfpsNeedsAPassportValidForAYear() {
    IncomingDriver d = driver("ufps");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    d.accept(mee);
    assertThat(mee).isWaitingAt("Task_Legalization");
    Map<String, Object> legal = d.legalization(mee);
    LocalDate start = d.start(mee);
    legal.put("passportExpiryDate", formDate(start.plusYears(1).minusDays(1)));
    assertInvalid(() -> d.complete(mee, "Task_Legalization", legal), "passportExpiryDate");
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    assertThat(d.sireCase(mee)).isNotNull();
    runtimeService.deleteProcessInstance(mee.getId(), "fin de la prueba");
  }

  // ---- extension during the stay (procedures.md §2.h.3 X1-X5, I19) --------------------------

  /** A foreign student of the tenant in the stay, waiting for its end (I19). */
  private ProcessInstance inStay(IncomingDriver d) {
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    d.accept(mee);
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    d.reportInSire(mee, "SIRE-LL-" + mee.getBusinessKey());
    d.register(mee);
    assertThat(mee).isWaitingAt("TimerEvent_StayEnds");
    return mee;
  }

  private void requestExtension(IncomingDriver d, ProcessInstance mee, LocalDate newEnd) {
    runtimeService.createMessageCorrelation("ExtensionRequested").processInstanceBusinessKey(mee.getBusinessKey())
        .tenantId(d.tenant).setVariable("newEndDate", formDate(newEnd)).correlate();
  }

  private static LocalDate endDate(IncomingDriver d, ProcessInstance mee) {
    return co.ori.agreements.AgreementValues.toLocalDate((java.util.Date) d.variable(mee, "endDate"));
  }

  /**
   * X1-X5 at the UFPS (004 art. 5.2, 47; T37, T46): the curricular committee approves one
   * extension, the ORI records the insurance proof, and the end date, its timer, the case registry
   * and the SIRE departure move; a second extension cannot be approved, and its refusal leaves the
   * stay as it was.
   */
  @Test
  void atUfpsOneApprovedExtensionMovesTheEndAndItsTimerAndASecondOneIsRefused() {
    IncomingDriver d = driver("ufps");
    ProcessInstance mee = inStay(d);
    LocalDate start = d.start(mee);
    LocalDate end = endDate(d, mee);
    assertInvalid(() -> requestExtension(d, mee, end), "newEndDate");
    assertThat(mee).hasNotPassed("BoundaryEvent_ExtensionRequested");

    // longer than the first period (5 months): not approvable; then one of 4 months
    requestExtension(d, mee, end.plusMonths(6));
    assertThat(mee).isWaitingAt("TimerEvent_StayEnds", "Task_DecideExtensionCommittee");
    assertThat(d.task(mee, "Task_DecideExtensionCommittee").getDueDate()).isEqualTo(dayEnd(end));
    assertInvalid(() -> d.complete(mee, "Task_DecideExtensionCommittee", Map.of("extensionApproved", "true")), "newEndDate");
    assertInvalid(() -> d.complete(mee, "Task_DecideExtensionCommittee", Map.of("extensionApproved", "false")),
        "extensionNotes");
    d.complete(mee, "Task_DecideExtensionCommittee", Map.of("extensionApproved", "false",
        "extensionNotes", "Más larga que el primer periodo"));
    assertThat(mee).hasPassed("EndEvent_ExtensionRejected").isWaitingAt("TimerEvent_StayEnds");
    assertThat(endDate(d, mee)).isEqualTo(end);
    assertThat(d.job(mee, "TimerEvent_StayEnds").getDuedate()).isEqualTo(dayEnd(end));

    LocalDate newEnd = end.plusMonths(4);
    requestExtension(d, mee, newEnd);
    d.complete(mee, "Task_DecideExtensionCommittee", Map.of("extensionApproved", "true"));
    assertThat(mee).isWaitingAt("TimerEvent_StayEnds", "Task_RecordInsuranceExtension");
    assertThat(endDate(d, mee)).as("unchanged until the insurance proof (T37)").isEqualTo(end);
    assertInvalid(() -> d.complete(mee, "Task_RecordInsuranceExtension", Map.of()), "insuranceExtensionRef");
    d.complete(mee, "Task_RecordInsuranceExtension", Map.of("insuranceExtensionRef", "https://dms.ori/seguro-ampliado.pdf"));
    assertThat(mee).hasPassed("ServiceTask_ApplyExtension", "EndEvent_ExtensionApplied").isWaitingAt("TimerEvent_StayEnds");
    assertThat(endDate(d, mee)).isEqualTo(newEnd);
    assertThat(d.variable(mee, "extensionCount")).isEqualTo(1);
    assertThat(d.variable(mee, "supportExtended")).isEqualTo(false);
    assertThat(d.variable(mee, "supportInformedOfExtension")).isEqualTo(false);
    assertThat(d.variable(mee, "academicPeriods")).isEqualTo(StudentIncoming.academicPeriods(start, newEnd));
    assertThat(d.job(mee, "TimerEvent_StayEnds").getDuedate()).isEqualTo(dayEnd(newEnd));
    MobilityCase registered = cases.findById("ufps", mee.getBusinessKey()).orElseThrow();
    assertThat(registered.endDate()).isEqualTo(newEnd);
    assertThat(registered.status()).isEqualTo(MobilityCase.Status.IN_PROGRESS);

    // T46: a second extension cannot be approved; refused, the stay stays as it is
    requestExtension(d, mee, newEnd.plusMonths(1));
    assertThat((String) assertInvalid(() -> d.complete(mee, "Task_DecideExtensionCommittee",
        Map.of("extensionApproved", "true")), "extensionApproved").getMessage()).contains("art. 47");
    d.complete(mee, "Task_DecideExtensionCommittee", Map.of("extensionApproved", "false",
        "extensionNotes", "Solo se permite una prórroga"));
    assertThat(endDate(d, mee)).isEqualTo(newEnd);
    assertThat(d.variable(mee, "extensionCount")).isEqualTo(1);
    assertThat(d.job(mee, "TimerEvent_StayEnds").getDuedate()).isEqualTo(dayEnd(newEnd));

    // the stay ends on the new date; the departure and its SIRE report follow it
    d.finishStay(mee);
    d.departure(mee);
    Task departure = d.reportInSire(mee, "SIRE-SA-" + mee.getBusinessKey());
    assertThat(departure.getDueDate()).isEqualTo(dayEnd(newEnd.plusDays(15)));
    runtimeService.deleteProcessInstance(mee.getId(), "fin de la prueba");
  }

  /**
   * X2 at CESMAG (002 art. 14 num. 1, CES-SI-01): the programme director approves an extension
   * within two academic periods; one that would reach a third period cannot be approved.
   */
  @Test
  void atCesmagAnExtensionIsApprovedWithinTwoAcademicPeriodsButNotIntoAThird() {
    IncomingDriver d = driver("cesmag");
    ProcessInstance mee = inStay(d);
    LocalDate start = d.start(mee);
    LocalDate newEnd = endDate(d, mee).plusMonths(1);
    assertThat(StudentIncoming.academicPeriods(start, newEnd)).isLessThanOrEqualTo(2);
    requestExtension(d, mee, newEnd);
    assertThat(mee).isWaitingAt("TimerEvent_StayEnds", "Task_DecideExtension");
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_DecideExtension").processInstanceId(mee.getId())
        .taskCandidateGroup("program-director").count()).isEqualTo(1);
    d.complete(mee, "Task_DecideExtension", Map.of("extensionApproved", "true"));
    d.complete(mee, "Task_RecordInsuranceExtension", Map.of("insuranceExtensionRef", "https://dms.ori/seguro.pdf"));
    assertThat(endDate(d, mee)).isEqualTo(newEnd);
    assertThat(d.job(mee, "TimerEvent_StayEnds").getDuedate()).isEqualTo(dayEnd(newEnd));
    assertThat(cases.findById("cesmag", mee.getBusinessKey()).orElseThrow().endDate()).isEqualTo(newEnd);

    LocalDate third = newEnd.plusMonths(7);
    assertThat(StudentIncoming.academicPeriods(start, third)).isGreaterThan(2);
    requestExtension(d, mee, third);
    assertThat((String) assertInvalid(() -> d.complete(mee, "Task_DecideExtension", Map.of("extensionApproved", "true")),
        "extensionApproved").getMessage()).contains("periodos académicos");
    d.complete(mee, "Task_DecideExtension", Map.of("extensionApproved", "false", "extensionNotes", "Superaría dos periodos"));
    assertThat(mee).hasPassed("EndEvent_ExtensionRejected").isWaitingAt("TimerEvent_StayEnds");
    assertThat(endDate(d, mee)).isEqualTo(newEnd);
    assertThat(d.variable(mee, "extensionCount")).isEqualTo(1);
    assertThat(d.job(mee, "TimerEvent_StayEnds").getDuedate()).isEqualTo(dayEnd(newEnd));
    runtimeService.deleteProcessInstance(mee.getId(), "fin de la prueba");
  }

  // ---- routing and the rules of §3 at their boundaries ----------------------------------------

  @Test
  void atUnalWithoutAnAgreementInForceTheApplicationIsRoutedToFreeMover() {
    IncomingDriver d = driver("unal");
    String expired = d.agreement(AgreementStatus.EXPIRED, today().minusYears(3), today().minusDays(1), null, false);
    Map<String, Object> application = d.foreignApplication(expired);
    // a free mover is approved for one UNAL academic period (003 Parte 3 §7): the second period of next year
    LocalDate start = LocalDate.of(today().getYear() + 1, 8, 10);
    application.put("startDate", formDate(start));
    application.put("endDate", formDate(start.withMonth(12)));
    application.put("targetPeriod", IncomingDriver.period(start));
    // a home institution with no agreement of any kind in the registry (UN-FM-04 looks it up by name)
    application.put("homeInstitution", "Universidad Autónoma de Guadalajara " + application.get("documentNumber"));
    ProcessInstance mee = d.start(application);
    assertThat(mee).isWaitingAt("CallActivity_FreeMover").hasNotPassed("BusinessRuleTask_Eligibility");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.ROUTED_TO_FREE_MOVER);

    // the free-mover case: its own key and registry row, incoming lane, same student
    ProcessInstance freeMover = runtimeService.createProcessInstanceQuery().superProcessInstanceId(mee.getId())
        .singleResult();
    assertThat(freeMover.getProcessDefinitionId()).startsWith(FREE_MOVER + ":");
    assertThat(freeMover.getTenantId()).isEqualTo("unal");
    assertThat(freeMover.getBusinessKey()).startsWith("MLI-").isNotEqualTo(mee.getBusinessKey());
    assertThat(d.variable(freeMover, "direction")).isEqualTo("INCOMING");
    assertThat(d.variable(freeMover, "sourceCaseKey")).isEqualTo(mee.getBusinessKey());
    assertThat(d.variable(freeMover, "documentNumber")).isEqualTo(application.get("documentNumber"));
    assertThat(d.variable(freeMover, "studentStatusCertified")).isEqualTo(true);
    assertThat(d.variable(freeMover, "outsideAgreementCertified")).isEqualTo(true);
    assertThat(d.variable(freeMover, "homeFaculty")).isEqualTo(application.get("homeProgramName"));
    MobilityCase freeMoverCase = cases.findById("unal", freeMover.getBusinessKey()).orElseThrow();
    assertThat(freeMoverCase.freeMover()).isTrue();
    assertThat(freeMoverCase.direction()).isEqualTo(MobilityCase.Direction.INCOMING);
    assertThat(freeMoverCase.personId()).isEqualTo(application.get("documentNumber"));
    assertThat(freeMover).isWaitingAt("Task_ConsiderLearningAgreement");

    // the curricular area director refuses it: the free-mover case ends, and with it the routed case
    d.complete(freeMover, "Task_ConsiderLearningAgreement", Map.of("academicDecision", "REJECTED",
        "academicNotes", "Sin cupos en el periodo"));
    d.executeJob(freeMover, "SendTask_NotifyRejected");
    assertThat(freeMover).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(mee).isEnded().hasPassed("CallActivity_FreeMover", "EndEvent_RoutedToFreeMover");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.ROUTED_TO_FREE_MOVER);
    assertThat(cases.findById("unal", freeMover.getBusinessKey()).orElseThrow().status())
        .isEqualTo(MobilityCase.Status.REJECTED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(mee.getId())
        .variableName("freeMoverCaseKey").singleResult().getValue()).isEqualTo(freeMover.getBusinessKey());
  }

  static Stream<Arguments> eligibilityBoundaries() {
    return Stream.of(
        // CES-SI-01: exactly 3 months is a short stay; one day more is medium
        row("cesmag", "3 months = CORTA", Map.of("months", 3, "days", 0), "CES-SI-01"),
        row("cesmag", "3 months + 1 day = MEDIA", Map.of("months", 3, "days", 1)),
        row("cesmag", "CORTA for partial topics", Map.of("months", 1, "days", 0, "partialCourseShortStay", "true")),
        // CES-SI-02: adult on the start day (18 years), one day younger fails; virtual is exempt
        row("cesmag", "18 the day it starts", Map.of("ageDays", 0)),
        row("cesmag", "18 the day after it starts", Map.of("ageDays", 1), "CES-SI-02"),
        row("cesmag", "minor in virtual", Map.of("ageDays", 1, "modality", "VIRTUAL")),
        row("cesmag", "no presentation letter", Map.of("presentationLetter", ""), "CES-SI-03"),
        row("cesmag", "courses not approved, tuition unpaid", Map.of("coursesApprovedByHome", "false",
            "tuitionPaidAtHome", "false"), "CES-SI-04", "CES-SI-07"),
        row("cesmag", "no places left", Map.of("places", 0), "CES-SI-05"),
        row("cesmag", "non-Spanish origin without certificate", Map.of("originSpanishSpeaking", "false",
            "homeCountry", "Brasil", "nationality", "Brasileña"), "CES-SI-06"),
        row("cesmag", "non-Spanish origin with certificate", Map.of("originSpanishSpeaking", "false",
            "homeCountry", "Brasil", "nationality", "Brasileña", "spanishCertificate", "SIELE B2")),
        row("cesmag", "no agreement", Map.of("noAgreement", true), "CES-SI-09"),
        row("unal", "not recognized", Map.of("homeInstitutionRecognized", "false"), "UN-SI-01"),
        row("unal", "Brazilian without B1", Map.of("originSpanishSpeaking", "false", "homeCountry", "Brasil",
            "nationality", "Brasileña"), "UN-SI-03"),
        row("unal", "health programme without documents", Map.of("healthProgram", "true"), "UN-SI-04"),
        row("unal", "internship without tutor letter", Map.of("unalModality", "PASANTIA"), "UN-SI-05"),
        row("unal", "internship with tutor letter", Map.of("unalModality", "PASANTIA", "tutorInvitationLetter", "Carta prof. Ruiz")),
        row("ufps", "not a regular student, sent by the student", Map.of("regularStudent", "false",
            "submittedBy", "STUDENT_ONLINE"), "UF-SI-01", "UF-SI-02"),
        // UF-SI-03: 10-semester programme needs the 4th semester passed; <10 the 3rd
        row("ufps", "10 semesters, 4th passed", Map.of("highestSemesterFullyPassed", 4)),
        row("ufps", "10 semesters, 3rd passed", Map.of("highestSemesterFullyPassed", 3), "UF-SI-03"),
        row("ufps", "8 semesters, 3rd passed", Map.of("highestSemesterFullyPassed", 3, "programDurationSemesters", 8)),
        row("ufps", "8 semesters, 2nd passed", Map.of("highestSemesterFullyPassed", 2, "programDurationSemesters", 8), "UF-SI-03"),
        row("ufps", "3rd passed but the agreement waives it", Map.of("highestSemesterFullyPassed", 3, "progressRuleWaived", "true")),
        row("ufps", "technologist 50 %", Map.of("programLevel", "TECNOLOGICO", "creditsApprovedPct", 50.0)),
        row("ufps", "technologist 49.9 %", Map.of("programLevel", "TECNOLOGICO", "creditsApprovedPct", 49.9), "UF-SI-03"),
        row("ufps", "call requirements not met", Map.of("callRequirementsMet", "false"), "UF-SI-04"),
        row("ufps", "Brazilian learning Spanish", Map.of("originSpanishSpeaking", "false", "homeCountry", "Brasil",
            "nationality", "Brasileña", "activityIsSpanishLearning", "true")),
        row("ufps", "Brazilian without certificate", Map.of("originSpanishSpeaking", "false", "homeCountry", "Brasil",
            "nationality", "Brasileña"), "UF-SI-05"),
        row("ufps", "minor without authorization", Map.of("minor", true), "UF-SI-06"),
        row("ufps", "minor with authorization", Map.of("minor", true, "legalGuardianAuthorization", "Autorización notariada")),
        row("ufps", "received the day after the deadline", Map.of("late", true), "UF-SI-07"),
        row("ufps", "semester without agreement", Map.of("noAgreement", true), "UF-SI-08"),
        row("ufps", "short event by invitation, no agreement", Map.of("noAgreement", true, "ufpsType", "CORTA_EVENTO",
            "route", "DIRECT_INVITATION", "months", 0, "days", 10)));
  }

  private static Arguments row(String tenant, String name, Map<String, Object> facts, String... failed) {
    return Arguments.of(tenant, name, facts, Arrays.asList(failed));
  }

  @ParameterizedTest(name = "{0}: {1} → {3}")
  @MethodSource("eligibilityBoundaries")
  void theRulesOfEachInstitutionAtTheirBoundaries(String tenant, String name, Map<String, Object> facts,
      List<String> expected) {
    IncomingDriver d = driver(tenant);
    Map<String, Object> f = new HashMap<>(facts);
    boolean noAgreement = Boolean.TRUE.equals(f.remove("noAgreement"));
    Integer places = (Integer) f.remove("places");
    Map<String, Object> v = d.foreignApplication(noAgreement ? null : d.agreement(places));
    if (noAgreement) {
      v.remove("agreementId");
    }
    LocalDate start = IncomingDriver.start();
    Integer months = (Integer) f.remove("months");
    Integer days = (Integer) f.remove("days");
    if (months != null) {
      v.put("endDate", formDate(start.plusMonths(months).plusDays(days).minusDays(1)));
    }
    Integer ageDays = (Integer) f.remove("ageDays");
    if (ageDays != null) {
      v.put("birthDate", formDate(start.minusYears(18).plusDays(ageDays)));
    }
    if (Boolean.TRUE.equals(f.remove("minor"))) {
      v.put("birthDate", formDate(today().minusYears(17)));
    }
    if (Boolean.TRUE.equals(f.remove("late"))) {
      putDeadlineCase(v, 1);
    }
    v.putAll(f);

    ProcessInstance mee = d.start(v);

    assertThat(d.failedRules(mee)).as(name).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(d.variable(mee, "eligible")).isEqualTo(expected.isEmpty());
    if (expected.isEmpty()) {
      assertThat(mee).isWaitingAt("Task_ReviewCompleteness");
      runtimeService.deleteProcessInstance(mee.getId(), "prueba de elegibilidad");
      return;
    }
    d.executeJob(mee, "SendTask_NotifyNotEligible");
    assertThat(mee).isEnded().hasPassed("EndEvent_NotEligible");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.NOT_ELIGIBLE);
    Map<String, Object> mail = d.lastMail(mee.getBusinessKey());
    assertThat(mail.get("template")).isEqualTo("student-incoming-not-eligible");
    for (String rule : expected) {
      assertThat((String) mail.get("body")).contains(rule + ": ");
    }
  }

  @Test
  void aUfpsApplicationReceivedOnTheDeadlineIsInTime() {
    IncomingDriver d = driver("ufps");
    Map<String, Object> v = d.foreignApplication(d.agreement(null));
    putDeadlineCase(v, 0);
    ProcessInstance mee = d.start(v);
    assertThat(d.failedRules(mee)).isEmpty();
    assertThat(mee).variables().containsEntry("deadlineOk", true);
    runtimeService.deleteProcessInstance(mee.getId(), "prueba");
  }

  /**
   * A UFPS mobility starting in a week: its period's deadline (004 art. 44: 30 November of the
   * previous year, or 31 May) is always past; the documents are received {@code daysLate} after it.
   */
  private static void putDeadlineCase(Map<String, Object> v, int daysLate) {
    LocalDate start = today().plusDays(7);
    LocalDate deadline = StudentIncoming.documentsDeadline(IncomingDriver.period(start));
    v.put("startDate", formDate(start));
    v.put("endDate", formDate(start.plusMonths(5)));
    v.put("targetPeriod", IncomingDriver.period(start));
    v.put("receivedDate", formDate(deadline.plusDays(daysLate)));
  }

  // ---- other outcomes -------------------------------------------------------------------------

  @Test
  void twoCorrectionRoundsThenTheApplicationIsDiscontinued() {
    IncomingDriver d = driver("cesmag");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    assertInvalid(() -> d.complete(mee, "Task_ReviewCompleteness", Map.of("docsComplete", "false")), "missingDocs");
    for (int round = 1; round <= 2; round++) {
      d.complete(mee, "Task_ReviewCompleteness", Map.of("docsComplete", "false", "missingDocs", "Carta de motivación"));
      d.executeJob(mee, "SendTask_RequestCorrections");
      assertThat(d.lastMail(mee.getBusinessKey()).get("body").toString()).contains("Oportunidad de corrección " + round + " de 2");
      d.complete(mee, "Task_RegisterCorrections", Map.of("correctedDocuments", "https://dms.unam.mx/motivacion-v" + round + ".pdf"));
    }
    d.complete(mee, "Task_ReviewCompleteness", Map.of("docsComplete", "false", "missingDocs", "Carta de motivación firmada"));
    d.executeJob(mee, "SendTask_NotifyDiscontinued");
    assertThat(mee).isEnded().hasPassed("EndEvent_Discontinued");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.DISCONTINUED);
  }

  @Test
  void theProgramOrTheCampusMayRefuseTheMobility() {
    IncomingDriver ces = driver("cesmag");
    ProcessInstance refused = ces.start(ces.foreignApplication(ces.agreement(null)));
    ces.completenessOk(refused);
    assertInvalid(() -> ces.complete(refused, "Task_AcademicApproval", Map.of("academicDecision", "REJECTED")), "academicNotes");
    ces.complete(refused, "Task_AcademicApproval", Map.of("academicDecision", "REJECTED", "academicNotes", "Sin cupo en el laboratorio"));
    ces.executeJob(refused, "SendTask_NotifyRejected");
    assertThat(refused).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(historic(refused, "failedRules").toString()).isEqualTo("[]");
    assertThat(ces.lastMail(refused.getBusinessKey()).get("body").toString()).contains("Sin cupo en el laboratorio");

    IncomingDriver unal = driver("unal");
    ProcessInstance notEndorsed = unal.start(unal.foreignApplication(unal.agreement(null)));
    unal.completenessOk(notEndorsed);
    unal.approveByProgram(notEndorsed);
    unal.complete(notEndorsed, "Task_CampusEndorsement", Map.of("campusEndorsed", "false", "campusNotes", "Fechas fuera del calendario"));
    unal.executeJob(notEndorsed, "SendTask_NotifyRejected");
    assertThat(notEndorsed).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(historic(notEndorsed, "failedRules").toString()).isEqualTo("[\"UN-SI-06\"]");
    assertThat(historic(notEndorsed, "eligible")).isEqualTo(false);
    assertThat(caseStatus(unal, notEndorsed)).isEqualTo(MobilityCase.Status.REJECTED);
  }

  @Test
  void withoutLegalizationAtTheStartTheOfficePostponesAndThenCancels() {
    IncomingDriver d = driver("cesmag");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    d.accept(mee);
    assertThat(d.job(mee, "BoundaryEvent_LegalizationDeadline").getDuedate()).isEqualTo(dayEnd(IncomingDriver.start()));
    d.executeJob(mee, "BoundaryEvent_LegalizationDeadline");
    LocalDate newStart = IncomingDriver.start().plusMonths(1);
    assertInvalid(() -> d.complete(mee, "Task_PostponeOrCancel", Map.of("postponeDecision", "POSTPONE",
        "newStartDate", formDate(newStart), "newEndDate", formDate(newStart.minusDays(1)))), "newEndDate");
    d.complete(mee, "Task_PostponeOrCancel", Map.of("postponeDecision", "POSTPONE",
        "newStartDate", formDate(newStart), "newEndDate", formDate(newStart.plusMonths(5).minusDays(1))));
    assertThat(mee).isWaitingAt("Task_Legalization").variables().containsEntry("postponements", 1)
        .containsEntry("startDate", dayStart(newStart));
    assertThat(d.job(mee, "BoundaryEvent_LegalizationDeadline").getDuedate()).isEqualTo(dayEnd(newStart));
    assertThat(caseStatus(d, mee)).as("postponed, not started").isEqualTo(MobilityCase.Status.ACCEPTED);
    d.executeJob(mee, "BoundaryEvent_LegalizationDeadline");
    d.complete(mee, "Task_PostponeOrCancel", Map.of("postponeDecision", "CANCEL", "postponeNotes", "El estudiante no obtuvo la visa"));
    d.executeJob(mee, "SendTask_NotifyCancelled");
    assertThat(mee).isEnded().hasPassed("EndEvent_Cancelled");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.CANCELLED);
  }

  @Test
  void aWithdrawalAfterTheArrivalReportsTheDepartureInSire() {
    IncomingDriver d = driver("unal");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    d.accept(mee);
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    d.reportInSire(mee, "SIRE-LL-9");
    runtimeService.createMessageCorrelation("WithdrawalRequested").tenantId("unal")
        .processInstanceBusinessKey(mee.getBusinessKey()).setVariable("withdrawalReason", "Calamidad familiar").correlate();
    d.complete(mee, "Task_RecordWithdrawal", Map.of("withdrawalDate", formDate(today()), "withdrawalNotes", "Regresa a México"));
    Task departure = d.reportInSire(mee, "SIRE-SAL-9");
    assertThat(departure.getDueDate()).isEqualTo(dayEnd(today().plusDays(15)));
    d.executeJob(mee, "SendTask_NotifyWithdrawal");
    assertThat(mee).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(caseStatus(d, mee)).isEqualTo(MobilityCase.Status.WITHDRAWN);
  }

  @Test
  void aWithdrawalBeforeArrivalNeedsNoSireReport() {
    IncomingDriver d = driver("ufps");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    d.completenessOk(mee);
    runtimeService.createMessageCorrelation("WithdrawalRequested").tenantId("ufps")
        .processInstanceBusinessKey(mee.getBusinessKey()).correlate();
    d.complete(mee, "Task_RecordWithdrawal", Map.of("withdrawalDate", formDate(today()), "withdrawalNotes", "Desiste"));
    d.executeJob(mee, "SendTask_NotifyWithdrawal");
    assertThat(mee).isEnded().hasPassed("EndEvent_Withdrawn").hasNotPassed("CallActivity_SireWithdrawal");
  }

  @Test
  void aCesmagShortStayForPartialTopicsIsGradedWithoutAcademicRegistry() {
    IncomingDriver d = driver("cesmag");
    Map<String, Object> v = d.colombianApplication(d.agreement(null));
    v.put("partialCourseShortStay", "true");
    v.put("endDate", formDate(IncomingDriver.start().plusDays(20)));
    ProcessInstance mee = d.start(v);
    assertThat(mee).variables().containsEntry("stayType", "CORTA").containsEntry("formalRegistration", false);
    d.accept(mee);
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    assertThat(mee).isWaitingAt("TimerEvent_StayEnds");
    d.finishStay(mee);
    d.complete(mee, "Task_RecordDeparture", Map.of("departureDate", formDate(IncomingDriver.start().plusDays(20)),
        "cardReturned", "false"));
    assertInvalid(() -> d.complete(mee, "Task_GradePartialTopics", Map.of("partialGrade", 5.1,
        "partialTopics", "Unidad 3", "gradeCertificateRef", "NOTA-1")), "partialGrade");
    d.complete(mee, "Task_GradePartialTopics", Map.of("partialGrade", 4.5, "partialTopics", "Unidad 3: cimentaciones",
        "gradeCertificateRef", "NOTA-1"));
    d.executeJob(mee, "SendTask_SendGrades");
    assertThat(mee).isEnded().hasPassed("EndEvent_MobilityClosed").hasNotPassed("Task_OpenAcademicHistory");
  }

  @Test
  void anOverdueSireReportIsEscalated() {
    IncomingDriver d = driver("cesmag");
    ProcessInstance mee = d.start(d.foreignApplication(d.agreement(null)));
    d.accept(mee);
    d.complete(mee, "Task_Legalization", d.legalization(mee));
    ProcessInstance sire = d.sireCase(mee);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(sire.getId())
        .activityId("BoundaryEvent_SireReportOverdue").singleResult().getId());
    String send = managementService.createJobQuery().processInstanceId(sire.getId()).activityId("SendTask_EscalateSireReport")
        .singleResult().getId();
    managementService.executeJob(send);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(sire.getId())
        .activityId("SendTask_EscalateSireReport").singleResult().getId());
    assertThat(sire).hasPassed("EndEvent_SireOverdueEscalated").isWaitingAt("Task_ReportInSire");
    runtimeService.deleteProcessInstance(mee.getId(), "fin de la prueba");
  }

  // ---- start validation (REST: 400) ------------------------------------------------------------

  @Test
  void badStartsAreRefusedNamingTheVariableAndLeaveNoInstance() {
    IncomingDriver d = driver("unal");
    String agreement = d.agreement(null);
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IncomingDriver.KEY).count();
    LocalDate start = IncomingDriver.start();
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "endDate", formDate(start.minusDays(1)))), "endDate");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "cumulativeGpa", 5.01)), "cumulativeGpa");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "creditsApprovedPct", 100.5)), "creditsApprovedPct");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "programLevel", "BACHILLERATO")), "programLevel");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "scope", "NACIONAL")), "scope");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "homeContactEmail", "movilidad-unam")), "homeContactEmail");
    assertInvalid(() -> d.start(without(d.foreignApplication(agreement), "unalModality")), "unalModality");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "supportProgram", "PILA")), "supportProgram");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "callId", "CALL-NO-EXISTE")), "callId");
    assertInvalid(() -> d.start(with(d.foreignApplication(agreement), "startDate", formDate(today()))), "startDate");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IncomingDriver.KEY).count())
        .isEqualTo(before);
  }

  /** A variable of a case that may have ended (from history). */
  private Object historic(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private static Map<String, Object> with(Map<String, Object> v, String name, Object value) {
    v.put(name, value);
    return v;
  }

  private static Map<String, Object> without(Map<String, Object> v, String name) {
    v.remove(name);
    return v;
  }
}
