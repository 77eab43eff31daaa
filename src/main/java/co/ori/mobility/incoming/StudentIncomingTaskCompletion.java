package co.ori.mobility.incoming;

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
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${studentIncomingTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code student-incoming-mobility}: checks and
 * normalizes the task's outputs ({@code procedures.md} §2.d.2 I7–I23, checklists §4.3, §4.8,
 * §4.10, terms §5 T42–T43), including the cross-field rules a Camunda Form cannot express. Radio
 * values {@code "true"}/{@code "false"} become Boolean, form dates {@code yyyy-MM-dd} become
 * {@code Date}, course lists (one per line) become Json arrays, document references are stripped
 * Strings (up to 1000 characters). A problem is an {@link InvalidVariableException} naming the
 * variable: the completion is rolled back and Tasklist (or REST, HTTP 400) shows the message.
 */
@Component("studentIncomingTaskCompletion")
public class StudentIncomingTaskCompletion implements TaskListener {

  /** Values of {@code academicDecision} (I8). */
  public static final List<String> DECISIONS = List.of("APPROVED", "REJECTED");
  /** Values of {@code postponeDecision} (I13 "Aplazar o cancelar"). */
  public static final List<String> POSTPONE_DECISIONS = List.of("POSTPONE", "CANCEL");

  private static final int REF = StudentIncomingRequestRules.REF;
  private static final int LONG = StudentIncomingRequestRules.LONG;

  private final StudentIncoming studentIncoming;

