package co.ori.mobility.funding;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.support.ProcessTestDriver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code ufps-financial-support} cases in tenant {@code ufps} through the engine's Java API
 * as Tasklist, REST and the calling procedures would (form values as Camunda Forms submit them:
 * dates {@code yyyy-MM-dd}, radios {@code "true"}/{@code "false"}); jobs are executed explicitly.
 * Public: the outgoing mobility tests drive the support their cases call with it.
 */
public final class SupportDriver extends ProcessTestDriver {

  public static final String KEY = "ufps-financial-support";
  public static final String TENANT = "ufps";
  private static final AtomicInteger STUDENTS = new AtomicInteger((int) (System.nanoTime() % 100_000));

  public SupportDriver(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      JdbcClient jdbc) {
    super(runtimeService, taskService, managementService, jdbc, TENANT);
  }

  /** A new student document number, so bans and grants of one test never reach another. */
  static String newStudent() {
    return "1090" + String.format("%06d", STUDENTS.incrementAndGet());
  }

  /**
   * A Beca UFPS request of an outgoing international semester mobility to Spain, as the caller
   * passes it (§2.c.1 names), from {@code start} to {@code end}.
   */
  static Map<String, Object> request(String program, LocalDate start, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    v.put("documentNumber", newStudent());
    v.put("fullName", "Camila Andrea Rincón Parada");
    v.put("email", "camilaandrearp@ufps.edu.co");
    v.put("supportProgram", program);
    v.put("direction", "OUTGOING");
    v.put("scope", "INTERNACIONAL");
    v.put("ufpsType", "SEM_INTERCAMBIO");
    v.put("hostInstitution", "Universidad de Salamanca");
    v.put("hostCity", "Salamanca");
    v.put("hostCountry", "España");
    v.put("startDate", start.toString());
    v.put("endDate", end.toString());
    v.put("targetPeriod", start.getYear() + "-" + (start.getMonthValue() <= 6 ? 1 : 2));
    v.put("costStructure", "https://gd.ufps.edu.co/orii/estructura-costos.pdf");
    return v;
  }

  public ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT)
        .setVariables(variables).execute();
  }

  /** F3 verified with the support period and the airfare quote (pesos; 0 = none). */
  public void verify(ProcessInstance instance, LocalDate start, LocalDate end, long airfare) {
    Map<String, Object> v = new HashMap<>();
    v.put("docsVerified", "true");
    v.put("docsSupportStart", start.toString());
    v.put("docsSupportEnd", end.toString());
    if (airfare > 0) {
      v.put("airfareQuote", airfare);
    }
    complete(instance, "Task_VerifyDocuments", v);
  }

  /** F4 both inputs given. */
  public void inputs(ProcessInstance instance) {
    complete(instance, "Task_UnitRecommendation", Map.of("unitRecommendation", "FAVORABLE",
        "recommendationNotes", "Fortalece la línea de investigación del programa."));
    complete(instance, "Task_SocioEconomicStudy", Map.of("socioEconomicStudy", "BU-2025-118",
        "socioEconomicPriority", "ALTA"));
  }

  /** F5 selected and the proposal computed (asynchronous step). */
  public void select(ProcessInstance instance) {
    complete(instance, "Task_EvaluationSelection", Map.of("selected", "true", "ranking", 1,
        "selectionMinute", "Acta CE-07-2025"));
    executeJob(instance, "ServiceTask_ProposeAmount");
  }

  /** F6 approved with this amount; the approval mail sent: payments begin. */
  public void approve(ProcessInstance instance, double amount) {
    complete(instance, "Task_AdministrativeApproval", Map.of("approved", "true", "approvedAmount", amount,
        "committeeAct", "Acta CA-21-2025"));
    executeJob(instance, "SendTask_NotifyApproved");
  }

  /** Runs the timer of the current instalment and registers its payment today. */
  public void payNext(ProcessInstance instance) {
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId("TimerEvent_InstalmentDue").singleResult();
    assertThat(timer).as("instalment timer").isNotNull();
    managementService.executeJob(timer.getId());
    complete(instance, "Task_RegisterPayment", Map.of("paymentRef", "CE-" + System.nanoTime(),
        "paidOn", today().toString()));
  }

  /** Sends {@code SupportLossCause} by business key. */
  public void lose(ProcessInstance instance, Object cause, boolean justified, boolean waste) {
    runtimeService.createMessageCorrelation("SupportLossCause").tenantId(TENANT)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable("lossCause", cause)
        .setVariable("lossReason", "Comunicación del estudiante y de la institución de destino.")
        .setVariable("justifiedCause", justified)
        .setVariable("wasteEvidenced", waste)
        .correlate();
  }
}
