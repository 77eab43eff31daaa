package co.ori.mobility.outgoing;

import static co.ori.agreements.AgreementValues.optionalBoolean;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${studentOutgoingTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code student-outgoing-mobility}: checks and
 * normalizes the task's outputs ({@code procedures.md} §2.c.2 O8–O24, §2.c.3 M1–M10, §2.h.3,
 * §2.h.4), including the cross-field rules a Camunda Form cannot express, and records the rule
 * gates of §3 that are decided at the task (CES-SO-11/13/24/31, UN-SO-01/04/12, UF-SO-10/12)
 * through {@code studentOutgoing.recordGate}. Radio values {@code "true"}/{@code "false"} become
 * Boolean, form dates {@code yyyy-MM-dd} become {@code Date} (start of day, America/Bogota),
 * document references are stripped Strings up to 1000 characters. A problem is thrown as an
 * {@link InvalidVariableException} naming the variable: the completion is rolled back and Tasklist
 * (or REST, HTTP 400) shows the message.
 */
@Component("studentOutgoingTaskCompletion")
public class StudentOutgoingTaskCompletion implements TaskListener {

  /** Values of {@code academicDecision} (O9). */
  public static final List<String> ACADEMIC_DECISIONS = List.of("APPROVED", "CHANGES_REQUIRED", "REJECTED");
  /** Values of {@code laDecision} (M4). */
  public static final List<String> LA_DECISIONS = List.of("APPROVED", "REJECTED");
  /** Values of {@code postponeDecision} (O20 "Aplazar o cancelar"). */
  public static final List<String> POSTPONE_DECISIONS = List.of("POSTPONE", "CANCEL");

  private static final int REF = 1000;
  private static final int LONG = 4000;

  private final StudentOutgoingMobility studentOutgoing;
  private final BusinessCalendar businessCalendar;

