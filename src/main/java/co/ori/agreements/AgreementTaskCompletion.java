package co.ori.agreements;

import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${agreementTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code agreement-formalization}: checks the
 * task's output variables ({@code procedures.md} §2.a.2–2.a.3), including the cross-field rules
 * a Camunda Form cannot express (e.g. {@code validUntil} after {@code validFrom}), and
 * normalizes them: form radio values {@code "true"}/{@code "false"} become Boolean, form dates
 * {@code yyyy-MM-dd} become {@code Date} (start of day, America/Bogota). A problem is thrown as
 * an {@link InvalidVariableException} naming the variable, so the completion is rolled back and
 * Tasklist (or REST, HTTP 400) shows the Spanish message.
 */
@Component("agreementTaskCompletion")
public class AgreementTaskCompletion implements TaskListener {

  /** Values of {@code legalDecision} (A11). */
  public static final List<String> LEGAL_DECISIONS = List.of("APPROVED", "ADJUSTMENTS_REQUIRED");
  /** Values of {@code sendChannel} (A14). */
  public static final List<String> SEND_CHANNELS = List.of("EMAIL", "POSTAL", "BOTH");
  /** Values of {@code progressStatus} (L4). */
  public static final List<String> PROGRESS_STATUSES = List.of("ON_TRACK", "DELAYED", "INACTIVE");
  /** Values of {@code renewalDecision} chosen in L6. */
  public static final List<String> RENEWAL_DECISIONS = List.of("RENEW", "LET_EXPIRE");
  /** Values of {@code allianceSupportType} (A10 for an ALIANZA, §9 Q2). */
  public static final List<String> ALLIANCE_SUPPORTS = List.of("DOCUMENTO", "OFICIO_CARTA", "ACTA_PACTO_VERBAL");

