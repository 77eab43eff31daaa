package co.ori.mobility.visiting.process;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import co.ori.support.ProcessTestDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code visiting-professor} cases (and the {@code sire-report} cases they call) in tenant
 * {@code cesmag} through the engine's Java API as Tasklist and REST would: starts, task
 * completions with form values as Camunda Forms submit them ({@code "true"}, {@code yyyy-MM-dd}),
 * message correlations by business key and explicit job execution (job executor off).
 */
final class VisitingProfessorDriver extends ProcessTestDriver {

  static final String KEY = "visiting-professor";
  static final String SIRE_KEY = "sire-report";
  static final String TENANT = "cesmag";
  static final String COORDINATOR = "cesmag.event-coordinator";

  private final AgreementRegistry registry;

  VisitingProfessorDriver(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, AgreementRegistry registry, JdbcClient jdbc) {
    super(runtimeService, taskService, managementService, jdbc, TENANT);
    this.registry = registry;
  }

  // ---- data ------------------------------------------------------------------------------------

  /** Registers an agreement of cesmag in the registry and returns its id. */
  String agreement(AgreementStatus status, LocalDate validFrom, LocalDate validUntil, boolean network) {
    String id = (network ? "RED-" : "CNV-") + UUID.randomUUID().toString().substring(0, 8);
    registry.register(TENANT, new Agreement(id, TENANT, InstrumentType.CONVENIO_MARCO, null, null, null,
        network ? "Red Iberoamericana de Docencia" : "Universidad Nacional Autónoma de México", "México", "Ciudad de México",
        AgreementScope.INTERNACIONAL, "ORI", validFrom, validFrom, validUntil, false, false, status, null, network, null));
    return id;
  }

  /** An agreement in force from a year ago to two years ahead. */
  String activeAgreement() {
    return agreement(AgreementStatus.ACTIVE, today().minusYears(1), today().plusYears(2), false);
  }

  /**
   * A valid registration of a foreign visiting professor under an agreement, in person, as the
   * start form submits it (procedures.md §2.g.1).
   */
  static Map<String, Object> foreignVisit(String agreementId, LocalDate start, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    v.put("hostCoordinatorId", COORDINATOR);
    v.put("visitorName", "Ana Lucía Fernández");
    v.put("nationality", "Mexicana");
    v.put("isForeign", "true");
    v.put("homeInstitution", "Universidad Nacional Autónoma de México");
    v.put("homeCountry", "México");
    v.put("frameworkType", "AGREEMENT");
    v.put("agreementId", agreementId);
    v.put("mobilityClass", "DOCENCIA");
    v.put("modality", "PRESENCIAL");
    v.put("scope", "INTERNACIONAL");
    v.put("startDate", formDate(start));
    v.put("endDate", formDate(end));
    v.put("workPlanRef", "https://dms.unicesmag.edu.co/ori/plan-trabajo-fernandez");
    v.put("supportRequested", "NONE");
    v.put("keepsHomeEmployment", "true");
    v.put("initiator", COORDINATOR);
    return v;
  }

  /** A Colombian invited teacher, virtual, from a Colombian institution. */
  static Map<String, Object> colombianVirtualVisit(LocalDate start, LocalDate end) {
    Map<String, Object> v = foreignVisit(null, start, end);
    v.remove("agreementId");
    v.put("visitorName", "Carlos Andrés Rosero");
    v.put("nationality", "Colombiana");
    v.put("isForeign", false);
    v.put("homeInstitution", "Universidad de Antioquia");
    v.put("homeCountry", "Colombia");
    v.put("frameworkType", "INVITED_TEACHER");
    v.put("mobilityClass", "EVENTO_ACADEMICO");
    v.put("modality", "VIRTUAL");
    v.put("scope", "NACIONAL");
    return v;
  }

  // ---- engine ----------------------------------------------------------------------------------

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT)
        .setVariables(variables).execute();
  }


  Task task(String processInstanceId, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    return task;
  }

  /** Keys of the open tasks of the case, sorted. */
  List<String> openTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }


  /** The running sire-report case called by this case (V9 or V12). */
  ProcessInstance sireCase(ProcessInstance instance) {
    ProcessInstance called = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(called).as("sire-report called by %s", instance.getBusinessKey()).isNotNull();
    return called;
  }






  // ---- steps -------------------------------------------------------------------------------------

  /** V3 approved and V4 endorsed in the task: the case is past the approvals. */
  void approveAndEndorse(ProcessInstance instance) {
    complete(instance, "Task_ApproveWorkPlan", Map.of("workPlanApproved", "true", "workPlanNotes", ""));
    complete(instance, "Task_RecordHomeEndorsement", Map.of("homeEndorsed", "true",
        "homeEndorsementRef", "https://dms.unicesmag.edu.co/ori/aval-origen"));
  }

  void deliverSireDocuments(ProcessInstance instance) {
    complete(instance, "Task_DeliverSireDocuments", Map.of(
        "visitorDocumentType", "DOCUMENTO_EXTRANJERO",
        "visitorDocumentNumber", "G12345678",
        "visitorDocumentRef", "https://dms.unicesmag.edu.co/ori/sire/identidad",
        "migratoryDocumentType", "PASAPORTE",
        "migratoryDocumentRef", "https://dms.unicesmag.edu.co/ori/sire/pasaporte"));
  }

  void sendInvitation(ProcessInstance instance) {
    complete(instance, "Task_SendInvitationDocuments", Map.of(
        "invitationDocumentsRef", "https://dms.unicesmag.edu.co/ori/carta-invitacion",
        "invitationSentDate", formDate(today())));
  }

  void informMigrationRules(ProcessInstance instance) {
    complete(instance, "Task_InformMigrationRules", Map.of("migrationInfoSentDate", formDate(today())));
  }

  void provideAcademicInformation(ProcessInstance instance) {
    complete(instance, "Task_ProvideAcademicInformation", Map.of("academicInfoDeliveredDate", formDate(today())));
  }

  void culturalAdaptation(ProcessInstance instance) {
    complete(instance, "Task_CulturalAdaptation", Map.of(
        "culturalSupportNotes", "Recorrido por Pasto y encuentro con docentes que hicieron movilidad.",
        "culturalMentorName", "Luisa Martínez"));
  }

  void issueIdCard(ProcessInstance instance) {
    complete(instance, "Task_IssueIdCard", Map.of("idCardNumber", "DV-2026-015", "idCardIssuedDate", formDate(today())));
  }

  /** Completes the SIRE task of the called case with a receipt. */
  void reportInSire(ProcessInstance sire, String receipt) {
    taskService.complete(task(sire.getId(), "Task_ReportInSire").getId(),
        Map.of("sireReceiptRef", receipt, "sireReportDate", formDate(today())));
  }

  // ---- values ------------------------------------------------------------------------------------





}
