package co.ori.agreements.process;


import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementStatus;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import co.ori.support.ProcessTestDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code agreement-formalization} cases in tenant {@code umc} through the engine's Java
 * API as Tasklist and the REST API would: starts, task completions (form values as Camunda
 * Forms submit them), message correlations by business key and explicit job execution (the
 * job executor is off in the {@code test} profile).
 */
final class AgreementProcessDriver extends ProcessTestDriver {

  static final String KEY = "agreement-formalization";
  static final String TENANT = "umc";
  static final String REQUESTER = "umc.faculty-requester";

  private final AgreementRegistry registry;

  AgreementProcessDriver(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, AgreementRegistry registry, JdbcClient jdbc) {
    super(runtimeService, taskService, managementService, jdbc, TENANT);
    this.registry = registry;
  }

  /** A complete, valid request for a convenio marco with a national partner (procedures.md §2.a.1). */
  static Map<String, Object> marcoRequest(String partnerName) {
    Map<String, Object> v = new HashMap<>();
    v.put("requestingUnitId", "Facultad de Ingeniería");
    v.put("requestingUnitType", "FACULTY");
    v.put("instrumentType", "CONVENIO_MARCO");
    v.put("scope", "NACIONAL");
    v.put("partnerName", partnerName);
    v.put("partnerCountry", "Colombia");
    v.put("partnerCity", "Barranquilla");
    v.put("partnerType", "IES");
    v.put("partnerContactName", "María Fernanda Ríos");
    v.put("partnerContactEmail", "relaciones@aliada.edu.co");
    v.put("needDescription", "Cooperación en movilidad docente y proyectos de investigación conjuntos.");
    v.put("initiator", REQUESTER);
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT)
        .setVariables(variables).execute();
  }

  ProcessInstance start(String partnerName) {
    return start(marcoRequest(partnerName));
  }






  AgreementStatus status(ProcessInstance instance) {
    return agreement(instance).status();
  }

  Agreement agreement(ProcessInstance instance) {
    return registry.findById(TENANT, instance.getBusinessKey()).orElseThrow();
  }







  // ---- steps of the happy path -------------------------------------------------------------

  /** A3 approved, A6 mail sent, A7 intention sent: the case waits for the partner (A8). */
  void approveAndSendIntention(ProcessInstance instance) {
    complete(instance, "Task_ReviewRequest", Map.of("requestApproved", "true", "reviewNotes", ""));
    executeJob(instance, "SendTask_NotifyApproved");
    complete(instance, "Task_SendIntention", Map.of("intentionSentDate", formDate(today())));
  }

  /** ... A8 partner interested (task), A10 draft, A11 approved: the case waits for signature. */
  void toSignature(ProcessInstance instance) {
    approveAndSendIntention(instance);
    complete(instance, "Task_RecordPartnerResponse", Map.of("partnerInterested", "true"));
    complete(instance, "Task_DraftAgreement", Map.of("draftAgreementRef", "https://dms.umc.edu.co/convenios/borrador-1"));
    complete(instance, "Task_ReviewAgreement", Map.of("legalDecision", "APPROVED"));
  }

  /** ... A13 signed with these validity values, A14 sent, A15 active. */
  void toActive(ProcessInstance instance, Map<String, Object> signature) {
    toSignature(instance);
    Map<String, Object> values = new HashMap<>(Map.of(
        "signedDate", formDate(today()),
        "validFrom", formDate(today()),
        "signedAgreementRef", "https://dms.umc.edu.co/convenios/firmado"));
    values.putAll(signature);
    complete(instance, "Task_SignAgreement", values);
    complete(instance, "Task_SendSignedAgreement",
        Map.of("sendChannel", "EMAIL", "sentDate", formDate(today())));
  }
}