  private static final int REF = 1000;
  private static final int LONG = 4000;

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewRequest" -> reviewRequest(task);
      case "Task_SendIntention" -> sendIntention(task);
      case "Task_RecordPartnerResponse" -> recordPartnerResponse(task);
      case "Task_FollowUpPartner" -> followUpPartner(task);
      case "Task_DraftAgreement" -> draftAgreement(task);
      case "Task_ReviewAgreement" -> reviewAgreement(task);
      case "Task_SignAgreement" -> signAgreement(task);
      case "Task_SendSignedAgreement" -> sendSignedAgreement(task);
      case "Task_RegisterActionPlan" -> registerActionPlan(task);
      case "Task_ReportEvidence" -> reportEvidence(task);
      case "Task_ReviewProgress" -> reviewProgress(task);
      case "Task_DecideRenewal" -> decideRenewal(task);
      default -> throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of agreement-formalization");
    }
  }

  /** A3 (000 §5.2 act. 2): {@code requestApproved}; {@code reviewNotes} required when not approved. */
  private void reviewRequest(DelegateTask task) {
    boolean approved = requiredBoolean("requestApproved", task.getVariable("requestApproved"));
    task.setVariable("requestApproved", approved);
    String notes = optionalText("reviewNotes", task.getVariable("reviewNotes"), LONG);
    if (!approved && notes == null) {
      throw new InvalidVariableException("reviewNotes",
          "es obligatorio cuando la solicitud no se aprueba: explique el motivo al solicitante");
    }
    // the approval and non-approval e-mails quote the notes
    task.setVariable("reviewNotes", notes == null ? "Sin observaciones." : notes);
  }

  /** A7 (000 §5.2 act. 3): {@code intentionSentDate}, not in the future. */
  private void sendIntention(DelegateTask task) {
    setDate(task, "intentionSentDate", notAfterToday("intentionSentDate",
        requiredDate("intentionSentDate", task.getVariable("intentionSentDate"))));
    optionalText("intentionNotes", task.getVariable("intentionNotes"), LONG);
  }

  /** A8 (000 §5.2 act. 3): {@code partnerInterested}; optional response date and notes. */
  private void recordPartnerResponse(DelegateTask task) {
    task.setVariable("partnerInterested",
        requiredBoolean("partnerInterested", task.getVariable("partnerInterested")));
    LocalDate answered = optionalDate("partnerResponseDate", task.getVariable("partnerResponseDate"));
    if (answered != null) {
      setDate(task, "partnerResponseDate", notAfterToday("partnerResponseDate", answered));
    }
    optionalText("partnerResponseNotes", task.getVariable("partnerResponseNotes"), LONG);
  }

  /** A8 follow-up (T04): {@code followUpDate} not in the future and {@code followUpNotes}. */
  private void followUpPartner(DelegateTask task) {
    setDate(task, "followUpDate", notAfterToday("followUpDate",
        requiredDate("followUpDate", task.getVariable("followUpDate"))));
    requiredText("followUpNotes", task.getVariable("followUpNotes"), LONG);
  }

  /**
   * A10 (000 §5.2 act. 4): {@code draftAgreementRef}; for an ALIANZA also
   * {@code allianceSupportType} (procedures.md §9 Q2: letter or minute of a verbal pact).
   */
  private void draftAgreement(DelegateTask task) {
    requiredText("draftAgreementRef", task.getVariable("draftAgreementRef"), REF);
    optionalText("draftNotes", task.getVariable("draftNotes"), LONG);
    if (InstrumentType.ALIANZA.name().equals(task.getVariable("instrumentType"))) {
      requiredEnum("allianceSupportType", task.getVariable("allianceSupportType"), ALLIANCE_SUPPORTS);
    }
  }

  /** A11 (000 §5.2 act. 5): {@code legalDecision}; {@code legalNotes} required for adjustments. */
  private void reviewAgreement(DelegateTask task) {
    String decision = requiredEnum("legalDecision", task.getVariable("legalDecision"), LEGAL_DECISIONS);
    String notes = optionalText("legalNotes", task.getVariable("legalNotes"), LONG);
    if ("ADJUSTMENTS_REQUIRED".equals(decision) && notes == null) {
      throw new InvalidVariableException("legalNotes",
          "es obligatorio cuando se solicitan ajustes: indique los ajustes pertinentes");
    }
  }

  /**
   * A13 (000 §5.2 act. 5; procedures.md §9 Q1, Q3): {@code signedDate} (not in the future),
   * {@code validFrom}, {@code validUntil} (required and after {@code validFrom} and not past,
   * unless {@code indefinite}; empty when indefinite), {@code indefinite} and
   * {@code autoRenewal} (default false; an indefinite agreement cannot renew automatically),
   * {@code signedAgreementRef}.
   */
  private void signAgreement(DelegateTask task) {
    LocalDate signed = notAfterToday("signedDate", requiredDate("signedDate", task.getVariable("signedDate")));
    LocalDate from = requiredDate("validFrom", task.getVariable("validFrom"));
    Boolean indefinite = AgreementValues.optionalBoolean("indefinite", task.getVariable("indefinite"));
    Boolean autoRenewal = AgreementValues.optionalBoolean("autoRenewal", task.getVariable("autoRenewal"));
    boolean isIndefinite = Boolean.TRUE.equals(indefinite);
    boolean isAuto = Boolean.TRUE.equals(autoRenewal);
    LocalDate until = optionalDate("validUntil", task.getVariable("validUntil"));
    if (isIndefinite) {
      if (until != null) {
        throw new InvalidVariableException("validUntil",
            "debe quedar vacía en un convenio de vigencia indefinida (indefinite)");
      }
      if (isAuto) {
        throw new InvalidVariableException("autoRenewal",
            "no aplica a un convenio de vigencia indefinida (indefinite)");
      }
    } else {
      if (until == null) {
        throw new InvalidVariableException("validUntil",
            "es obligatoria salvo que el convenio sea de vigencia indefinida (indefinite)");
      }
      if (!until.isAfter(from)) {
        throw new InvalidVariableException("validUntil",
            "debe ser posterior a validFrom (" + from + ")");
      }
      if (until.isBefore(today())) {
        throw new InvalidVariableException("validUntil",
            "ya pasó (" + until + "); un convenio que se firma debe estar vigente");
      }
    }
    requiredText("signedAgreementRef", task.getVariable("signedAgreementRef"), REF);
    setDate(task, "signedDate", signed);
    setDate(task, "validFrom", from);
    task.setVariable("validUntil", AgreementValues.toDate(until));
    task.setVariable("indefinite", isIndefinite);
    task.setVariable("autoRenewal", isAuto);
  }

  /** A14 (000 §5.2 act. 6): {@code sendChannel}, {@code sentDate} (not in the future). */
  private void sendSignedAgreement(DelegateTask task) {
    requiredEnum("sendChannel", task.getVariable("sendChannel"), SEND_CHANNELS);
    setDate(task, "sentDate", notAfterToday("sentDate", requiredDate("sentDate", task.getVariable("sentDate"))));
    optionalText("sendProofRef", task.getVariable("sendProofRef"), REF);
  }

  /** L1 (000 §5.2 act. 7, §6): {@code actionPlanRef} and {@code actionPlanSummary}. */
  private void registerActionPlan(DelegateTask task) {
    requiredText("actionPlanRef", task.getVariable("actionPlanRef"), REF);
    requiredText("actionPlanSummary", task.getVariable("actionPlanSummary"), LONG);
  }

  /** L3 (000 §5.2 act. 7): {@code evidenceRefs} and {@code activitiesDone}. */
  private void reportEvidence(DelegateTask task) {
    requiredText("evidenceRefs", task.getVariable("evidenceRefs"), LONG);
    requiredText("activitiesDone", task.getVariable("activitiesDone"), LONG);
  }

  /** L4 (000 §5.1): {@code progressStatus}; {@code progressNotes} required unless ON_TRACK. */
  private void reviewProgress(DelegateTask task) {
    String status = requiredEnum("progressStatus", task.getVariable("progressStatus"), PROGRESS_STATUSES);
    String notes = optionalText("progressNotes", task.getVariable("progressNotes"), LONG);
    if (!"ON_TRACK".equals(status) && notes == null) {
      throw new InvalidVariableException("progressNotes",
          "es obligatorio cuando el avance es " + status + ": describa la situación");
    }
  }

  /** L6: {@code renewalDecision} RENEW or LET_EXPIRE. */
  private void decideRenewal(DelegateTask task) {
    requiredEnum("renewalDecision", task.getVariable("renewalDecision"), RENEWAL_DECISIONS);
    optionalText("renewalNotes", task.getVariable("renewalNotes"), LONG);
  }

  private static void setDate(DelegateTask task, String name, LocalDate day) {
    task.setVariable(name, AgreementValues.toDate(day));
  }

  private static LocalDate notAfterToday(String name, LocalDate day) {
    if (day.isAfter(today())) {
      throw new InvalidVariableException(name, "no puede ser una fecha futura (" + day + ")");
    }
    return day;
  }

  private static LocalDate today() {
    return AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
  }
}
