package co.ori.mobility.freemover;

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
import org.springframework.stereotype.Component;

/**
 * Task {@code complete} listener of every user task of {@code free-mover}
 * ({@code camunda:delegateExpression="${freeMoverTaskCompletion}"}): checks the outputs the
 * Camunda Form cannot (cross-field rules, dates against the case) and normalizes them (radio
 * {@code "true"}/{@code "false"} → Boolean, {@code yyyy-MM-dd} → Date, amounts → Double). A bad
 * output is refused with an {@link InvalidVariableException} naming it (Tasklist shows the
 * message; REST answers 400) and the task stays open. Output names: {@code procedures.md} §2.e.
 */
@Component("freeMoverTaskCompletion")
public class FreeMoverTaskCompletion implements TaskListener {

  static final int REF = 1000;
  static final int NOTES = 4000;

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_CouncilEndorsement" -> decision(task, "councilAval", "councilActRef", "councilNotes");
      case "Task_HostFollowUp" -> hostFollowUp(task);
      case "Task_PayTuitionAndHostCharges" -> {
        text(task, "tuitionReceiptRef", REF);
        text(task, "hostChargesReceiptRef", REF);
      }
      case "Task_VerifyEnrolment" -> {
        boolean ok = bool(task, "tuitionVerified") & bool(task, "figureInscribed") & bool(task, "hostChargesVerified");
        notesUnless(task, ok, "registrarNotes");
      }
      case "Task_ConfirmArrival" -> {
        LocalDate arrival = date(task, "arrivalDate");
        LocalDate start = FreeMover.day(task.getExecution(), "startDate");
        if (arrival.isBefore(start.minusDays(30)) || arrival.isAfter(FreeMover.day(task.getExecution(), "endDate"))) {
          throw new InvalidVariableException("arrivalDate", "debe estar entre 30 días antes del inicio y la"
              + " fecha de terminación de la movilidad");
        }
        text(task, "arrivalCertificateRef", REF);
        text(task, "insuranceRef", REF);
      }
      case "Task_EndorseLearningAgreementChange" -> decision(task, "learningAgreementEndorsed", null, "endorsementNotes");
      case "Task_RecordHostTranscript" -> text(task, "hostTranscriptRef", REF);
      case "Task_Recognition" -> {
        String decision = requiredEnum("recognitionDecision", task.getVariable("recognitionDecision"),
            List.of("RECOGNIZED", "PARTIALLY_RECOGNIZED", "NOT_RECOGNIZED"));
        text(task, "recognitionActRef", REF);
        notesUnless(task, decision.equals("RECOGNIZED"), "recognitionNotes");
      }
      case "Task_ConsiderLearningAgreement" -> {
        String decision = requiredEnum("academicDecision", task.getVariable("academicDecision"),
            List.of("APPROVED", "REJECTED"));
        boolean approved = decision.equals("APPROVED");
        if (approved) {
          text(task, "coordinatorName", 200);
          text(task, "curricularArea", 200);
        }
        notesUnless(task, approved, "academicNotes");
      }
      case "Task_CouncilApproval" -> {
        boolean approved = decision(task, "councilApproved", "councilActRef", "councilNotes");
        if (approved) {
          text(task, "councilName", 200);
          amount(task, "academicFeeValue");
        }
      }
      case "Task_DraftAgreement" -> {
        for (String name : List.of("unalSignatoryName", "unalSignatoryPosition", "unalSignatoryIdNumber",
            "unalSignatoryIdCity", "unalSignatoryCity", "unalSignatoryAppointment", "homeSignatoryName",
            "homeSignatoryPosition", "homeCoordinatorName", "homeCoordinatorPosition", "studentCity")) {
          text(task, name, 200);
        }
      }
      case "Task_CollectSignatures" -> {
        boolean signed = bool(task, "agreementSigned");
        if (signed) {
          LocalDate day = date(task, "agreementSignedDate");
          if (day.isAfter(LocalDate.now(FreeMover.BOGOTA))) {
            throw new InvalidVariableException("agreementSignedDate", "no puede ser futura");
          }
          text(task, "signedAgreementRef", REF);
        }
        notesUnless(task, signed, "signatureNotes");
        task.setVariable("individualAgreementSigned", signed);
      }
      case "Task_CampusEndorsement" -> decision(task, "campusEndorsed", null, "campusNotes");
      case "Task_IssueAcceptance" -> {
        text(task, "acceptanceLetterRef", REF);
        if (Boolean.TRUE.equals(task.getVariable("isForeign"))) {
          text(task, "ministryLetterRef", REF);
        }
      }
      case "Task_PayFeesAndInsurance" -> payFees(task);
      case "Task_Legalize" -> {
        boolean ok = bool(task, "feesPaid") & bool(task, "insurancePresented");
        if (Boolean.TRUE.equals(task.getVariable("isForeign"))) {
          ok &= bool(task, "migrationRequirementsMet");
        }
        notesUnless(task, ok, "legalizationNotes");
        task.setVariable("legalized", ok);
      }
      case "Task_ExtensionEndorsement" -> {
        boolean approved = decision(task, "extensionApproved", null, "extensionNotes");
        if (approved) {
          amount(task, "academicFeeValue");
        }
      }
      case "Task_IssueGradeCertificate" -> text(task, "gradeCertificateRef", REF);
      default -> throw new IllegalStateException("Tarea sin reglas de cierre: " + task.getTaskDefinitionKey());
    }
  }

  private static void hostFollowUp(DelegateTask task) {
    String answer = requiredEnum("hostAnswer", task.getVariable("hostAnswer"), List.of("PENDING", "ACCEPTED", "REJECTED"));
    switch (answer) {
      case "ACCEPTED" -> text(task, "acceptanceLetterRef", REF);
      case "REJECTED" -> text(task, "hostRejectionNotes", NOTES);
      default -> text(task, "followUpNotes", NOTES);
    }
  }

  private static void payFees(DelegateTask task) {
    text(task, "feeReceiptRef", REF);
    requiredEnum("insuranceType", task.getVariable("insuranceType"), List.of("INTERNACIONAL", "EPS"));
    text(task, "insuranceRef", REF);
    LocalDate until = date(task, "insuranceValidUntil");
    LocalDate end = FreeMover.day(task.getExecution(), "endDate");
    if (until.isBefore(end)) {
      throw new InvalidVariableException("insuranceValidUntil", "el seguro debe cubrir toda la movilidad (hasta el "
          + FreeMover.DAY.format(end) + ", 003 Parte 3 §6.g; Anexo 1 cl. 4.2)");
    }
    if (Boolean.TRUE.equals(task.getVariable("isForeign"))) {
      text(task, "visaType", 100);
      text(task, "visaRef", REF);
    }
  }

  /** A yes/no decision with a reference required when yes and notes when no; returns it. */
  private static boolean decision(DelegateTask task, String flag, String refWhenYes, String notesWhenNo) {
    boolean yes = bool(task, flag);
    if (yes && refWhenYes != null) {
      text(task, refWhenYes, REF);
    }
    notesUnless(task, yes, notesWhenNo);
    return yes;
  }

  private static void notesUnless(DelegateTask task, boolean ok, String notes) {
    String value = optionalText(notes, task.getVariable(notes), NOTES);
    if (!ok && value == null) {
      throw new InvalidVariableException(notes, "es obligatorio: explique el motivo");
    }
    task.setVariable(notes, value == null ? "" : value);
  }

  private static boolean bool(DelegateTask task, String name) {
    boolean value = requiredBoolean(name, task.getVariable(name));
    task.setVariable(name, value);
    return value;
  }

  private static String text(DelegateTask task, String name, int max) {
    String value = requiredText(name, task.getVariable(name), max);
    task.setVariable(name, value);
    return value;
  }

  private static LocalDate date(DelegateTask task, String name) {
    LocalDate day = requiredDate(name, task.getVariable(name));
    task.setVariable(name, AgreementValues.toDate(day));
    return day;
  }

  private static void amount(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    double amount;
    try {
      amount = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new InvalidVariableException(name, "debe ser un valor en pesos, no '" + value + "'");
    }
    if (value == null || amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
      throw new InvalidVariableException(name, "es obligatorio y no puede ser negativo (pesos colombianos)");
    }
    task.setVariable(name, amount);
  }
}