  /**
   * @param studentOutgoing the rules bean (gates); lazy because the engine calls this listener
   * @param businessCalendar Colombian business days (definitive learning agreement term, T31)
   */
  public StudentOutgoingTaskCompletion(@Lazy StudentOutgoingMobility studentOutgoing,
      BusinessCalendar businessCalendar) {
    this.studentOutgoing = studentOutgoing;
    this.businessCalendar = businessCalendar;
  }

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   * @throws IllegalStateException for a task of the model without rules (a modelling error)
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_AuthorizePostgraduate" -> authorizePostgraduate(task);
      case "Task_PrepareLearningAgreement" -> prepareLearningAgreement(task);
      case "Task_EndorseProgramDirector" -> endorseDirector(task);
      case "Task_EndorseCurricularCommittee" -> endorseCommittee(task);
      case "Task_IssueAcademicAct" -> ref(task, "academicActRef");
      case "Task_RegisterAcademicAct" -> {
        ref(task, "actRegistryRef");
        bool(task, "paymentReceiptIssued");
      }
      case "Task_SubmitApplicationDocuments" -> task.setVariable("applicationDocuments",
          requiredText("applicationDocuments", task.getVariable("applicationDocuments"), LONG));
      case "Task_ReviewApplicationDocuments" -> reviewDocuments(task, "docsComplete");
      case "Task_SendFileToDre" -> ref(task, "dreFileRef");
      case "Task_NominateStudent", "Task_PresentStudent" -> presentation(task);
      case "Task_FollowUpHost" -> followUpHost(task);
      case "Task_RecordCancellation" -> {
        bool(task, "forceMajeure");
        notes(task, "withdrawalNotes", true, "explique la cancelación");
      }
      case "Task_ProcessCesmagSupport" -> cesmagSupport(task);
      case "Task_EnrolForMobility" -> ref(task, "tuitionReceipt");
      case "Task_RegisterEnrolment", "Task_VerifyEnrolment" -> enrolment(task);
      case "Task_ConfirmTrainingAttendance" -> trainingAttendance(task);
      case "Task_SubmitPreDepartureDocuments" -> {
        task.setVariable("preDepartureDocuments",
            requiredText("preDepartureDocuments", task.getVariable("preDepartureDocuments"), LONG));
        ref(task, "commitmentLetter");
      }
      case "Task_ReviewPreDepartureDocuments" -> reviewPreDeparture(task);
      case "Task_PostponeOrCancel" -> postponeOrCancel(task);
      case "Task_ConfirmArrival" -> confirmArrival(task);
      case "Task_RegisterFigureAp" -> {
        if (!bool(task, "figureRegistered")) {
          throw new InvalidVariableException("figureRegistered",
              "registre la figura «Intercambio Académico» como AP antes de completar (003 Parte 1 §3.2)");
        }
      }
      case "Task_SubmitDefinitiveLaUnal", "Task_SubmitDefinitiveSubjectsUfps" -> {
        ref(task, "definitiveLearningAgreement");
        optionalText("laChanges", task.getVariable("laChanges"), LONG);
      }
      case "Task_ApproveDefinitiveLaDirector", "Task_ApproveDefinitiveSubjectsCommittee" -> approveDefinitiveLa(task);
      case "Task_EndorseDefinitiveLaCouncil" -> ref(task, "councilActRef");
      case "Task_SubmitPeriodicReport" -> ref(task, "periodicReport");
      case "Task_EvaluateExtensionDirector", "Task_EvaluateExtensionCommittee" -> evaluateExtension(task);
      case "Task_SubmitInsuranceExtension" -> ref(task, "insuranceExtension");
      case "Task_SubmitReturnReport" -> submitReturnReport(task);
      case "Task_ReviewReturnReport" -> {
        boolean accepted = bool(task, "returnReportAccepted");
        notes(task, "returnReportNotes", !accepted, "explique qué debe corregir el estudiante");
      }
      case "Task_RecordHostTranscript" -> recordTranscript(task);
      case "Task_ChaseTranscript" -> notes(task, "chaseNotes", true, "registre la gestión realizada");
      case "Task_HomologateCesmag", "Task_HomologationFormUfps", "Task_RecognizeFacultyCouncil" -> {
        bool(task, "homologationApproved");
        ref(task, "homologationActRef");
        notes(task, "homologationNotes", false, null);
      }
      case "Task_StartRecognitionUnal" -> ref(task, "recognitionRequestRef");
      case "Task_EndorseEquivalenceUfps" -> {
        boolean endorsed = bool(task, "equivalenceEndorsed");
        notes(task, "equivalenceNotes", !endorsed, "explique por qué no avala la equivalencia");
      }
      case "Task_RecordGrades" -> {
        if (!bool(task, "gradesRecorded")) {
          throw new InvalidVariableException("gradesRecorded",
              "registre las notas en la historia académica antes de completar");
        }
        ref(task, "recordRef");
      }
      case "Task_EvaluateWithdrawalDirector", "Task_EvaluateWithdrawalSports", "Task_EvaluateWithdrawalOri" -> {
        bool(task, "forceMajeure");
        notes(task, "withdrawalNotes", true, "registre la evaluación de la causa");
        Boolean passed = optionalBoolean("addDropDeadlinePassed", task.getVariable("addDropDeadlinePassed"));
        task.setVariable("addDropDeadlinePassed", passed);
      }
      default -> throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of student-outgoing-mobility");
    }
  }

  /** 003 Parte 1 §2.1 (UN-SO-04): {@code tutorAuthorization}, {@code tutorNotes} (required when refused). */
  private void authorizePostgraduate(DelegateTask task) {
    boolean authorized = bool(task, "tutorAuthorization");
    String notes = notes(task, "tutorNotes", !authorized, "explique al estudiante por qué no autoriza");
    gate(task, "UN-SO-04", authorized);
    if (!authorized) {
      task.setVariable("academicNotes", "El tutor o director no autorizó la movilidad de posgrado: " + notes);
    }
  }

  /**
   * O8 (002 art. 13; 003 Parte 1 §2.2; 004 art. 9.9–9.10, 17): {@code learningAgreement}; UFPS
   * práctica and trabajo de grado need {@code workPlan}, UFPS semester mobility needs
   * {@code socializationPlan}. Clears the previous {@code academicDecision} of a CHANGES_REQUIRED round.
   */
  private void prepareLearningAgreement(DelegateTask task) {
    ref(task, "learningAgreement");
    Object type = task.getVariable("ufpsType");
    if ("SEM_PRACTICA".equals(type) || "SEM_TRABAJO_GRADO".equals(type)) {
      ref(task, "workPlan");
    } else {
      optionalRef(task, "workPlan");
    }
    if ("SEMESTER".equals(task.getVariable("ufpsFamily"))) {
      ref(task, "socializationPlan");
    } else {
      optionalRef(task, "socializationPlan");
    }
    optionalText("learningAgreementNotes", task.getVariable("learningAgreementNotes"), LONG);
    task.getExecution().removeVariable("academicDecision");
  }

  /**
   * O9 by the program director (CESMAG 002 art. 10.6, 13, 22 par. 1, 25 par. 2; UNAL 003 Parte 1
   * §2.4): {@code academicDecision}, {@code academicNotes} (required unless approved); CESMAG
   * exchange {@code homologationProjectSigned} (CES-SO-13), CESMAG extracurricular and research
   * {@code curricularImpactAcceptable} (CES-SO-24), UNAL {@code minAcademicLoadMet} (UN-SO-12). An
   * approval needs each of them true. CHANGES_REQUIRED only where there is a learning agreement.
   */
  private void endorseDirector(DelegateTask task) {
    String decision = academicDecision(task);
    boolean approved = "APPROVED".equals(decision);
    String institution = String.valueOf(task.getVariable("institution"));
    String category = String.valueOf(task.getVariable("category"));
    if ("CESMAG".equals(institution) && "INTERCAMBIO".equals(category)) {
      checkedGate(task, "homologationProjectSigned", "CES-SO-13", decision,
          "no se puede aprobar sin el proyecto de homologación firmado (002 art. 13)");
    }
    if ("CESMAG".equals(institution) && (category.startsWith("EXTRA_") || category.startsWith("INV_"))) {
      checkedGate(task, "curricularImpactAcceptable", "CES-SO-24", decision,
          "no se puede aprobar una movilidad que obstaculiza o retrasa significativamente el avance curricular"
              + " (002 art. 22 par. 1, 25 par. 2)");
    }
    if ("UNAL".equals(institution)) {
      checkedGate(task, "minAcademicLoadMet", "UN-SO-12", decision,
          "no se puede aprobar sin la carga académica mínima del Estatuto Estudiantil (003 Parte 1 §2.4)");
    }
    if (approved) {
      task.setVariable("academicNotes", notesOrEmpty(task));
    }
  }

  /**
   * O9 by the UFPS curricular committee (004 art. 8, 17, 17 par. 3, 18): {@code academicDecision}
   * (UF-SO-10), {@code academicNotes}; práctica and trabajo de grado need {@code supervisorName}
   * when approved; an approval of a semester mobility needs the learning agreement of UF-SO-12
   * (≥ 4 subjects with prerequisites, ≤ 3 host study plans).
   */
  private void endorseCommittee(DelegateTask task) {
    String decision = academicDecision(task);
    boolean approved = "APPROVED".equals(decision);
    Object type = task.getVariable("ufpsType");
    if (approved && ("SEM_PRACTICA".equals(type) || "SEM_TRABAJO_GRADO".equals(type))) {
      task.setVariable("supervisorName", requiredText("supervisorName", task.getVariable("supervisorName"), 200));
    }
    if (approved) {
      studentOutgoing.learningAgreementGate(task.getExecution());
      if (Boolean.FALSE.equals(task.getVariable("learningAgreementValid"))) {
        throw new InvalidVariableException("academicDecision", "no se puede aprobar: el acuerdo de aprendizaje"
            + " necesita al menos 4 asignaturas con prerrequisitos cumplidos de máximo 3 planes de estudio"
            + " (004 art. 17 y 18, regla UF-SO-12)");
      }
      task.setVariable("academicNotes", notesOrEmpty(task));
    }
    if (!"CHANGES_REQUIRED".equals(decision)) {
      gate(task, "UF-SO-10", approved);
    }
  }

  private String academicDecision(DelegateTask task) {
    String decision = requiredEnum("academicDecision", task.getVariable("academicDecision"), ACADEMIC_DECISIONS);
    if (!"APPROVED".equals(decision)) {
      notes(task, "academicNotes", true, "explique al estudiante qué debe ajustar o por qué no se aprueba");
    }
    if ("CHANGES_REQUIRED".equals(decision) && !Boolean.TRUE.equals(task.getVariable("homologationApplies"))) {
      throw new InvalidVariableException("academicDecision", "esta categoría no tiene acuerdo de aprendizaje"
          + " que ajustar: apruebe o no apruebe");
    }
    return decision;
  }

  private void checkedGate(DelegateTask task, String variable, String ruleId, String decision, String refusal) {
    boolean met = bool(task, variable);
    if ("APPROVED".equals(decision) && !met) {
      throw new InvalidVariableException(variable, refusal);
    }
    if (!"CHANGES_REQUIRED".equals(decision)) {
      gate(task, ruleId, met && "APPROVED".equals(decision));
    }
  }

  private String notesOrEmpty(DelegateTask task) {
    String notes = optionalText("academicNotes", task.getVariable("academicNotes"), LONG);
    return notes == null ? "" : notes;
  }

  /** D1 (003 Parte 1 §2.8): completeness flag and {@code missingDocs} (required when incomplete). */
  private void reviewDocuments(DelegateTask task, String flag) {
    boolean complete = bool(task, flag);
    String missing = notes(task, "missingDocs", !complete, "indique los documentos faltantes o por corregir");
    task.setVariable("missingDocs", complete || missing == null ? "" : missing);
  }

  /** O15: {@code presentationLetter}, {@code nominationDate} (not after today). */
  private void presentation(DelegateTask task) {
    ref(task, "presentationLetter");
    LocalDate day = requiredDate("nominationDate", task.getVariable("nominationDate"));
    if (day.isAfter(today())) {
      throw new InvalidVariableException("nominationDate", "no puede ser posterior a hoy");
    }
    task.setVariable("nominationDate", AgreementValues.toDate(day));
  }

  /** O16 follow-up (T51): {@code followUpNotes}; {@code nextFollowUpDate} after today becomes {@code hostDecisionDeadline}. */
  private void followUpHost(DelegateTask task) {
    notes(task, "followUpNotes", true, "registre el resultado del seguimiento");
    LocalDate next = requiredDate("nextFollowUpDate", task.getVariable("nextFollowUpDate"));
    if (!next.isAfter(today())) {
      throw new InvalidVariableException("nextFollowUpDate", "debe ser posterior a hoy");
    }
    Date date = AgreementValues.toDate(next);
    task.setVariable("nextFollowUpDate", date);
    task.setVariable("hostDecisionDeadline", date);
  }

  /** O18 CESMAG (002 art. 9.5, 31.6): {@code supportGranted}, {@code supportAmount} (> 0 pesos when granted). */
  private void cesmagSupport(DelegateTask task) {
    boolean granted = bool(task, "supportGranted");
    Object raw = task.getVariable("supportAmount");
    double amount = raw instanceof Number n ? n.doubleValue() : 0;
    if (raw != null && !(raw instanceof Number)) {
      throw new InvalidVariableException("supportAmount", "debe ser un número (pesos colombianos)");
    }
    if (granted && amount <= 0) {
      throw new InvalidVariableException("supportAmount", "es obligatorio y mayor que 0 cuando se concede el apoyo");
    }
    task.setVariable("supportAmount", granted ? amount : 0.0);
    notes(task, "supportNotes", !granted, "explique por qué no se concede el apoyo");
  }

  /** O19 / M6 (003 Parte 1 §3.4, UN-SO-01): {@code enrolled}, {@code enrolmentNotes} (required when not). */
  private void enrolment(DelegateTask task) {
    boolean enrolled = bool(task, "enrolled");
    String notes = notes(task, "enrolmentNotes", !enrolled, "explique qué falta para la matrícula");
    task.setVariable("enrolmentNotes", notes == null ? "" : notes);
    if ("UNAL".equals(task.getVariable("institution"))) {
      gate(task, "UN-SO-01", enrolled);
    }
  }

  /** O20 (002 art. 32.2, CES-SO-31): {@code trainingAttendanceOk}, {@code trainingNotes}, {@code permitRef}. */
  private void trainingAttendance(DelegateTask task) {
    boolean ok = bool(task, "trainingAttendanceOk");
    notes(task, "trainingNotes", !ok, "explique la inasistencia");
    optionalRef(task, "permitRef");
    gate(task, "CES-SO-31", ok);
  }

  /**
   * O20 review (002 art. 10.9; 004 art. 11): {@code preDepartureComplete}, {@code missingDocs};
   * CESMAG exchange: complete requires {@code healthCertificatesPresent} (CES-SO-11, art. 10.9 lit. d–e).
   */
  private void reviewPreDeparture(DelegateTask task) {
    reviewDocuments(task, "preDepartureComplete");
    boolean complete = Boolean.TRUE.equals(task.getVariable("preDepartureComplete"));
    if ("CESMAG".equals(task.getVariable("institution")) && "INTERCAMBIO".equals(task.getVariable("category"))) {
      boolean health = bool(task, "healthCertificatesPresent");
      if (complete && !health) {
        throw new InvalidVariableException("healthCertificatesPresent", "sin los certificados médico y de orientación"
            + " psicológica los documentos no están completos (002 art. 10.9 lit. d-e)");
      }
      if (complete) {
        gate(task, "CES-SO-11", true);
      }
    }
  }

  /**
   * O20 "Aplazar o cancelar" (T16, 004 art. 45–46): {@code postponeDecision}, {@code postponeNotes};
   * POSTPONE: {@code newStartDate} after today, {@code newEndDate} not before it; CANCEL:
   * {@code forceMajeure}.
   */
  private void postponeOrCancel(DelegateTask task) {
    String decision = requiredEnum("postponeDecision", task.getVariable("postponeDecision"), POSTPONE_DECISIONS);
    notes(task, "postponeNotes", true, "explique el motivo al estudiante");
    if ("POSTPONE".equals(decision)) {
      LocalDate start = requiredDate("newStartDate", task.getVariable("newStartDate"));
      if (!start.isAfter(today())) {
        throw new InvalidVariableException("newStartDate", "debe ser posterior a hoy");
      }
      LocalDate end = requiredDate("newEndDate", task.getVariable("newEndDate"));
      if (end.isBefore(start)) {
        throw new InvalidVariableException("newEndDate", "no puede ser anterior a la nueva fecha de inicio");
      }
      task.setVariable("newStartDate", AgreementValues.toDate(start));
      task.setVariable("newEndDate", AgreementValues.toDate(end));
    } else {
      bool(task, "forceMajeure");
    }
  }

  /**
   * M1 (003 Parte 1 §3.1): {@code arrivalCertificateDate} (not after today), {@code arrivalCertificate},
   * {@code arrivalInsurance} (UNAL international). Sets {@code definitiveLaDeadline}: UNAL end of the
   * {@code profileDefinitiveLaBusinessDays}-th Colombian business day after the certificate (T31,
   * 003 Parte 1 §3.6); UFPS end of the second week from {@code startDate} (T41, 004 art. 17 par. 1;
   * PROPOSED computation: start + 13 days).
   */
  private void confirmArrival(DelegateTask task) {
    LocalDate arrival = requiredDate("arrivalCertificateDate", task.getVariable("arrivalCertificateDate"));
    if (arrival.isAfter(today())) {
      throw new InvalidVariableException("arrivalCertificateDate", "no puede ser posterior a hoy");
    }
    Date arrivalDate = AgreementValues.toDate(arrival);
    task.setVariable("arrivalCertificateDate", arrivalDate);
    ref(task, "arrivalCertificate");
    if ("UNAL".equals(task.getVariable("institution")) && "INTERNACIONAL".equals(task.getVariable("scope"))) {
      ref(task, "arrivalInsurance");
    } else {
      optionalRef(task, "arrivalInsurance");
    }
    int businessDays = task.getVariable("profileDefinitiveLaBusinessDays") instanceof Number n ? n.intValue() : 0;
    if (businessDays > 0) {
      task.setVariable("definitiveLaDeadline", businessCalendar.addBusinessDays(arrivalDate, businessDays));
    } else if (Boolean.TRUE.equals(task.getVariable("profileDefinitiveLaSecondWeek"))
        && task.getVariable("startDate") instanceof Date start) {
      task.setVariable("definitiveLaDeadline", businessCalendar.endOfDay(businessCalendar.daysAfter(start, 13)));
    } else {
      task.setVariable("definitiveLaDeadline", null);
    }
  }

  /** M4 (003 Parte 1 §3.6; 004 art. 17): {@code laDecision}, {@code laNotes} (required when rejected). */
  private void approveDefinitiveLa(DelegateTask task) {
    String decision = requiredEnum("laDecision", task.getVariable("laDecision"), LA_DECISIONS);
    String notes = notes(task, "laNotes", "REJECTED".equals(decision), "explique qué debe corregir el estudiante");
    task.setVariable("laNotes", notes == null ? "" : notes);
  }

  /**
   * X3 (§2.h.3; 002 art. 9.1, 14.1; 004 art. 47): {@code extensionApproved}, {@code extensionNotes};
   * an approval needs {@code newEndDate} after the current {@code endDate}; UFPS allows one
   * extension (UF-EX-01, T46), a CESMAG exchange at most two academic periods in total (T12).
   */
  private void evaluateExtension(DelegateTask task) {
    boolean approved = bool(task, "extensionApproved");
    notes(task, "extensionNotes", true, "registre la evaluación");
    if (!approved) {
      return;
    }
    LocalDate newEnd = requiredDate("newEndDate", task.getVariable("newEndDate"));
    LocalDate end = AgreementValues.toLocalDate((Date) task.getVariable("endDate"));
    if (!newEnd.isAfter(end)) {
      throw new InvalidVariableException("newEndDate", "la nueva fecha de finalización debe ser posterior a la actual");
    }
    task.setVariable("newEndDate", AgreementValues.toDate(newEnd));
    int count = task.getVariable("extensionCount") instanceof Number n ? n.intValue() : 0;
    if ("UFPS".equals(task.getVariable("institution")) && count >= 1) {
      throw new InvalidVariableException("extensionApproved",
          "la movilidad de semestre se prorroga una sola vez (004 art. 47)");
    }
    if ("CESMAG".equals(task.getVariable("institution")) && "INTERCAMBIO".equals(task.getVariable("category"))) {
      int periods = task.getVariable("academicPeriods") instanceof Number n ? n.intValue() : 1;
      if (periods + count >= 2) {
        throw new InvalidVariableException("extensionApproved",
            "el intercambio dura como máximo dos periodos académicos (002 art. 9.1)");
      }
    }
  }

  /** O22 (004 art. 43; 002 art. 11.7, 22): {@code returnReport}, {@code participationCertificate} as required. */
  private void submitReturnReport(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("returnReportRequired"))) {
      ref(task, "returnReport");
    } else {
      optionalRef(task, "returnReport");
    }
    if (Boolean.TRUE.equals(task.getVariable("participationCertificateRequired"))) {
      ref(task, "participationCertificate");
    } else {
      optionalRef(task, "participationCertificate");
    }
  }

  /**
   * O23 (002 art. 13; 003 Parte 1 §4; 004 art. 20): {@code hostTranscript} and {@code hostGrades}
   * (Json list of §8.3). From Tasklist the grades come as {@code hostGradesText}, one course per
   * line: host code; host name; home code; home name; grade; scale minimum; passing grade; scale
   * maximum (decimal comma or point); REST may send {@code hostGrades} directly.
   */
  private void recordTranscript(DelegateTask task) {
    ref(task, "hostTranscript");
    Object text = task.getVariable("hostGradesText");
    if (text == null || text.toString().isBlank()) {
      if (task.getVariable("hostGrades") == null) {
        throw new InvalidVariableException("hostGradesText", "registre las notas: una asignatura por línea");
      }
      return;
    }
    List<Map<String, Object>> courses = new ArrayList<>();
    String[] lines = text.toString().strip().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split(";", -1);
      if (f.length != 8) {
        throw new InvalidVariableException("hostGradesText", "línea " + (i + 1) + ": se esperan 8 campos separados"
            + " por punto y coma (código destino; asignatura destino; código origen; asignatura origen; nota;"
            + " mínima; aprobatoria; máxima)");
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("hostCode", f[0].strip());
      c.put("hostName", f[1].strip());
      c.put("homeCode", f[2].strip());
      c.put("homeName", f[3].strip());
      String[] names = {"grade", "scaleMin", "scalePass", "scaleMax"};
      for (int k = 0; k < 4; k++) {
        try {
          c.put(names[k], Double.parseDouble(f[4 + k].strip().replace(',', '.')));
        } catch (NumberFormatException e) {
          throw new InvalidVariableException("hostGradesText", "línea " + (i + 1) + ": «" + f[4 + k].strip()
              + "» no es un número");
        }
      }
      courses.add(c);
    }
    if (courses.isEmpty()) {
      throw new InvalidVariableException("hostGradesText", "registre al menos una asignatura");
    }
    task.setVariable("hostGrades", Spin.JSON(courses));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private boolean bool(DelegateTask task, String name) {
    boolean value = requiredBoolean(name, task.getVariable(name));
    task.setVariable(name, value);
    return value;
  }

  private String ref(DelegateTask task, String name) {
    String value = requiredText(name, task.getVariable(name), REF);
    task.setVariable(name, value);
    return value;
  }

  private void optionalRef(DelegateTask task, String name) {
    String value = optionalText(name, task.getVariable(name), REF);
    if (value != null) {
      task.setVariable(name, value);
    }
  }

  private String notes(DelegateTask task, String name, boolean required, String why) {
    String value = optionalText(name, task.getVariable(name), LONG);
    if (required && value == null) {
      throw new InvalidVariableException(name, "es obligatorio: " + why);
    }
    if (value != null) {
      task.setVariable(name, value);
    }
    return value;
  }

  private void gate(DelegateTask task, String ruleId, boolean passed) {
    DelegateExecution execution = task.getExecution();
    studentOutgoing.recordGate(execution, ruleId, passed);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AgreementValues.ZONE);
  }
}
