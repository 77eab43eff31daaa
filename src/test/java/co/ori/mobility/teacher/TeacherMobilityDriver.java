package co.ori.mobility.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import co.ori.support.ProcessTestDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives {@code teacher-outgoing-mobility} cases in tenant {@code cesmag} through the engine's
 * Java API as Tasklist and REST would: starts (form values as Camunda Forms submit them: dates
 * {@code yyyy-MM-dd}, radios {@code "true"}/{@code "false"}), task completions and explicit job
 * execution (the job executor is off in the {@code test} profile).
 */
final class TeacherMobilityDriver extends ProcessTestDriver {

  static final String KEY = "teacher-outgoing-mobility";
  static final String TENANT = "cesmag";
  static final String TEACHER_USER = "cesmag.professor";
  private static final AtomicInteger TEACHERS = new AtomicInteger((int) (System.nanoTime() % 100_000));


  TeacherMobilityDriver(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, JdbcClient jdbc) {
    super(runtimeService, taskService, managementService, jdbc, TENANT);
  }

  /** A new teacher document id, so bans of one test never reach another. */
  static String newTeacherId() {
    return "1085" + String.format("%06d", TEACHERS.incrementAndGet());
  }



  /**
   * A valid request of a class: national, in person, no support, short stay of 5 days starting
   * in 60 days, by the demo teacher; adjust with {@code put}.
   */
  static Map<String, Object> request(String mobilityClass, String employmentType) {
    LocalDate start = today().plusDays(60);
    Map<String, Object> v = new HashMap<>();
    v.put("teacherId", newTeacherId());
    v.put("fullName", "Luisa Fernanda Benavides");
    v.put("email", "lbenavides@unicesmag.edu.co");
    v.put("programId", "Ingeniería de Sistemas");
    v.put("employmentType", employmentType);
    v.put("mobilityClass", mobilityClass);
    v.put("route", "CONVOCATORIA_EXTERNA");
    v.put("scope", "NACIONAL");
    v.put("modality", "PRESENCIAL");
    v.put("hostInstitution", "Universidad de Nariño");
    v.put("hostCountry", "Colombia");
    v.put("startDate", start.toString());
    v.put("endDate", start.plusDays(4).toString());
    v.put("purpose", "Fortalecer la cooperación académica entre los programas de ingeniería.");
    v.put("letterOfIntent", "https://gd.unicesmag.edu.co/movilidad/carta-intencion.pdf");
    v.put("initiator", TEACHER_USER);
    if (mobilityClass.startsWith("EVENTO_") && !mobilityClass.equals("EVENTO_DEPORTIVO_ARTISTICO_CULTURAL")) {
      v.put("eventRole", "PONENTE");
      v.put("publicationAssuredPublindex", true);
    }
    if (mobilityClass.equals("ESTANCIA_INVESTIGACION")) {
      v.put("researchProjectId", "PI-2026-014");
      v.put("researchProjectApproved", true);
      v.put("budgetLine", "Rubro 2.3.1 Investigación");
    }
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT)
        .setVariables(variables).execute();
  }






  /** {@code failedRules} as a Java list. */
  List<String> failedRules(ProcessInstance instance) {
    SpinJsonNode node = (SpinJsonNode) variable(instance, "failedRules");
    assertThat(node.isArray()).isTrue();
    List<String> ids = new ArrayList<>();
    node.elements().forEach(e -> ids.add(e.stringValue()));
    return ids;
  }



  Map<String, Object> lastMail(String businessKey) {
    List<Map<String, Object>> mails = mails(businessKey);
    assertThat(mails).isNotEmpty();
    return mails.get(mails.size() - 1);
  }


  // ---- steps ----------------------------------------------------------------------------------

  /** TO5 and TO6 approved: the case moves on to TO7. */
  void approveLetter(ProcessInstance instance) {
    complete(instance, "Task_ApproveLetterDirector", Map.of("directorDecision", "APPROVED",
        "agendaImpactAcceptable", "true"));
    complete(instance, "Task_ApproveLetterViceRector", Map.of("vrDecision", "APPROVED",
        "reportReceiverId", "Decano de la Facultad de Ingeniería"));
  }

  /** TO9 granted and the approval mail sent: the case is in the documents subprocess. */
  void grantPermit(ProcessInstance instance) {
    complete(instance, "Task_LeavePermit", Map.of("permitGranted", "true", "permitRef", "Resolución TH-045 de 2026"));
    executeJob(instance, "SendTask_NotifyApproved");
  }

  /** TO10 for a class without work plan and a national mobility: documents accepted at once. */
  void deliverDocuments(ProcessInstance instance) {
    complete(instance, "Task_SubmitDocuments", Map.of("otherDocuments", "https://gd.unicesmag.edu.co/movilidad/agenda.pdf"));
    complete(instance, "Task_ReviewDocuments", Map.of("docsComplete", "true"));
  }

  /**
   * A national EVENTO_ACADEMICO without support, approved, documents delivered and the mobility
   * ended: the case waits for the mandatory activity report (TO13).
   */
  ProcessInstance toActivityReport(String teacherId) {
    Map<String, Object> request = request("EVENTO_ACADEMICO", "DMT");
    request.put("teacherId", teacherId);
    request.put("eventRole", "ASISTENTE");
    request.remove("publicationAssuredPublindex");
    ProcessInstance instance = start(request);
    approveLetter(instance);
    grantPermit(instance);
    deliverDocuments(instance);
    executeJob(instance, "TimerEvent_MobilityEnded");
    task(instance, "Task_SubmitActivityReport");
    return instance;
  }

  /** The values of a complete activity report. */
  static Map<String, Object> report() {
    return Map.of("activityReport", "https://gd.unicesmag.edu.co/movilidad/informe.pdf",
        "hostEvidence", "https://gd.unicesmag.edu.co/movilidad/certificado-asistencia.pdf",
        "socializationDate", today().toString());
  }
}
