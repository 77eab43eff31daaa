package co.ori.cooperation.process;


import co.ori.cooperation.CooperationCall;
import co.ori.cooperation.CooperationCallMatrix;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import co.ori.support.ProcessTestDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code pasto-cooperation-strategy} cases in tenant {@code pasto} through the engine's
 * Java API as Tasklist and the REST API would: starts (form values as Camunda Forms submit them),
 * task completions, message correlations by business key and explicit job execution (the job
 * executor is off in the {@code test} profile).
 */
final class CooperationProcessDriver extends ProcessTestDriver {

  static final String KEY = "pasto-cooperation-strategy";
  static final String TENANT = "pasto";
  static final String PROFESSIONAL = "pasto.pasto-professional";
  static final String HEAD = "pasto.pasto-office-head";
  static final String LEAD = "Secretaría de Desarrollo Económico";
  static final String LEAD_EMAIL = "desarrollo.economico@pasto.gov.co";
  static final String BANK_EMAIL = "bancodeproyectos@pasto.gov.co";

  private final CooperationCallMatrix matrix;

  CooperationProcessDriver(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, CooperationCallMatrix matrix, JdbcClient jdbc) {
    super(runtimeService, taskService, managementService, jdbc, TENANT);
    this.matrix = matrix;
  }

  /**
   * A complete, valid start as the start form submits it (procedures.md §2.b.1): dates as
   * {@code yyyy-MM-dd}, resources as the flat fields, priority as a number.
   */
  static Map<String, Object> formStart(String title, LocalDate closing) {
    Map<String, Object> v = new HashMap<>();
    v.put("callTitle", title);
    v.put("cooperant", "Agencia Española de Cooperación Internacional para el Desarrollo (AECID)");
    v.put("cooperantCountry", "España");
    v.put("infoSource", "APC");
    v.put("callUrl", "https://www.aecid.es/convocatorias/2026");
    v.put("closingDate", closing.toString());
    v.put("resourcesAmount", 150000);
    v.put("resourcesCurrency", "EUR");
    v.put("eligibleActors", "Entidades territoriales y organizaciones de la sociedad civil");
    v.put("expectedImpact", "Fortalecer la seguridad alimentaria de 300 familias rurales del municipio");
    v.put("supportType", "FINANCING");
    v.put("priorityScore", 4L);
    v.put("requestOrigin", "DEPENDENCY");
    v.put("initiator", PROFESSIONAL);
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT)
        .setVariables(variables).execute();
  }

  ProcessInstance start(String title) {
    return start(formStart(title, today().plusDays(60)));
  }






  CooperationCall row(ProcessInstance instance) {
    return matrix.findById(TENANT, instance.getBusinessKey()).orElseThrow();
  }

  void correlate(ProcessInstance instance, String message, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(instance.getBusinessKey())
        .tenantId(TENANT).setVariables(variables).correlateWithResult();
  }







  /** The addressees as the P5 form's dynamic list submits them (a Json list). */
  static Object addressees() {
    return Spin.JSON(List.of(
        addressee(LEAD, "DEPENDENCY", LEAD_EMAIL),
        addressee("Banco de Proyectos de la Alcaldía", "PROJECT_BANK", BANK_EMAIL)));
  }

  static Map<String, Object> addressee(String name, String type, String email) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("type", type);
    a.put("email", email);
    return a;
  }

  // ---- steps ------------------------------------------------------------------------------------

  /** P2 presented, P3 apply. */
  void presentAndApply(ProcessInstance instance) {
    complete(instance, "Task_PresentCall", Map.of("callSummary", "Convocatoria de seguridad alimentaria, 150.000 EUR."));
    complete(instance, "Task_ValidateCall", Map.of("applyDecision", "true"));
  }

  /** ... P5 informed and the information letter sent: the case waits for the answer (P6). */
  void toAnswer(ProcessInstance instance) {
    presentAndApply(instance);
    complete(instance, "Task_InformCall", Map.of("targetAddressees", addressees(),
        "informationLetterRef", "Oficio AI-2026-041"));
    executeJob(instance, "SendTask_InformationLetter");
  }

  /** ... the lead dependency accepts (staff task): the case is at P7. */
  void toCommitments(ProcessInstance instance) {
    toAnswer(instance);
    complete(instance, "Task_RecordAddresseeAnswer", Map.of("addresseeAnswer", "ACCEPTS",
        "leadDependency", LEAD, "delegateIds", "Ana Gómez\nLuis Rosero"));
  }

  /** P7-P10 without corrections: the project is submitted, the case is at P11. */
  void formulateAndSubmit(ProcessInstance instance) {
    complete(instance, "Task_FormalizeCommitments", Map.of("commitmentsMinutesRef", "https://dms.pasto.gov.co/actas/41",
        "commitmentParticipants", "Oficina, Banco de Proyectos y Secretaría de Desarrollo Económico"));
    complete(instance, "Task_DraftProject", Map.of("projectDraftRef", "https://dms.pasto.gov.co/proyectos/41-v1"));
    complete(instance, "Task_ReviewProject", Map.of("projectDecision", "APPROVED"));
    complete(instance, "Task_SubmitProject", Map.of("submissionChannel", "PLATFORM",
        "submissionRef", "AECID-2026-00981", "submissionDate", today().toString()));
  }

  /** ... P11 awarded with this supervision answer; the result notice is sent. */
  void award(ProcessInstance instance, boolean officeSupervises, LocalDate projectEnd) {
    complete(instance, "Task_RecordResult", Map.of("resultAccepted", "true",
        "projectStartDate", today().toString(), "projectEndDate", projectEnd.toString(),
        "officeSupervises", String.valueOf(officeSupervises)));
    executeJob(instance, "SendTask_ResultNotice");
  }
}