  /** @param studentIncoming the process steps (rescheduling after a postponement) */
  public StudentIncomingTaskCompletion(StudentIncoming studentIncoming) {
    this.studentIncoming = studentIncoming;
  }

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewCompleteness" -> reviewCompleteness(task);
      case "Task_RegisterCorrections" -> task.setVariable("correctedDocuments",
          requiredText("correctedDocuments", task.getVariable("correctedDocuments"), LONG));
      case "Task_AcademicApproval" -> academicApproval(task);
      case "Task_CampusEndorsement" -> campusEndorsement(task);
      case "Task_IssueAcceptanceDre" -> acceptance(task, true);
      case "Task_IssueAcceptance" -> acceptance(task, false);
      case "Task_Legalization" -> legalization(task);
      case "Task_PostponeOrCancel" -> postponeOrCancel(task);
      case "Task_OpenAcademicHistory" -> openAcademicHistory(task);
      case "Task_CheckLearningAgreement" -> learningAgreement(task);
      case "Task_SignLearningAgreementDre" -> requireRef(task, "signedLearningAgreementRef");
      case "Task_IssueStudentCard" -> studentCard(task);
      case "Task_SemesterReport" -> {
        requireRef(task, "semesterReportRef");
        text(task, "semesterReportNotes", optionalText("semesterReportNotes", task.getVariable("semesterReportNotes"), LONG));
      }
      case "Task_DecideExtension", "Task_DecideExtensionCommittee" -> decideExtension(task);
      case "Task_RecordInsuranceExtension" -> {
        requireRef(task, "insuranceExtensionRef");
        text(task, "insuranceExtensionNotes", optionalText("insuranceExtensionNotes",
            task.getVariable("insuranceExtensionNotes"), LONG));
      }
      case "Task_RecordDeparture" -> departure(task);
      case "Task_GradePartialTopics" -> partialGrade(task);
      case "Task_VerifyClearance" -> clearance(task);
      case "Task_IssueGradeCertificate" -> gradeCertificate(task);
      case "Task_RecordWithdrawal" -> withdrawal(task);
      default -> throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of student-incoming-mobility");
    }
  }

  /** I7 (§2.h.1 D1): {@code docsComplete}, {@code missingDocs} (required when incomplete). */
  private void reviewCompleteness(DelegateTask task) {
    boolean complete = bool(task, "docsComplete");
    String missing = optionalText("missingDocs", task.getVariable("missingDocs"), LONG);
    if (!complete && missing == null) {
      throw new InvalidVariableException("missingDocs", "indique los documentos faltantes o por corregir:"
          + " se envían a la institución de origen");
    }
    task.setVariable("missingDocs", missing == null ? "" : missing);
  }

  /**
   * I8 (003 Parte 2 §3.2; 002 art. 18.3; 004 art. 14): {@code academicDecision},
   * {@code academicNotes} (required when rejected; also {@code rejectionNotes} for the e-mail),
   * optional {@code approvedCourses} (one per line, Json array).
   */
  private void academicApproval(DelegateTask task) {
    String decision = requiredEnum("academicDecision", task.getVariable("academicDecision"), DECISIONS);
    String notes = optionalText("academicNotes", task.getVariable("academicNotes"), LONG);
    if ("REJECTED".equals(decision) && notes == null) {
      throw new InvalidVariableException("academicNotes", "es obligatorio cuando no se aprueba la movilidad:"
          + " explique el motivo a la institución de origen");
    }
    task.setVariable("academicNotes", notes == null ? "" : notes);
    task.setVariable("approvedCourses", Spin.JSON(StudentIncomingRequestRules.courses("approvedCourses",
        task.getVariable("approvedCourses"))));
    if ("REJECTED".equals(decision)) {
      task.setVariable("rejectionNotes", "La dirección del programa no aprobó la movilidad: " + notes);
    }
  }

  /** I9 (003 Parte 2 §3.3, UN-SI-06): {@code campusEndorsed}, {@code campusNotes} (required when not). */
  private void campusEndorsement(DelegateTask task) {
    boolean endorsed = bool(task, "campusEndorsed");
    String notes = optionalText("campusNotes", task.getVariable("campusNotes"), LONG);
    if (!endorsed && notes == null) {
      throw new InvalidVariableException("campusNotes", "es obligatorio cuando no se avala la movilidad");
    }
    task.setVariable("campusNotes", notes == null ? "" : notes);
    if (!endorsed) {
      task.setVariable("rejectionNotes", "La Dirección Académica de Sede no avaló la movilidad: " + notes);
    }
  }

  /**
   * I10: {@code acceptanceLetterRef} (required); at the DRE (UNAL, 003 Parte 2 §3.5) also
   * {@code ministryLetterRef}, required for a foreign student; elsewhere {@code feesNotice}
   * (fees other than registration and tuition, informed before arrival; required at CESMAG,
   * 002 art. 18.5). Sets {@code ministryLetterText} and {@code feesNotice} for the e-mail.
   */
  private void acceptance(DelegateTask task, boolean dre) {
    requireRef(task, "acceptanceLetterRef");
    boolean foreign = Boolean.TRUE.equals(task.getVariable("isForeign"));
    String ministry = "";
    if (dre && foreign) {
      String ref = requireRef(task, "ministryLetterRef");
      ministry = "La DRE emitió la carta al Ministerio de Relaciones Exteriores con la aceptación y las fechas de"
          + " permanencia: " + ref + ".";
    }
    task.setVariable("ministryLetterText", ministry);
    String fees = optionalText("feesNotice", task.getVariable("feesNotice"), LONG);
    if (fees == null && "CESMAG".equals(task.getVariable("institution"))) {
      throw new InvalidVariableException("feesNotice", "informe las tasas distintas de inscripción y matrícula que"
          + " el estudiante pagará como los estudiantes de la Universidad, o escriba que no hay"
          + " (Acuerdo 106 de 2023, art. 18 num. 5)");
    }
    task.setVariable("feesNotice", fees == null ? "" : fees);
  }

  /**
   * I13 (002 art. 15.7; 003 Parte 2 §4.1–4.4, §5.4; 004 art. 15): the legalization documents by
   * institution and nationality, {@code arrivalDate} (from 60 days before the start up to the end),
   * and the checks T42 (UFPS national: health affiliation issued at most 30 calendar days before
   * today) and T43 (UFPS international: passport valid at least one year after the start).
   */
  private void legalization(DelegateTask task) {
    LocalDate start = AgreementValues.toLocalDate((java.util.Date) task.getVariable("startDate"));
    LocalDate end = AgreementValues.toLocalDate((java.util.Date) task.getVariable("endDate"));
    LocalDate arrival = requiredDate("arrivalDate", task.getVariable("arrivalDate"));
    if (arrival.isBefore(start.minusDays(60)) || arrival.isAfter(end)) {
      throw new InvalidVariableException("arrivalDate", "debe estar entre 60 días antes del inicio y el fin de la"
          + " movilidad (" + StudentIncomingRequestRules.DAY.format(start) + " a " + StudentIncomingRequestRules.DAY.format(end) + ")");
    }
    task.setVariable("arrivalDate", AgreementValues.toDate(arrival));
    String institution = (String) task.getVariable("institution");
    boolean foreign = Boolean.TRUE.equals(task.getVariable("isForeign"));
    boolean international = "INTERNACIONAL".equals(task.getVariable("scope"));
    boolean travel = Boolean.TRUE.equals(task.getVariable("physicalTravel"));
    requireRef(task, "identityDocumentCopy");
    if (foreign && travel) {
      requireRef(task, "insuranceRef");
      requiredEnum("migratoryDocumentType", task.getVariable("migratoryDocumentType"),
          List.copyOf(IncomingTerms.MIGRATORY_DOCUMENTS.keySet()));
      requireRef(task, "migratoryDocumentRef");
    } else if (travel) {
      requireRef(task, "healthAffiliationRef");
    }
    LocalDate today = StudentIncoming.today();
    switch (institution) {
      case "UNAL" -> {
        requireRef(task, "responsibilityFormRef");
        requireRef(task, "arrivalCertificateRef");
        if (international && travel) {
          requireRef(task, "accidentPolicyReceiptRef");
        } else if (travel) {
          requireRef(task, "homeAccidentPolicyRef");
        }
      }
      case "UFPS" -> {
        requireRef(task, "actaCompromisoriaRef");
        if (international && travel) {
          LocalDate expiry = requiredDate("passportExpiryDate", task.getVariable("passportExpiryDate"));
          if (expiry.isBefore(start.plusYears(1))) {
            throw new InvalidVariableException("passportExpiryDate", "el pasaporte debe tener una vigencia mínima de"
                + " un año (hasta el " + StudentIncomingRequestRules.DAY.format(start.plusYears(1))
                + " o después; Resolución 206 de 2020, art. 15 num. 2 lit. a)");
          }
          task.setVariable("passportExpiryDate", AgreementValues.toDate(expiry));
        } else if (travel) {
          LocalDate issued = requiredDate("healthAffiliationIssueDate", task.getVariable("healthAffiliationIssueDate"));
          if (issued.isAfter(today) || issued.isBefore(today.minusDays(30))) {
            throw new InvalidVariableException("healthAffiliationIssueDate", "la afiliación a salud debe tener una"
                + " vigencia no mayor a 30 días calendario (expedida desde el "
                + StudentIncomingRequestRules.DAY.format(today.minusDays(30)) + "; Resolución 206 de 2020, art. 15 num. 1 lit. b)");
          }
          task.setVariable("healthAffiliationIssueDate", AgreementValues.toDate(issued));
        }
      }
      default -> requireRef(task, "commitmentLetterRef");
    }
    text(task, "legalizationNotes", optionalText("legalizationNotes", task.getVariable("legalizationNotes"), LONG));
  }

  /**
   * I13 "Aplazar o cancelar": POSTPONE needs {@code newStartDate} after today and
   * {@code newEndDate} not before it (then the case is rescheduled); CANCEL needs
   * {@code postponeNotes} (the reason, for the e-mail).
   */
  private void postponeOrCancel(DelegateTask task) {
    String decision = requiredEnum("postponeDecision", task.getVariable("postponeDecision"), POSTPONE_DECISIONS);
    String notes = optionalText("postponeNotes", task.getVariable("postponeNotes"), LONG);
    if ("CANCEL".equals(decision)) {
      if (notes == null) {
        throw new InvalidVariableException("postponeNotes", "indique el motivo de la cancelación");
      }
      task.setVariable("postponeNotes", notes);
      return;
    }
    LocalDate start = requiredDate("newStartDate", task.getVariable("newStartDate"));
    LocalDate end = requiredDate("newEndDate", task.getVariable("newEndDate"));
    if (!start.isAfter(StudentIncoming.today())) {
      throw new InvalidVariableException("newStartDate", "debe ser posterior a hoy");
    }
    if (end.isBefore(start)) {
      throw new InvalidVariableException("newEndDate", "no puede ser anterior a la nueva fecha de inicio");
    }
    if (end.isAfter(start.plusMonths(StudentIncomingRequestRules.MAX_MONTHS))) {
      throw new InvalidVariableException("newEndDate", "la movilidad no puede durar más de "
          + StudentIncomingRequestRules.MAX_MONTHS + " meses");
    }
    task.setVariable("newStartDate", AgreementValues.toDate(start));
    task.setVariable("newEndDate", AgreementValues.toDate(end));
    task.setVariable("postponeNotes", notes == null ? "" : notes);
    studentIncoming.reschedule(task.getExecution());
  }

  /**
   * X2–X3 (procedures.md §2.h.3, §3.1.b CES-SI-01, §5 T46): {@code extensionApproved} (Boolean),
   * {@code extensionNotes} (required when refused). An approval must respect the limit of the
   * institution, else {@link InvalidVariableException} on {@code extensionApproved}: CESMAG at most
   * two academic periods with the extension (002 art. 14.1); UFPS one extension only
   * ({@code extensionCount == 0}) of at most the length of the first period (004 art. 5.2, 47;
   * else on {@code newEndDate}); UNAL one extension (PROPOSED, 003 Parte 2 §4.1).
   */
  private void decideExtension(DelegateTask task) {
    boolean approved = bool(task, "extensionApproved");
    String notes = optionalText("extensionNotes", task.getVariable("extensionNotes"), LONG);
    if (!approved) {
      if (notes == null) {
        throw new InvalidVariableException("extensionNotes", "indique el motivo por el que no se aprueba la prórroga");
      }
      task.setVariable("extensionNotes", notes);
      return;
    }
    text(task, "extensionNotes", notes);
    LocalDate start = AgreementValues.toLocalDate((java.util.Date) task.getVariable("startDate"));
    LocalDate end = AgreementValues.toLocalDate((java.util.Date) task.getVariable("endDate"));
    LocalDate newEnd = requiredDate("newEndDate", task.getVariable("newEndDate"));
    int count = task.getVariable("extensionCount") instanceof Integer n ? n : 0;
    switch (String.valueOf(task.getVariable("institution"))) {
      case "CESMAG" -> {
        int periods = StudentIncoming.academicPeriods(start, newEnd);
        if (periods > 2) {
          throw new InvalidVariableException("extensionApproved", "no se puede aprobar: con la prórroga hasta el "
              + StudentIncomingRequestRules.DAY.format(newEnd) + " la movilidad abarcaría " + periods
              + " periodos académicos y el máximo es 2 (Acuerdo 106 de 2023, art. 14 num. 1)");
        }
      }
      case "UFPS" -> {
        if (count > 0) {
          throw new InvalidVariableException("extensionApproved", "no se puede aprobar: la movilidad ya tuvo una"
              + " prórroga y solo se permite una (Resolución 206 de 2020, art. 47)");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(end, newEnd) > java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1) {
          throw new InvalidVariableException("newEndDate", "la prórroga no puede ser más larga que el primer periodo"
              + " de la movilidad (" + StudentIncomingRequestRules.DAY.format(start) + " a "
              + StudentIncomingRequestRules.DAY.format(end) + "; Resolución 206 de 2020, art. 47)");
        }
      }
      default -> {
        if (count > 0) {
          throw new InvalidVariableException("extensionApproved", "no se puede aprobar: la movilidad ya tuvo una"
              + " prórroga y solo se permite una (PROPUESTO)");
        }
      }
    }
  }

  /** I15: {@code academicHistoryId} and {@code enrolledCourses} (at least one). */
  private void openAcademicHistory(DelegateTask task) {
    task.setVariable("academicHistoryId", requiredText("academicHistoryId", task.getVariable("academicHistoryId"), 64));
    task.setVariable("enrolledCourses", Spin.JSON(requiredCourses(task, "enrolledCourses")));
  }

  /** I17: {@code learningAgreementRef} and {@code learningAgreementCourses} (at least one). */
  private void learningAgreement(DelegateTask task) {
    requireRef(task, "learningAgreementRef");
    task.setVariable("learningAgreementCourses", Spin.JSON(requiredCourses(task, "learningAgreementCourses")));
  }

  /** I16: {@code studentCardNumber}; {@code institutionalEmail} (required at UNAL, 003 Parte 2 §5.2). */
  private void studentCard(DelegateTask task) {
    task.setVariable("studentCardNumber", requiredText("studentCardNumber", task.getVariable("studentCardNumber"), 64));
    String mail = optionalText("institutionalEmail", task.getVariable("institutionalEmail"), 254);
    if (mail == null && "UNAL".equals(task.getVariable("institution"))) {
      throw new InvalidVariableException("institutionalEmail", "es obligatorio en la Universidad Nacional"
          + " (usuario y contraseña del correo, Parte 2 §5 num. 2)");
    }
    if (mail != null) {
      StudentIncomingRequestRules.email("institutionalEmail", mail);
    }
    text(task, "institutionalEmail", mail);
  }

  /**
   * I20–I21: {@code departureDate} (not before the arrival, at most 60 days after the end);
   * UNAL {@code departureCertificateRef} (§5.4); CESMAG {@code cardReturned} (002 art. 16.7),
   * with {@code cardNotes} when not returned.
   */
  private void departure(DelegateTask task) {
    LocalDate departure = requiredDate("departureDate", task.getVariable("departureDate"));
    LocalDate arrival = AgreementValues.toLocalDate((java.util.Date) task.getVariable("arrivalDate"));
    LocalDate end = AgreementValues.toLocalDate((java.util.Date) task.getVariable("endDate"));
    if ((arrival != null && departure.isBefore(arrival)) || departure.isAfter(end.plusDays(60))) {
      throw new InvalidVariableException("departureDate", "debe estar entre la llegada y 60 días después del fin de la movilidad");
    }
    task.setVariable("departureDate", AgreementValues.toDate(departure));
    String institution = (String) task.getVariable("institution");
    if ("UNAL".equals(institution)) {
      requireRef(task, "departureCertificateRef");
    }
    if ("CESMAG".equals(institution)) {
      boolean returned = bool(task, "cardReturned");
      String notes = optionalText("cardNotes", task.getVariable("cardNotes"), LONG);
      if (!returned && notes == null && Boolean.TRUE.equals(task.getVariable("formalRegistration"))) {
        throw new InvalidVariableException("cardNotes", "indique por qué no se devolvió el carné a la dirección del"
            + " programa (Acuerdo 106 de 2023, art. 16 num. 7)");
      }
      text(task, "cardNotes", notes);
    }
  }

  /** 002 art. 14 par.: {@code partialGrade} 0–5, {@code partialTopics}, {@code gradeCertificateRef}. */
  private void partialGrade(DelegateTask task) {
    Double grade = StudentIncomingRequestRules.optionalDouble("partialGrade", task.getVariable("partialGrade"), 5.0);
    if (grade == null) {
      throw new InvalidVariableException("partialGrade", "es obligatoria (0 a 5)");
    }
    task.setVariable("partialGrade", grade);
    task.setVariable("partialTopics", requiredText("partialTopics", task.getVariable("partialTopics"), LONG));
    requireRef(task, "gradeCertificateRef");
  }

  /** I22 (004 art. 21, UF-SI-09): {@code financialClearance}, {@code clearanceNotes} (required when not cleared). */
  private void clearance(DelegateTask task) {
    boolean cleared = bool(task, "financialClearance");
    String notes = optionalText("clearanceNotes", task.getVariable("clearanceNotes"), LONG);
    if (!cleared && notes == null) {
      throw new InvalidVariableException("clearanceNotes", "indique lo que el estudiante tiene pendiente");
    }
    task.setVariable("clearanceNotes", notes == null ? "" : notes);
  }

  /** I22: {@code gradeCertificateRef}; at the UFPS only with paz y salvo (UF-SI-09). */
  private void gradeCertificate(DelegateTask task) {
    if ("UFPS".equals(task.getVariable("institution")) && !Boolean.TRUE.equals(task.getVariable("financialClearance"))) {
      throw new InvalidVariableException("financialClearance", "las calificaciones se expiden solo con paz y salvo"
          + " (Resolución 206 de 2020, art. 21)");
    }
    requireRef(task, "gradeCertificateRef");
  }

  /** §2.h.4: {@code withdrawalDate} (not in the future), {@code withdrawalNotes}. */
  private void withdrawal(DelegateTask task) {
    LocalDate date = requiredDate("withdrawalDate", task.getVariable("withdrawalDate"));
    if (date.isAfter(StudentIncoming.today())) {
      throw new InvalidVariableException("withdrawalDate", "no puede ser una fecha futura");
    }
    task.setVariable("withdrawalDate", AgreementValues.toDate(date));
    task.setVariable("withdrawalNotes", requiredText("withdrawalNotes", task.getVariable("withdrawalNotes"), LONG));
  }

  // ------------------------------------------------------------------------------------------

  private static List<String> requiredCourses(DelegateTask task, String name) {
    List<String> courses = StudentIncomingRequestRules.courses(name, task.getVariable(name));
    if (courses.isEmpty()) {
      throw new InvalidVariableException(name, "indique al menos una asignatura (una por línea)");
    }
    return courses;
  }

  private static boolean bool(DelegateTask task, String name) {
    boolean value = requiredBoolean(name, task.getVariable(name));
    task.setVariable(name, value);
    return value;
  }

  private static String requireRef(DelegateTask task, String name) {
    Object value = StudentIncomingRequestRules.documentRef(name, task.getVariable(name));
    if (value == null) {
      throw new InvalidVariableException(name, "es obligatorio: registre el enlace o la referencia del documento");
    }
    if (value instanceof String s) {
      task.setVariable(name, s);
      return s;
    }
    return name;
  }

  private static void text(DelegateTask task, String name, String value) {
    task.setVariable(name, value == null ? "" : value);
  }
}
