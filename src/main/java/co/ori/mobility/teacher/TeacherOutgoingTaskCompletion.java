package co.ori.mobility.teacher;

import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${teacherOutgoingTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code teacher-outgoing-mobility}: checks and
 * normalizes the task's outputs ({@code procedures.md} §2.f.2 TO5–TO13, checklist §4.5),
 * including the cross-field rules a Camunda Form cannot express. Radio values
 * {@code "true"}/{@code "false"} become Boolean, form dates {@code yyyy-MM-dd} become {@code Date}
 * (start of day, America/Bogota), document references are stripped Strings (up to 1000
 * characters; 002 art. 38). A problem is thrown as an {@link InvalidVariableException} naming the
 * variable: the completion is rolled back and Tasklist (or REST, HTTP 400) shows the message.
 */
@Component("teacherOutgoingTaskCompletion")
public class TeacherOutgoingTaskCompletion implements TaskListener {

  /** Values of {@code directorDecision} (TO5) and {@code vrDecision} (TO6). */
  public static final List<String> DECISIONS = List.of("APPROVED", "REJECTED");
  /** Values of {@code postponeDecision} (TO10 "Aplazar o cancelar"). */
  public static final List<String> POSTPONE_DECISIONS = List.of("POSTPONE", "CANCEL");

