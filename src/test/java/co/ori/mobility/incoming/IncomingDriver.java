package co.ori.mobility.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import co.ori.support.ProcessTestDriver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code student-incoming-mobility} cases of one tenant through the engine's Java API as
 * Tasklist and REST would (form values as Camunda Forms submit them: dates {@code yyyy-MM-dd},
 * radios {@code "true"}/{@code "false"}), with explicit job execution (job executor off).
 *
 * <p>{@link #use()} authenticates the test thread with this tenant only, so the engine's tenant
 * check shows this tenant's definitions (the coverage library looks the model up by key).
 */
final class IncomingDriver extends ProcessTestDriver {

  static final String KEY = "student-incoming-mobility";
  private static final AtomicInteger PEOPLE = new AtomicInteger((int) (System.nanoTime() % 100_000));

  final String tenant;
  private final AgreementRegistry agreements;
  private final IdentityService identityService;

  IncomingDriver(String tenant, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, JdbcClient jdbc, AgreementRegistry agreements,
      IdentityService identityService) {
    super(runtimeService, taskService, managementService, jdbc, tenant);
    this.tenant = tenant;
    this.agreements = agreements;
    this.identityService = identityService;
  }

  /** Authenticates the test thread with this tenant (see the class description). */
  IncomingDriver use() {
    identityService.setAuthentication("ori-test-" + tenant, List.of(), List.of(tenant));
    return this;
  }

  /** A new document number, so registry rows of one test never reach another. */
  static String newPerson() {
    return "P" + String.format("%07d", PEOPLE.incrementAndGet());
  }

  // ---- data -----------------------------------------------------------------------------------

  /** Registers an agreement of the tenant with the partner, in force a year ago to two years ahead. */
  String agreement(Integer places) {
    return agreement(AgreementStatus.ACTIVE, today().minusYears(1), today().plusYears(2), places, false);
  }

  String agreement(AgreementStatus status, LocalDate from, LocalDate until, Integer places, boolean network) {
    String id = "CNV-" + UUID.randomUUID().toString().substring(0, 8);
    agreements.register(tenant, new Agreement(id, tenant, InstrumentType.CONVENIO_ESPECIFICO, "MOVILIDAD", null, null,
        "Universidad Nacional Autónoma de México", "México", "Ciudad de México", AgreementScope.INTERNACIONAL,
        "ORI", from, from, until, false, false, status, places, network, null));
    return id;
  }

  /** The start of the test mobilities: about three months ahead, on the 1st of a month. */
  static LocalDate start() {
    return today().plusMonths(3).withDayOfMonth(1);
  }

  static String period(LocalDate start) {
    return start.getYear() + (start.getMonthValue() <= 6 ? "-1" : "-2");
  }

  /**
   * A complete application of a Mexican student of the UNAM, in person, a medium stay (5 months)
   * under the agreement, as the start form submits it; valid and eligible in every tenant.
   */
  Map<String, Object> foreignApplication(String agreementId) {
    LocalDate start = start();
    Map<String, Object> v = new HashMap<>();
    v.put("fullName", "María José Hernández López");
    v.put("documentType", "PASAPORTE");
    v.put("documentNumber", newPerson());
    v.put("nationality", "Mexicana");
    v.put("birthDate", "2003-04-12");
    v.put("email", "mj.hernandez@alumno.unam.mx");
    v.put("homeInstitution", "Universidad Nacional Autónoma de México");
    v.put("homeCountry", "México");
    v.put("homeContactEmail", "movilidad@unam.mx");
    v.put("homeProgramName", "Ingeniería Civil");
    v.put("programLevel", "PROFESIONAL");
    v.put("programName", "Ingeniería Civil");
    v.put("homeInstitutionRecognized", "true");
    v.put("regularStudent", "true");
    v.put("submittedBy", "HOME_INSTITUTION_EMAIL");
    v.put("highestSemesterFullyPassed", 5);
    v.put("programDurationSemesters", 10);
    v.put("cumulativeGpa", 4.2);
    v.put("scope", "INTERNACIONAL");
    v.put("modality", "PRESENCIAL");
    v.put("startDate", formDate(start));
    v.put("endDate", formDate(start.plusMonths(5).minusDays(1)));
    v.put("targetPeriod", period(start));
    v.put("agreementId", agreementId);
    v.put("coursesApprovedByHome", "true");
    v.put("tuitionPaidAtHome", "true");
    v.put("healthProgram", "false");
    v.put("originSpanishSpeaking", "true");
    v.put("requestedCourses", "Mecánica de suelos\nHidráulica");
    v.put("presentationLetter", "https://dms.unam.mx/movilidad/presentacion.pdf");
    v.put("homeEndorsementLetter", "https://dms.unam.mx/movilidad/aval.pdf");
    v.put("transcript", "https://dms.unam.mx/movilidad/calificaciones.pdf");
    v.put("identityDocumentCopy", "https://dms.unam.mx/movilidad/pasaporte.pdf");
    v.put("initiator", tenant + ".ori-staff");
    if (tenant.equals("unal")) {
      v.put("unalModality", "CURSAR_ASIGNATURAS");
      v.put("campus", "ANDINA:Bogotá");
    }
    if (tenant.equals("ufps")) {
      v.put("ufpsType", "SEM_INTERCAMBIO");
      v.put("campus", "CUCUTA");
      LocalDate deadline = StudentIncoming.documentsDeadline(period(start));
      v.put("receivedDate", formDate(deadline.isBefore(today()) ? deadline : today()));
    }
    return v;
  }

  /** A Colombian student of a national university, national scope (no SIRE). */
  Map<String, Object> colombianApplication(String agreementId) {
    Map<String, Object> v = foreignApplication(agreementId);
    v.put("fullName", "Juan Camilo Pérez Ortiz");
    v.put("documentType", "CEDULA_CIUDADANIA");
    v.put("nationality", "Colombiana");
    v.put("homeInstitution", "Universidad de Antioquia");
    v.put("homeCountry", "Colombia");
    v.put("homeContactEmail", "relaciones.internacionales@udea.edu.co");
    v.put("email", "juan.perez@udea.edu.co");
    v.put("scope", "NACIONAL");
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    use();
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(tenant)
        .setVariables(variables).execute();
  }

  // ---- reading --------------------------------------------------------------------------------

  List<String> failedRules(ProcessInstance instance) {
    return jsonList(instance, "failedRules");
  }

  List<String> jsonList(ProcessInstance instance, String name) {
    SpinJsonNode node = (SpinJsonNode) variable(instance, name);
    List<String> ids = new ArrayList<>();
    node.elements().forEach(e -> ids.add(e.stringValue()));
    return ids;
  }

  /** The running sire-report case called by this case. */
  ProcessInstance sireCase(ProcessInstance instance) {
    ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("sire-report").singleResult();
    assertThat(called).as("sire-report called by %s", instance.getBusinessKey()).isNotNull();
    return called;
  }

  /** The open tasks of the case, by definition key. */
  List<String> openTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  Map<String, Object> lastMail(String businessKey) {
    List<Map<String, Object>> mails = mails(businessKey);
    assertThat(mails).isNotEmpty();
    return mails.get(mails.size() - 1);
  }

  // ---- steps ----------------------------------------------------------------------------------

  void completenessOk(ProcessInstance instance) {
    complete(instance, "Task_ReviewCompleteness", Map.of("docsComplete", "true"));
  }

  void approveByProgram(ProcessInstance instance) {
    complete(instance, "Task_AcademicApproval", Map.of("academicDecision", "APPROVED",
        "approvedCourses", "Mecánica de suelos\nHidráulica"));
  }

  /** I8–I10 of the tenant up to the acceptance mail. */
  void accept(ProcessInstance instance) {
    completenessOk(instance);
    approveByProgram(instance);
    if (tenant.equals("unal")) {
      complete(instance, "Task_CampusEndorsement", Map.of("campusEndorsed", "true"));
      Map<String, Object> letters = new HashMap<>();
      letters.put("acceptanceLetterRef", "DRE-CA-2026-101");
      if (Boolean.TRUE.equals(variable(instance, "isForeign"))) {
        letters.put("ministryLetterRef", "DRE-MRE-2026-101");
      }
      complete(instance, "Task_IssueAcceptanceDre", letters);
    } else {
      complete(instance, "Task_IssueAcceptance", Map.of("acceptanceLetterRef", "ORI-CA-2026-045",
          "feesNotice", "Carné: $25.000; seguro estudiantil: $18.000"));
    }
    executeJob(instance, "SendTask_NotifyAcceptance");
  }

  /** The legalization values of the tenant for this case's student. */
  Map<String, Object> legalization(ProcessInstance instance) {
    Map<String, Object> v = new HashMap<>();
    LocalDate start = start(instance);
    v.put("arrivalDate", formDate(start.minusDays(3)));
    v.put("identityDocumentCopy", "https://dms.ori/legalizacion/documento.pdf");
    boolean foreign = Boolean.TRUE.equals(variable(instance, "isForeign"));
    if (foreign) {
      v.put("insuranceRef", "https://dms.ori/legalizacion/seguro.pdf");
      v.put("migratoryDocumentType", "VISA");
      v.put("migratoryDocumentRef", "https://dms.ori/legalizacion/visa.pdf");
    } else {
      v.put("healthAffiliationRef", "https://dms.ori/legalizacion/eps.pdf");
    }
    switch (tenant) {
      case "unal" -> {
        v.put("responsibilityFormRef", "https://dms.ori/legalizacion/responsabilidad.pdf");
        v.put("arrivalCertificateRef", "https://dms.ori/legalizacion/llegada.pdf");
        v.put(foreign ? "accidentPolicyReceiptRef" : "homeAccidentPolicyRef", "https://dms.ori/legalizacion/poliza.pdf");
      }
      case "ufps" -> {
        v.put("actaCompromisoriaRef", "https://dms.ori/legalizacion/acta.pdf");
        if (foreign) {
          v.put("passportExpiryDate", formDate(start.plusYears(1)));
        } else {
          v.put("healthAffiliationIssueDate", formDate(today().minusDays(30)));
        }
      }
      default -> v.put("commitmentLetterRef", "https://dms.ori/legalizacion/compromiso.pdf");
    }
    return v;
  }

  LocalDate start(ProcessInstance instance) {
    return co.ori.agreements.AgreementValues.toLocalDate((Date) variable(instance, "startDate"));
  }

  /** I15–I17 with matching courses (UNAL with the DRE signature) and the card. */
  void register(ProcessInstance instance) {
    complete(instance, "Task_OpenAcademicHistory", Map.of("academicHistoryId", "HA-" + instance.getBusinessKey(),
        "enrolledCourses", "Mecánica de suelos\nHidráulica"));
    complete(instance, "Task_CheckLearningAgreement", Map.of("learningAgreementRef", "https://dms.ori/la.pdf",
        "learningAgreementCourses", "hidráulica\nMECÁNICA DE SUELOS"));
    if (tenant.equals("unal")) {
      complete(instance, "Task_SignLearningAgreementDre", Map.of("signedLearningAgreementRef", "https://dms.ori/la-firmado.pdf"));
    }
    complete(instance, "Task_IssueStudentCard", Map.of("studentCardNumber", "C-" + instance.getBusinessKey(),
        "institutionalEmail", "estudiante.visitante@ori.edu.co"));
  }

  /** Completes the SIRE task of the called sire-report case; returns that task as it was. */
  Task reportInSire(ProcessInstance instance, String receipt) {
    ProcessInstance sire = sireCase(instance);
    Task task = taskService.createTaskQuery().processInstanceId(sire.getId()).taskDefinitionKey("Task_ReportInSire").singleResult();
    assertThat(task).isNotNull();
    taskService.complete(task.getId(), Map.of("sireReceiptRef", receipt, "sireReportDate", formDate(today())));
    return task;
  }

  /**
   * Fires the semester reports due during the stay (completing each report) and then the end of the
   * stay, each with the engine clock at the timer's due date (a cycle computes its next date from the
   * clock, as the job executor would run it on time).
   */
  int finishStay(ProcessInstance instance) {
    int reports = 0;
    Job stayEnd = job(instance, "TimerEvent_StayEnds");
    try {
      for (int guard = 0; guard < 10; guard++) {
        Job report = managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId("BoundaryEvent_SemesterReport").singleResult();
        if (report == null || report.getDuedate().after(stayEnd.getDuedate())) {
          break;
        }
        ClockUtil.setCurrentTime(new Date(report.getDuedate().getTime() + 1000));
        managementService.executeJob(report.getId());
        ClockUtil.reset();
        complete(instance, "Task_SemesterReport", Map.of("semesterReportRef", "INF-" + (++reports)));
      }
      ClockUtil.setCurrentTime(new Date(stayEnd.getDuedate().getTime() + 1000));
      managementService.executeJob(stayEnd.getId());
    } finally {
      ClockUtil.reset();
    }
    return reports;
  }

  void departure(ProcessInstance instance) {
    Map<String, Object> v = new HashMap<>();
    v.put("departureDate", formDate(co.ori.agreements.AgreementValues.toLocalDate((Date) variable(instance, "endDate"))));
    v.put("departureCertificateRef", "https://dms.ori/salida.pdf");
    v.put("cardReturned", "true");
    complete(instance, "Task_RecordDeparture", v);
  }
}
