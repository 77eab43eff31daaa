package co.ori.mobility.freemover;

import static co.ori.support.ProcessTestDriver.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import co.ori.support.ProcessTestDriver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code processes/free-mover.bpmn} (UNAL 003 Parte 3 and Anexo 1;
 * {@code procedures.md} §2.e) on the real engine, tenant {@code unal}, with the tenant's DMN
 * {@code free-mover-eligibility}, the real agreement and mobility-case registries, the mail outbox
 * and the shared {@code sire-report} subprocess. Timers and asynchronous send tasks are executed
 * explicitly (job executor off). Fails below 90 % flow-node coverage of the models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ori.tenants[0].id=unal",
    "ori.tenants[0].name=Universidad Nacional de Colombia",
    "ori.tenants[0].procedures[0]=free-mover",
    "ori.tenants[0].procedures[1]=sire-report"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class FreeMoverProcessTest {

  static final String TENANT = "unal";
  static final double REQUIRED_COVERAGE = 0.9;
  static final AtomicInteger SEQ = new AtomicInteger();

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties freeMoverCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(REQUIRED_COVERAGE).build();
    }
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DecisionService decisionService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired AgreementRegistry agreements;
  @Autowired MobilityCaseRegistry cases;
  @Autowired FreeMoverSettings settings;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  Driver driver;

  /** The common process-test helpers for tenant unal. */
  static class Driver extends ProcessTestDriver {
    Driver(RuntimeService r, TaskService t, ManagementService m, JdbcClient j) {
      super(r, t, m, j, TENANT);
    }
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    driver = new Driver(runtimeService, taskService, managementService, jdbc);
  }

  // ---- start data -----------------------------------------------------------------------------

  static int year() {
    return ProcessTestDriver.today().getYear() + 1;
  }

  static Map<String, Object> incoming(boolean foreign) {
    Map<String, Object> v = new HashMap<>();
    v.put("direction", "INCOMING");
    v.put("documentNumber", "FM" + SEQ.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6));
    v.put("documentType", foreign ? "PASAPORTE" : "CEDULA_CIUDADANIA");
    v.put("fullName", "Lucía Fernández Ortega");
    v.put("email", "lucia@example.org");
    v.put("nationality", foreign ? "México" : "Colombia");
    v.put("programName", "Ingeniería Civil");
    v.put("programLevel", "PROFESIONAL");
    v.put("targetPeriod", year() + "-1");
    v.put("startDate", year() + "-02-15");
    v.put("endDate", year() + "-06-20");
    v.put("studentStatusCertified", "true");
    v.put("learningAgreement", "Hidráulica (3 créditos), Geotecnia (4 créditos)");
    v.put("homeInstitution", foreign ? "Universidad Autónoma de Guadalajara " + SEQ.get() : "Universidad del Cauca " + SEQ.get());
    v.put("homeCountry", foreign ? "México" : "Colombia");
    v.put("homeFaculty", "Facultad de Ingeniería");
    v.put("homeContactEmail", "movilidad@origen.example.org");
    v.put("campus", "Bogotá");
    v.put("hostFaculty", "Facultad de Ingeniería");
    v.put("outsideAgreementCertified", "true");
    return v;
  }

  static Map<String, Object> outgoing() {
    Map<String, Object> v = new HashMap<>();
    v.put("direction", "OUTGOING");
    v.put("documentNumber", "FO" + SEQ.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6));
    v.put("fullName", "Andrés Pérez Gómez");
    v.put("email", "andres@unal.example.org");
    v.put("nationality", "CO");
    v.put("programName", "Economía");
    v.put("programLevel", "MAESTRIA");
    v.put("targetPeriod", year() + "-2");
    v.put("startDate", year() + "-08-10");
    v.put("endDate", year() + "-12-10");
    v.put("enrolmentStatus", "MATRICULADO");
    v.put("hostInstitution", "Universidad de Salamanca");
    v.put("hostCountry", "España");
    return v;
  }

  ProcessInstance start(Map<String, Object> v) {
    ProcessInstance pi = runtimeService.createProcessInstanceByKey("free-mover").processDefinitionTenantId(TENANT)
        .setVariables(v).execute();
    drain(pi);
    return pi;
  }

  /** Runs every due asynchronous job of the case and of its SIRE subprocesses. */
  void drain(ProcessInstance pi) {
    String key = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult() == null
        ? null : runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
    for (int i = 0; i < 50; i++) {
      List<Job> jobs = managementService.createJobQuery().executable().messages().list().stream()
          .filter(j -> j.getProcessInstanceId() != null && (j.getProcessInstanceId().equals(pi.getId())
              || (key != null && key.equals(businessKey(j.getProcessInstanceId())))))
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  String businessKey(String processInstanceId) {
    ProcessInstance p = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return p == null ? null : p.getBusinessKey();
  }

  void complete(ProcessInstance pi, String taskKey, Object... kv) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    driver.complete(pi, taskKey, v);
    drain(pi);
  }

  void timer(ProcessInstance pi, String activityId) {
    managementService.executeJob(driver.job(pi, activityId).getId());
    drain(pi);
  }

  void reportSire(ProcessInstance pi) {
    Task task = taskService.createTaskQuery().processDefinitionKey("sire-report")
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    assertThat(task).as("SIRE task").isNotNull();
    taskService.complete(task.getId(), Map.of("sireReceiptRef", "SIRE-" + pi.getBusinessKey(),
        "sireReportDate", ProcessTestDriver.today().toString()));
    drain(pi);
  }

  void message(ProcessInstance pi, String name, Map<String, Object> v) {
    runtimeService.createMessageCorrelation(name).processInstanceBusinessKey(pi.getBusinessKey())
        .tenantId(TENANT).setVariables(v).correlate();
    drain(pi);
  }

  List<String> failedRules(ProcessInstance pi, String name) {
    boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0;
    SpinJsonNode node = (SpinJsonNode) (running ? driver.variable(pi, name)
        : historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
            .singleResult().getValue());
    return node.elements().stream().map(SpinJsonNode::stringValue).toList();
  }

  /** FI3-FI8 up to the payment task, first period. */
  void approveAndSign(ProcessInstance pi, boolean foreign) {
    complete(pi, "Task_ConsiderLearningAgreement", "academicDecision", "APPROVED",
        "coordinatorName", "Prof. Marta Rojas", "curricularArea", "Ingeniería Civil y Agrícola");
    complete(pi, "Task_CouncilApproval", "councilApproved", "true", "councilName",
        "Consejo de la Facultad de Ingeniería", "councilActRef", "Acta 12 de " + year(), "academicFeeValue", 500000);
    draftAndSign(pi);
    complete(pi, "Task_CampusEndorsement", "campusEndorsed", "true");
    complete(pi, "Task_IssueAcceptance", "acceptanceLetterRef", "DRE-CA-1", "ministryLetterRef", foreign ? "DRE-MRE-1" : null);
  }

  void draftAndSign(ProcessInstance pi) {
    complete(pi, "Task_DraftAgreement", "unalSignatoryName", "Carlos Hernández", "unalSignatoryPosition",
        "Vicerrector de Sede", "unalSignatoryIdNumber", "79123456", "unalSignatoryIdCity", "Bogotá",
        "unalSignatoryCity", "Bogotá", "unalSignatoryAppointment", "Resolución n.º 123 de 2024",
        "homeSignatoryName", "Ana Torres", "homeSignatoryPosition", "Directora de Internacionalización",
        "homeCoordinatorName", "Prof. Jorge Díaz", "homeCoordinatorPosition", "Coordinador de movilidad",
        "studentCity", "Guadalajara");
    complete(pi, "Task_CollectSignatures", "agreementSigned", "true", "agreementSignedDate",
        ProcessTestDriver.today().toString(), "signedAgreementRef", "DMS-123");
  }

  void payAndLegalize(ProcessInstance pi, boolean foreign) {
    complete(pi, "Task_PayFeesAndInsurance", "feeReceiptRef", "REC-1", "insuranceType", foreign ? "INTERNACIONAL" : "EPS",
        "insuranceRef", "POL-1", "insuranceValidUntil", "2099-12-31", "visaType", foreign ? "Visa de estudiante" : null,
        "visaRef", foreign ? "VISA-1" : null);
    complete(pi, "Task_Legalize", "feesPaid", "true", "insurancePresented", "true",
        "migrationRequirementsMet", foreign ? "true" : null);
  }

  String docxText(ProcessInstance pi) throws Exception {
    FileValue file = runtimeService.getVariableTyped(pi.getId(), "individualAgreementDocument");
    assertThat(file.getMimeType()).isEqualTo(IndividualAgreementDocument.MIME_TYPE);
    try (InputStream in = file.getValue(); XWPFDocument doc = new XWPFDocument(in);
         XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      return text.getText();
    }
  }

  // ---- incoming: one extension, a refused second one ------------------------------------------

  @Test
  void incomingForeignStudentGetsOneExtensionAndIsRefusedASecond() throws Exception {
    Map<String, Object> start = incoming(true);
    ProcessInstance pi = start(start);
    String key = pi.getBusinessKey();
    assertThat(key).startsWith("MLI-");
    assertThat(pi).isWaitingAt("Task_ConsiderLearningAgreement").variables()
        .containsEntry("eligible", true).containsEntry("freeMover", true).containsEntry("isForeign", true)
        .containsEntry("stayType", "MEDIA");
    assertThat(failedRules(pi, "failedRules")).isEmpty();
    assertThat(cases.findById(TENANT, key)).get().satisfies(c -> {
      assertThat(c.freeMover()).isTrue();
      assertThat(c.direction()).isEqualTo(MobilityCase.Direction.INCOMING);
      assertThat(c.status()).isEqualTo(MobilityCase.Status.APPLIED);
    });

    complete(pi, "Task_ConsiderLearningAgreement", "academicDecision", "APPROVED",
        "coordinatorName", "Prof. Marta Rojas", "curricularArea", "Ingeniería Civil y Agrícola");
    complete(pi, "Task_CouncilApproval", "councilApproved", "true", "councilName",
        "Consejo de la Facultad de Ingeniería", "councilActRef", "Acta 12", "academicFeeValue", "500000");
    // §7.4 undergraduate: welfare + systematization + insurance (configuration) + council fee
    FreeMoverSettings.Undergraduate u = settings.fees().undergraduate();
    assertThat((Double) driver.variable(pi, "feeTotal"))
        .isEqualTo(u.welfare() + u.systematization() + u.insurance() + 500000.0);
    assertThat(driver.variable(pi, "feeFormula")).isEqualTo("PREGRADO");

    complete(pi, "Task_DraftAgreement", "unalSignatoryName", "Carlos Hernández", "unalSignatoryPosition",
        "Vicerrector de Sede", "unalSignatoryIdNumber", "79123456", "unalSignatoryIdCity", "Bogotá",
        "unalSignatoryCity", "Bogotá", "unalSignatoryAppointment", "Resolución n.º 123 de 2024",
        "homeSignatoryName", "Ana Torres", "homeSignatoryPosition", "Directora de Internacionalización",
        "homeCoordinatorName", "Prof. Jorge Díaz", "homeCoordinatorPosition", "Coordinador de movilidad",
        "studentCity", "Guadalajara");
    String text = docxText(pi);
    assertThat(text).contains("CONVENIO ESPECÍFICO E INDIVIDUAL", "Lucía Fernández Ortega", (String) start.get("homeInstitution"),
        key + "-C1", "Carlos Hernández", "Consejo de la Facultad de Ingeniería", "Prof. Marta Rojas",
        "15/02/" + year(), "30/06/" + year(), "tres (3) ejemplares").doesNotContain("{{");

    // FI6: reminder while signatures are pending; an unsigned agreement goes back to drafting (UN-FM-05)
    timer(pi, "BoundaryEvent_SignatureReminder");
    assertThat(driver.mailTemplates(key)).contains("free-mover-signature-reminder");
    assertThat(pi).hasPassed("EndEvent_SignatureReminderSent");
    complete(pi, "Task_CollectSignatures", "agreementSigned", "false", "signatureNotes", "Falta el cargo del tutor");
    assertThat(failedRules(pi, "failedRules")).containsExactly("UN-FM-05");
    assertThat(pi).isWaitingAt("Task_DraftAgreement");
    draftAndSign(pi);
    assertThat(failedRules(pi, "failedRules")).isEmpty();
    Agreement first = agreements.findById(TENANT, key + "-C1").orElseThrow();
    assertThat(first.instrumentType()).isEqualTo(InstrumentType.CONVENIO_ESPECIFICO);
    assertThat(first.specificPurpose()).isEqualTo("MOVILIDAD");
    assertThat(first.validUntil()).isEqualTo(LocalDate.of(year(), 6, 30));
    assertThat(first.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(jdbc.sql("SELECT extension_number FROM individual_agreement WHERE tenant_id = 'unal' AND agreement_id = :id")
        .param("id", key + "-C1").query(Integer.class).single()).isZero();

    complete(pi, "Task_CampusEndorsement", "campusEndorsed", "true");
    complete(pi, "Task_IssueAcceptance", "acceptanceLetterRef", "DRE-CA-1", "ministryLetterRef", "DRE-MRE-1");
    assertThat(cases.findById(TENANT, key).orElseThrow().status()).isEqualTo(MobilityCase.Status.ACCEPTED);
    // FI12 gate: fees not paid → UN-FM-06, back to the student
    complete(pi, "Task_PayFeesAndInsurance", "feeReceiptRef", "REC-1", "insuranceType", "INTERNACIONAL",
        "insuranceRef", "POL-1", "insuranceValidUntil", year() + "-06-20", "visaType", "Visa de estudiante", "visaRef", "VISA-1");
    complete(pi, "Task_Legalize", "feesPaid", "false", "insurancePresented", "true", "migrationRequirementsMet", "false",
        "legalizationNotes", "Recibo ilegible; falta la visa");
    assertThat(failedRules(pi, "failedRules")).containsExactly("UN-FM-06", "UN-FM-08");
    payAndLegalize(pi, true);
    assertThat(failedRules(pi, "failedRules")).isEmpty();
    assertThat(pi).isWaitingAt("CallActivity_SireStart");
    reportSire(pi);
    assertThat(pi).isWaitingAt("EventGateway_IncomingStay");
    assertThat(cases.findById(TENANT, key).orElseThrow().status()).isEqualTo(MobilityCase.Status.IN_PROGRESS);

    // first extension: allowed, a new agreement renewing the first one
    message(pi, "ExtensionRequested", Map.of("newEndDate", year() + "-12-10", "extensionReason", "Trabajo de grado"));
    assertThat(driver.variable(pi, "extensionAllowed")).isEqualTo(true);
    complete(pi, "Task_ExtensionEndorsement", "extensionApproved", "true", "academicFeeValue", 300000);
    assertThat(driver.variable(pi, "targetPeriod")).isEqualTo(year() + "-2");
    assertThat(driver.variable(pi, "extensionCount")).isEqualTo(1);
    draftAndSign(pi);
    assertThat(docxText(pi)).contains(key + "-C2", "Prórroga", key + "-C1", "10/12/" + year());
    Agreement second = agreements.findById(TENANT, key + "-C2").orElseThrow();
    assertThat(second.renewalOf()).isEqualTo(key + "-C1");
    assertThat(second.validUntil()).isEqualTo(LocalDate.of(year(), 12, 15));
    assertThat(agreements.findById(TENANT, key + "-C1").orElseThrow().status()).isEqualTo(AgreementStatus.RENEWED);
    assertThat(pi).isWaitingAt("Task_PayFeesAndInsurance");
    payAndLegalize(pi, true);
    assertThat(pi).isWaitingAt("EventGateway_IncomingStay");

    // second extension: refused by UN-FM-07, the stay goes on to the current end
    message(pi, "ExtensionRequested", Map.of("newEndDate", (year() + 1) + "-05-30"));
    assertThat(driver.variable(pi, "extensionAllowed")).isEqualTo(false);
    assertThat(failedRules(pi, "extensionFailedRules")).containsExactly("UN-FM-07");
    assertThat(driver.mailTemplates(key)).contains("free-mover-extension-refused");
    assertThat(pi).isWaitingAt("EventGateway_IncomingStay").variables().containsEntry("extensionCount", 1);

    timer(pi, "TimerEvent_PeriodEnd");
    reportSire(pi);
    complete(pi, "Task_IssueGradeCertificate", "gradeCertificateRef", "CERT-1");
    assertThat(pi).isEnded().hasPassed("CallActivity_SireEnd", "SendTask_SendGradeCertificate", "EndEvent_Closed");
    assertThat(agreements.findById(TENANT, key + "-C2").orElseThrow().status()).isEqualTo(AgreementStatus.EXPIRED);
    assertThat(cases.findById(TENANT, key).orElseThrow().status()).isEqualTo(MobilityCase.Status.COMPLETED);
    assertThat(driver.mails(key).stream().filter(m -> "free-mover-grade-certificate".equals(m.get("template"))).findFirst())
        .get().satisfies(m -> assertThat((String) m.get("recipients")).contains("movilidad@origen.example.org"));

    // the agreement is downloadable over the API
    ResponseEntity<byte[]> docx = rest.withBasicAuth("demo", "demo")
        .getForEntity("/api/tenants/unal/free-mover/" + key + "/individual-agreement.docx", byte[].class);
    assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
      assertThat(new XWPFWordExtractor(doc).getText()).contains(key + "-C2");
    }
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity(
        "/api/tenants/unal/free-mover/MLI-1999-9999/individual-agreement.docx", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/tenants/unal/free-mover/" + key + "/individual-agreement.docx", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    officeUsersDownloadTheAgreementAndOtherInstitutionsDoNot(key);
  }

  /**
   * The ORI and the DRE of the UNAL (no history read permission in the engine) download the
   * agreement of their tenant's case; a user of another institution gets 403; an unknown case 404.
   */
  void officeUsersDownloadTheAgreementAndOtherInstitutionsDoNot(String key) throws Exception {
    String url = "/api/tenants/unal/free-mover/" + key + "/individual-agreement.docx";
    for (String user : List.of("unal.ori-staff", "unal.dre")) {
      List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList();
      assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.READ_HISTORY,
          Resources.PROCESS_DEFINITION, "free-mover")).as("%s reads history", user).isFalse();
      ResponseEntity<byte[]> docx = rest.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
      assertThat(docx.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getBody()))) {
        assertThat(new XWPFWordExtractor(doc).getText()).contains(key + "-C2");
      }
    }
    assertThat(rest.withBasicAuth("unal.ori-staff", "demo").getForEntity(
        "/api/tenants/unal/free-mover/MLI-1999-9999/individual-agreement.docx", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    String other = otherInstitutionUser();
    assertThat(rest.withBasicAuth(other, "demo").getForEntity(url, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** A user of tenant cesmag (this context deploys only unal, so the test creates it once). */
  String otherInstitutionUser() {
    String id = "cesmag.ori-staff";
    if (identityService.createTenantQuery().tenantId("cesmag").count() == 0) {
      identityService.saveTenant(identityService.newTenant("cesmag"));
    }
    if (identityService.createUserQuery().userId(id).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
      user.setPassword("demo");
      user.setEmail(id + "@demo.ori.local");
      identityService.saveUser(user);
      identityService.createTenantUserMembership("cesmag", id);
    }
    return id;
  }

  @Test
  void extensionRequestBeyondTheNextPeriodIsRefusedNamingNewEndDate() {
    ProcessInstance pi = start(incoming(false));
    approveAndSign(pi, false);
    payAndLegalize(pi, false);
    assertThat(pi).hasPassed("Gateway_SireStart").hasNotPassed("CallActivity_SireStart").isWaitingAt("EventGateway_IncomingStay");
    assertInvalid(() -> message(pi, "ExtensionRequested", Map.of("newEndDate", year() + "-12-16")), "newEndDate");
    assertInvalid(() -> message(pi, "ExtensionRequested", Map.of("newEndDate", year() + "-06-20")), "newEndDate");
    // the council may refuse an allowed extension
    message(pi, "ExtensionRequested", Map.of("newEndDate", year() + "-12-15"));
    complete(pi, "Task_ExtensionEndorsement", "extensionApproved", "false", "extensionNotes", "Sin cupo en el periodo");
    assertThat(pi).hasPassed("SendTask_NotifyExtensionRefused").isWaitingAt("EventGateway_IncomingStay")
        .variables().containsEntry("extensionCount", 0);
    // N6: termination by voluntary withdrawal (Colombian: no SIRE)
    message(pi, "TerminationCause", Map.of("terminationCause", "VOLUNTARY_WITHDRAWAL", "terminationNotes", "Motivos familiares"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Terminated").hasNotPassed("CallActivity_SireTermination");
    assertThat(agreements.findById(TENANT, pi.getBusinessKey() + "-C1").orElseThrow().status()).isEqualTo(AgreementStatus.TERMINATED);
    assertThat(cases.findById(TENANT, pi.getBusinessKey()).orElseThrow().status()).isEqualTo(MobilityCase.Status.WITHDRAWN);
  }

  @Test
  void foreignStudentTerminatedForBreachIsReportedInSire() {
    ProcessInstance pi = start(incoming(true));
    approveAndSign(pi, true);
    payAndLegalize(pi, true);
    reportSire(pi);
    assertInvalid(() -> message(pi, "TerminationCause", Map.of("terminationCause", "ABANDONO")), "terminationCause");
    message(pi, "TerminationCause", Map.of("terminationCause", "BREACH"));
    assertThat(pi).isWaitingAt("CallActivity_SireTermination");
    reportSire(pi);
    assertThat(pi).isEnded().hasPassed("EndEvent_Terminated");
    assertThat(cases.findById(TENANT, pi.getBusinessKey()).orElseThrow().status()).isEqualTo(MobilityCase.Status.DISCONTINUED);
  }

  // ---- incoming rejections and eligibility ----------------------------------------------------

  @Test
  void incomingRejectionsEndInRejected() {
    ProcessInstance byDirector = start(incoming(false));
    complete(byDirector, "Task_ConsiderLearningAgreement", "academicDecision", "REJECTED", "academicNotes", "Sin cupos");
    assertThat(byDirector).isEnded().hasPassed("SendTask_NotifyRejected", "EndEvent_Rejected");

    ProcessInstance byCouncil = start(incoming(false));
    complete(byCouncil, "Task_ConsiderLearningAgreement", "academicDecision", "APPROVED", "coordinatorName", "X", "curricularArea", "Y");
    assertInvalid(() -> driver.complete(byCouncil, "Task_CouncilApproval", Map.of("councilApproved", "false")), "councilNotes");
    complete(byCouncil, "Task_CouncilApproval", "councilApproved", "false", "councilNotes", "Conocimientos insuficientes");
    assertThat(byCouncil).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(cases.findById(TENANT, byCouncil.getBusinessKey()).orElseThrow().status()).isEqualTo(MobilityCase.Status.REJECTED);

    ProcessInstance byCampus = start(incoming(false));
    complete(byCampus, "Task_ConsiderLearningAgreement", "academicDecision", "APPROVED", "coordinatorName", "X", "curricularArea", "Y");
    complete(byCampus, "Task_CouncilApproval", "councilApproved", "true", "councilName", "Consejo", "councilActRef", "A1",
        "academicFeeValue", 0);
    draftAndSign(byCampus);
    complete(byCampus, "Task_CampusEndorsement", "campusEndorsed", "false", "campusNotes", "Fechas no compatibles");
    assertThat(byCampus).isEnded().hasPassed("EndEvent_Rejected");
  }

  @Test
  void incomingWithAnAgreementInForceOrWithoutCertificationIsNotEligible() {
    Map<String, Object> v = incoming(false);
    agreements.register(TENANT, new Agreement(null, TENANT, InstrumentType.CONVENIO_MARCO, null, null, null,
        ((String) v.get("homeInstitution")).toUpperCase(), "Colombia", null, AgreementScope.NACIONAL, null, null,
        LocalDate.of(2020, 1, 1), null, true, false, AgreementStatus.ACTIVE, null, false, null));
    ProcessInstance withAgreement = start(v);
    assertThat(withAgreement).isEnded().hasPassed("SendTask_NotifyNotEligible", "EndEvent_NotEligible");
    assertThat(failedRules(withAgreement, "failedRules")).containsExactly("UN-FM-04");
    assertThat(cases.findById(TENANT, withAgreement.getBusinessKey()).orElseThrow().status())
        .isEqualTo(MobilityCase.Status.NOT_ELIGIBLE);

    Map<String, Object> w = incoming(false);
    w.put("studentStatusCertified", false);
    w.put("outsideAgreementCertified", false);
    ProcessInstance notCertified = start(w);
    assertThat(failedRules(notCertified, "failedRules")).containsExactly("UN-FM-01", "UN-FM-04");
  }

  @Test
  void badStartsAreRefusedNamingTheVariable() {
    Map<String, Object> v = incoming(false);
    v.put("endDate", year() + "-07-01"); // one day after the end of period YYYY-1 (06-30)
    assertInvalid(() -> start(v), "endDate");
    v.put("endDate", year() + "-06-30"); // the last day of the period is accepted
    assertThat(start(v)).isWaitingAt("Task_ConsiderLearningAgreement");
    Map<String, Object> w = incoming(false);
    w.remove("homeInstitution");
    assertInvalid(() -> start(w), "homeInstitution");
    Map<String, Object> x = outgoing();
    x.put("direction", "LATERAL");
    assertInvalid(() -> start(x), "direction");
    Map<String, Object> y = outgoing();
    y.put("startDate", year() + "-12-20");
    assertInvalid(() -> start(y), "endDate");
    Map<String, Object> z = incoming(true);
    z.put("outsideAgreementCertified", "quizás");
    assertInvalid(() -> start(z), "outsideAgreementCertified");
    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("documentNumber", z.get("documentNumber")).count()).isZero();
    // the outgoing application's short document codes (a routed case keeps them) mean the long names
    Map<String, Object> coded = outgoing();
    coded.put("documentType", "CC");
    assertThat(driver.variable(start(coded), "documentType")).isEqualTo("CEDULA_CIUDADANIA");
    Map<String, Object> unknownCode = outgoing();
    unknownCode.put("documentType", "XX");
    assertInvalid(() -> start(unknownCode), "documentType");
  }

  // ---- outgoing ---------------------------------------------------------------------------------

  @Test
  void outgoingFreeMoverIsEndorsedAcceptedEnrolledAndRecognized() {
    ProcessInstance pi = start(outgoing());
    String key = pi.getBusinessKey();
    assertThat(key).startsWith("MLS-");
    assertThat(pi).isWaitingAt("Task_CouncilEndorsement").variables().containsEntry("scope", "INTERNACIONAL")
        .containsEntry("studentStatusCertified", true);
    complete(pi, "Task_CouncilEndorsement", "councilAval", "true", "councilActRef", "Acta 7");
    timer(pi, "TimerEvent_HostFollowUp");
    complete(pi, "Task_HostFollowUp", "hostAnswer", "PENDING", "followUpNotes", "Se escribió a la oficina internacional");
    assertThat(pi).isWaitingAt("EventGateway_HostDecision");
    timer(pi, "TimerEvent_HostFollowUp");
    complete(pi, "Task_HostFollowUp", "hostAnswer", "ACCEPTED", "acceptanceLetterRef", "CARTA-1");
    assertThat(cases.findById(TENANT, key).orElseThrow().status()).isEqualTo(MobilityCase.Status.ACCEPTED);
    complete(pi, "Task_PayTuitionAndHostCharges", "tuitionReceiptRef", "R1", "hostChargesReceiptRef", "R2");
    complete(pi, "Task_VerifyEnrolment", "tuitionVerified", "true", "figureInscribed", "false", "hostChargesVerified", "true",
        "registrarNotes", "Figura sin inscribir");
    assertThat(failedRules(pi, "failedRules")).containsExactly("UN-FM-03");
    complete(pi, "Task_PayTuitionAndHostCharges", "tuitionReceiptRef", "R1", "hostChargesReceiptRef", "R2");
    complete(pi, "Task_VerifyEnrolment", "tuitionVerified", "true", "figureInscribed", "true", "hostChargesVerified", "true");
    assertThat(failedRules(pi, "failedRules")).isEmpty();
    complete(pi, "Task_ConfirmArrival", "arrivalDate", year() + "-08-09", "arrivalCertificateRef", "LLEGADA", "insuranceRef", "SEG");
    assertThat(cases.findById(TENANT, key).orElseThrow().status()).isEqualTo(MobilityCase.Status.IN_PROGRESS);
    message(pi, "LearningAgreementChanged", Map.of("changeDescription", "Cambio de Macroeconomía por Econometría"));
    complete(pi, "Task_EndorseLearningAgreementChange", "learningAgreementEndorsed", "true");
    timer(pi, "TimerEvent_OutgoingEnd");
    timer(pi, "BoundaryEvent_TranscriptDue");
    assertThat(driver.mailTemplates(key)).contains("free-mover-transcript-reminder");
    complete(pi, "Task_RecordHostTranscript", "hostTranscriptRef", "NOTAS-1");
    complete(pi, "Task_Recognition", "recognitionDecision", "RECOGNIZED", "recognitionActRef", "Acta 20");
    assertThat(pi).isEnded().hasPassed("EndEvent_Completed", "EndEvent_TranscriptReminderSent");
    assertThat(cases.findById(TENANT, key).orElseThrow()).satisfies(c -> {
      assertThat(c.status()).isEqualTo(MobilityCase.Status.COMPLETED);
      assertThat(c.direction()).isEqualTo(MobilityCase.Direction.OUTGOING);
      assertThat(c.freeMover()).isTrue();
    });
  }

  @Test
  void outgoingRejectionsAndNonAdmission() {
    ProcessInstance rejected = start(outgoing());
    complete(rejected, "Task_CouncilEndorsement", "councilAval", "false", "councilNotes", "Sin pertinencia");
    assertThat(rejected).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(failedRules(rejected, "failedRules")).containsExactly("UN-FM-02");

    ProcessInstance byMessage = start(outgoing());
    complete(byMessage, "Task_CouncilEndorsement", "councilAval", "true", "councilActRef", "Acta 8");
    message(byMessage, "HostRejected", Map.of());
    assertThat(byMessage).isEnded().hasPassed("SendTask_NotifyNotAdmitted", "EndEvent_NotAdmitted");

    ProcessInstance byFollowUp = start(outgoing());
    complete(byFollowUp, "Task_CouncilEndorsement", "councilAval", "true", "councilActRef", "Acta 9");
    timer(byFollowUp, "TimerEvent_HostFollowUp");
    complete(byFollowUp, "Task_HostFollowUp", "hostAnswer", "REJECTED", "hostRejectionNotes", "Cupos agotados");
    assertThat(byFollowUp).isEnded().hasPassed("EndEvent_NotAdmitted");

    ProcessInstance accepted = start(outgoing());
    complete(accepted, "Task_CouncilEndorsement", "councilAval", "true", "councilActRef", "Acta 10");
    message(accepted, "HostAccepted", Map.of("acceptanceLetterRef", "C-2"));
    assertThat(accepted).isWaitingAt("Task_PayTuitionAndHostCharges");
  }
}