  private static final int REF = TeacherOutgoingRequestRules.REF;
  private static final int LONG = TeacherOutgoingRequestRules.LONG;

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveLetterDirector" -> approveLetterDirector(task);
      case "Task_ApproveLetterViceRector" -> approveLetterViceRector(task);
      case "Task_BudgetStudy" -> budgetStudy(task);
      case "Task_DecideWithoutSupport" -> decideWithoutSupport(task);
      case "Task_LeavePermit" -> leavePermit(task);
      case "Task_SubmitWorkPlan" -> requireRef(task, "workPlan");
      case "Task_ReviewWorkPlan" -> reviewWorkPlan(task);
      case "Task_SubmitDocuments" -> submitDocuments(task);
      case "Task_ReviewDocuments" -> reviewDocuments(task);
      case "Task_PostponeOrCancel" -> postponeOrCancel(task);
      case "Task_SubmitActivityReport" -> submitActivityReport(task, true);
      case "Task_SubmitOptionalReport" -> submitOptionalReport(task);
      default -> throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of teacher-outgoing-mobility");
    }
  }

  /**
   * TO5 (002 art. 38 lit. b; art. 36 par. 3, art. 37 par. 2): {@code directorDecision},
   * {@code directorNotes} (required when rejected), {@code agendaImpactAcceptable} (Boolean: the
   * teaching agenda is not significantly affected; an approval requires it) and
   * {@code letterOfIntent}: an approval needs the letter (given at start or added here).
   */
  private void approveLetterDirector(DelegateTask task) {
    String decision = requiredEnum("directorDecision", task.getVariable("directorDecision"), DECISIONS);
    boolean agendaOk = requiredBoolean("agendaImpactAcceptable", task.getVariable("agendaImpactAcceptable"));
    task.setVariable("agendaImpactAcceptable", agendaOk);
    String notes = optionalText("directorNotes", task.getVariable("directorNotes"), LONG);
    if ("REJECTED".equals(decision) && notes == null) {
      throw new InvalidVariableException("directorNotes",
          "es obligatorio cuando no se aprueba la carta de intención: explique el motivo al docente");
    }
    if ("APPROVED".equals(decision)) {
      requireRef(task, "letterOfIntent");
    }
    if ("APPROVED".equals(decision) && !agendaOk) {
      throw new InvalidVariableException("agendaImpactAcceptable", "no se puede aprobar una movilidad"
          + " que afecta de manera significativa la agenda docente (art. 36 par. 3, art. 37 par. 2)");
    }
    task.setVariable("directorNotes", notes == null ? "" : notes);
  }

  /**
   * TO6 (002 art. 36 row 7, 38 lit. b): {@code vrDecision}, {@code vrNotes} (required when
   * rejected), {@code reportReceiverId} (person to whom the activity report is presented and
   * socialized; required when approved).
   */
  private void approveLetterViceRector(DelegateTask task) {
    String decision = requiredEnum("vrDecision", task.getVariable("vrDecision"), DECISIONS);
    String notes = optionalText("vrNotes", task.getVariable("vrNotes"), LONG);
    if ("REJECTED".equals(decision) && notes == null) {
      throw new InvalidVariableException("vrNotes",
          "es obligatorio cuando no se aprueba la carta de intención: explique el motivo al docente");
    }
    task.setVariable("vrNotes", notes == null ? "" : notes);
    if ("APPROVED".equals(decision)) {
      task.setVariable("reportReceiverId", requiredText("reportReceiverId",
          task.getVariable("reportReceiverId"), 200));
    }
  }

  /**
   * TO8 (002 art. 4.13, 36 row 4): {@code budgetApproved}, {@code approvedAmount} (Double, pesos;
   * required and greater than 0 when support was requested and approved, else 0),
   * {@code budgetNotes} (required when not approved).
   */
  private void budgetStudy(DelegateTask task) {
    boolean approved = requiredBoolean("budgetApproved", task.getVariable("budgetApproved"));
    task.setVariable("budgetApproved", approved);
    Double amount = TeacherOutgoingRequestRules.optionalDouble("approvedAmount", task.getVariable("approvedAmount"));
    String notes = optionalText("budgetNotes", task.getVariable("budgetNotes"), LONG);
    boolean supportRequested = Boolean.TRUE.equals(task.getVariable("supportRequested"));
    if (approved && supportRequested && (amount == null || amount <= 0)) {
      throw new InvalidVariableException("approvedAmount",
          "es obligatorio y mayor que 0 cuando se aprueba el apoyo solicitado (pesos colombianos)");
    }
    if (!approved && notes == null) {
      throw new InvalidVariableException("budgetNotes", "es obligatorio cuando no hay disponibilidad"
          + " presupuestal o viabilidad financiera: explique el motivo al docente");
    }
    task.setVariable("approvedAmount", approved && amount != null ? amount : 0.0);
    task.setVariable("budgetNotes", notes == null ? "" : notes);
  }

  /** TO8a (002 art. 36 par. 3, art. 37 par. 2): {@code continueWithoutSupport}. */
  private void decideWithoutSupport(DelegateTask task) {
    task.setVariable("continueWithoutSupport",
        requiredBoolean("continueWithoutSupport", task.getVariable("continueWithoutSupport")));
    optionalText("withoutSupportNotes", task.getVariable("withoutSupportNotes"), LONG);
  }

  /**
   * TO9 (002 art. 36 row 6, art. 37 row 6): {@code permitGranted}, {@code permitRef} (required
   * when granted), {@code permitNotes} (required when denied).
   */
  private void leavePermit(DelegateTask task) {
    boolean granted = requiredBoolean("permitGranted", task.getVariable("permitGranted"));
    task.setVariable("permitGranted", granted);
    String notes = optionalText("permitNotes", task.getVariable("permitNotes"), LONG);
    if (granted) {
      task.setVariable("permitRef", requiredText("permitRef", task.getVariable("permitRef"), REF));
    } else if (notes == null) {
      throw new InvalidVariableException("permitNotes",
          "es obligatorio cuando no se concede el permiso: explique el motivo al docente");
    }
    task.setVariable("permitNotes", notes == null ? "" : notes);
  }

  /** TO10 work plan review (002 art. 38 lit. d): {@code workPlanAccepted}; notes when returned. */
  private void reviewWorkPlan(DelegateTask task) {
    boolean accepted = requiredBoolean("workPlanAccepted", task.getVariable("workPlanAccepted"));
    task.setVariable("workPlanAccepted", accepted);
    String notes = optionalText("workPlanNotes", task.getVariable("workPlanNotes"), LONG);
    if (!accepted && notes == null) {
      throw new InvalidVariableException("workPlanNotes",
          "es obligatorio cuando se devuelve el plan de trabajo: indique qué debe corregir el docente");
    }
    task.setVariable("workPlanNotes", notes == null ? "" : notes);
  }

  /**
   * TO10 documents (002 art. 38, checklist §4.5): {@code invitationLetter} (required for an
   * invitation), {@code languageCertificate} (when the host requires it), {@code passportVisa} and
   * {@code insurance} (international mobility with physical travel, §9 Q14),
   * {@code otherLegalDocs}, {@code applicationForm} and {@code otherDocuments} optional.
   */
  private void submitDocuments(DelegateTask task) {
    if ("INVITATION".equals(task.getVariable("route"))) {
      requireRef(task, "invitationLetter");
    } else {
      optionalRef(task, "invitationLetter");
    }
    if (Boolean.TRUE.equals(task.getVariable("languageCertificateRequired"))) {
      requireRef(task, "languageCertificate");
    } else {
      optionalRef(task, "languageCertificate");
    }
    boolean travelAbroad = "INTERNACIONAL".equals(task.getVariable("scope"))
        && !"VIRTUAL".equals(task.getVariable("modality"));
    if (travelAbroad) {
      requireRef(task, "passportVisa");
      requireRef(task, "insurance");
    } else {
      optionalRef(task, "passportVisa");
      optionalRef(task, "insurance");
    }
    optionalRef(task, "otherLegalDocs");
    optionalRef(task, "applicationForm");
    optionalRef(task, "otherDocuments");
  }

  /**
   * TO10 review (002 art. 38; gate CES-TO-13): {@code docsComplete}, {@code missingDocs} (required
   * when incomplete), {@code languageCertificateValid} (required when the host requires a
   * certificate; the documents cannot be complete without it).
   */
  private void reviewDocuments(DelegateTask task) {
    boolean complete = requiredBoolean("docsComplete", task.getVariable("docsComplete"));
    task.setVariable("docsComplete", complete);
    String missing = optionalText("missingDocs", task.getVariable("missingDocs"), LONG);
    if (Boolean.TRUE.equals(task.getVariable("languageCertificateRequired"))) {
      boolean valid = requiredBoolean("languageCertificateValid", task.getVariable("languageCertificateValid"));
      task.setVariable("languageCertificateValid", valid);
      if (complete && !valid) {
        throw new InvalidVariableException("languageCertificateValid", "los documentos no pueden estar"
            + " completos si el certificado de idioma no acredita el nivel exigido (art. 38 lit. e)");
      }
    }
    if (!complete && missing == null) {
      throw new InvalidVariableException("missingDocs",
          "es obligatorio cuando los documentos están incompletos: indique qué falta o qué se debe corregir");
    }
    task.setVariable("missingDocs", missing == null ? "" : missing);
  }

  /**
   * TO10 "Aplazar o cancelar" (T16, T17): {@code postponeDecision}, {@code postponeNotes}; for
   * POSTPONE the new {@code newStartDate} (after today) and {@code newEndDate} (not before it).
   */
  private void postponeOrCancel(DelegateTask task) {
    String decision = requiredEnum("postponeDecision", task.getVariable("postponeDecision"), POSTPONE_DECISIONS);
    task.setVariable("postponeNotes", requiredText("postponeNotes", task.getVariable("postponeNotes"), LONG));
    if ("POSTPONE".equals(decision)) {
      LocalDate start = requiredDate("newStartDate", task.getVariable("newStartDate"));
      LocalDate end = requiredDate("newEndDate", task.getVariable("newEndDate"));
      TeacherOutgoingRequestRules.checkDates("newStartDate", start, "newEndDate", end);
      task.setVariable("newStartDate", AgreementValues.toDate(start));
      task.setVariable("newEndDate", AgreementValues.toDate(end));
    }
  }

  /**
   * TO13 (002 art. 36 row 7, art. 37 row 7): {@code activityReport} and, when mandatory,
   * {@code hostEvidence} (evidence from the host institution) and {@code socializationDate} (not
   * in the future); {@code socializationRecord} optional.
   */
  private void submitActivityReport(DelegateTask task, boolean mandatory) {
    requireRef(task, "activityReport");
    if (mandatory) {
      requireRef(task, "hostEvidence");
    } else {
      optionalRef(task, "hostEvidence");
    }
    Object rawDate = task.getVariable("socializationDate");
    LocalDate socialized = mandatory ? requiredDate("socializationDate", rawDate)
        : AgreementValues.optionalDate("socializationDate", rawDate);
    if (socialized != null) {
      if (socialized.isAfter(AgreementValues.toLocalDate(ClockUtil.getCurrentTime()))) {
        throw new InvalidVariableException("socializationDate", "no puede ser una fecha futura (" + socialized + ")");
      }
      task.setVariable("socializationDate", AgreementValues.toDate(socialized));
    }
    optionalRef(task, "socializationRecord");
  }

  /** TO12 optional report (002 art. 37 row 7): {@code reportSubmitted}; the report when submitted. */
  private void submitOptionalReport(DelegateTask task) {
    boolean submitted = requiredBoolean("reportSubmitted", task.getVariable("reportSubmitted"));
    task.setVariable("reportSubmitted", submitted);
    if (submitted) {
      submitActivityReport(task, false);
    }
  }

  private static void requireRef(DelegateTask task, String name) {
    Object value = TeacherOutgoingRequestRules.documentRef(name, task.getVariable(name));
    if (value == null) {
      throw new InvalidVariableException(name, "es obligatorio: enlace o referencia del documento"
          + " en el gestor documental");
    }
    if (value instanceof String s) {
      task.setVariable(name, s);
    }
  }

  private static void optionalRef(DelegateTask task, String name) {
    Object value = TeacherOutgoingRequestRules.documentRef(name, task.getVariable(name));
    if (value instanceof String s) {
      task.setVariable(name, s);
    }
  }
}
