package co.ori.cooperation;

import static co.ori.agreements.AgreementValues.optionalBoolean;
import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${cooperationTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code pasto-cooperation-strategy}: checks the
 * task's output variables ({@code procedures.md} §2.b.2, 001 tasks 2–9), including the rules a
 * Camunda Form cannot express (a reason required for a negative decision, dates not in the
 * future, a submission before the closing date, the designated supervisor being one of the
 * office's professionals), and normalizes them: form radio values {@code "true"}/{@code "false"}
 * become Boolean, form dates {@code yyyy-MM-dd} become {@code Date} (start of day,
 * America/Bogota). A problem is thrown as an {@link InvalidVariableException} naming the
 * variable: the completion is rolled back and Tasklist (or REST, HTTP 400) shows the message.
 */
@Component("cooperationTaskCompletion")
public class CooperationTaskCompletion implements TaskListener {

  /** Values of {@code type} in {@code targetAddressees} (procedures.md §2.b.1). */
  public static final List<String> ADDRESSEE_TYPES =
      List.of("DEPENDENCY", "PROJECT_BANK", "PUBLIC_ORG", "PRIVATE_ORG");
  /** Values of {@code waitDecision} (T08: esperar o desistir). */
  public static final List<String> WAIT_DECISIONS = List.of("WAIT", "DROP");
  /** Values of {@code projectDecision} (P9). */
  public static final List<String> PROJECT_DECISIONS = List.of("APPROVED", "CORRECTIONS");
  /** Values of {@code submissionChannel} (P10, 001 task 6). */
  public static final List<String> SUBMISSION_CHANNELS = List.of("EMAIL", "POSTAL", "PLATFORM");
  /** Values of {@code reportAssessment} (P15, PROPOSED scale). */
  public static final List<String> REPORT_ASSESSMENTS =
      List.of("SATISFACTORY", "WITH_OBSERVATIONS", "UNSATISFACTORY");

  /** Most addressees of one information letter. */
  public static final int MAX_ADDRESSEES = 50;
  /** Addressee slots of the P5 form ({@code addressee1Name} ... {@code addressee6Email}). */
  public static final int FORM_SLOTS = 6;

  private static final int REF = 1000;
  private static final int LONG = 4000;

  private final CooperationStaff staff;
  private final BusinessCalendar calendar;

  /**
   * @param staff the office's professionals (P14)
   * @param calendar end-of-day deadlines (T08 wait)
   */
  public CooperationTaskCompletion(CooperationStaff staff, BusinessCalendar calendar) {
    this.staff = staff;
    this.calendar = calendar;
  }

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_PresentCall" -> presentCall(task);
      case "Task_ValidateCall" -> validateCall(task);
      case "Task_InformCall" -> informCall(task);
      case "Task_RecordAddresseeAnswer" -> recordAddresseeAnswer(task);
      case "Task_HoldInformationMeeting" -> holdInformationMeeting(task);
      case "Task_DecideWaitOrDrop" -> decideWaitOrDrop(task);
      case "Task_RecordNonParticipation" -> recordNonParticipation(task);
      case "Task_FormalizeCommitments" -> formalizeCommitments(task);
      case "Task_DraftProject" -> draftProject(task);
      case "Task_ReviewProject" -> reviewProject(task);
      case "Task_SubmitProject" -> submitProject(task);
      case "Task_RecordResult" -> recordResult(task);
      case "Task_DesignateSupervisor" -> designateSupervisor(task);
      case "Task_ReviewExecutionReport" -> reviewExecutionReport(task);
      case "Task_RegisterProjectEnd" -> registerProjectEnd(task);
      case "Task_ClosingMinute" -> closingMinute(task);
      default -> throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of pasto-cooperation-strategy");
    }
  }

  /** P2 (001 task 2): {@code callSummary} for the head; {@code callRequirements} optional. */
  private void presentCall(DelegateTask task) {
    requiredText("callSummary", task.getVariable("callSummary"), LONG);
    optionalText("callRequirements", task.getVariable("callRequirements"), LONG);
  }

  /** P3 (001 task 2 a-b): {@code applyDecision}; {@code validationNotes} required when not applying. */
  private void validateCall(DelegateTask task) {
    boolean apply = requiredBoolean("applyDecision", task.getVariable("applyDecision"));
    task.setVariable("applyDecision", apply);
    String notes = optionalText("validationNotes", task.getVariable("validationNotes"), LONG);
    if (!apply && notes == null) {
      throw new InvalidVariableException("validationNotes",
          "es obligatorio cuando no se aplica a la convocatoria: indique el motivo");
    }
  }

  /**
   * P5 (001 task 3): {@code targetAddressees} Json list of {@code {name, type, email}} (at
   * least one, at most {@value #MAX_ADDRESSEES}), or the form's addressee fields
   * ({@link #addresseesFromSlots}); sets {@code addresseeMailTo} (the recipients
   * of the information letter), {@code addresseeNames} and {@code addresseeOptions} (the
   * choices of the answer form); {@code informationLetterRef} optional.
   */
  private void informCall(DelegateTask task) {
    Object given = task.getVariable("targetAddressees");
    List<Map<String, Object>> addressees = given != null ? addressees(given) : addresseesFromSlots(task);
    Set<String> emails = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (Map<String, Object> a : addressees) {
      emails.add(((String) a.get("email")).toLowerCase(Locale.ROOT));
      names.add((String) a.get("name"));
    }
    List<Map<String, Object>> options = new ArrayList<>();
    for (Map<String, Object> a : addressees) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("label", a.get("name") + " (" + a.get("email") + ")");
      option.put("value", a.get("name"));
      options.add(option);
    }
    task.setVariable("targetAddressees", Spin.JSON(addressees));
    task.setVariable("addresseeOptions", Spin.JSON(options));
    task.setVariable("addresseeMailTo", String.join(",", emails));
    task.setVariable("addresseeNames", String.join("; ", names));
    optionalText("informationLetterRef", task.getVariable("informationLetterRef"), REF);
  }

  /**
   * P6 (001 task 3): {@code addresseeAnswer} ACCEPTS | MORE_INFO | DECLINES; optional
   * {@code answerDate} (not in the future) and {@code answerNotes}. What an acceptance needs
   * ({@code leadDependency}...) is checked where task and messages meet
   * ({@link CooperationLifecycle#acceptAnswer}).
   */
  private void recordAddresseeAnswer(DelegateTask task) {
    String answer = requiredEnum("addresseeAnswer", task.getVariable("addresseeAnswer"),
        CooperationLifecycle.ANSWERS);
    LocalDate answered = optionalDate("answerDate", task.getVariable("answerDate"));
    if (answered != null) {
      setDate(task, "answerDate", notAfterToday("answerDate", answered));
    }
    optionalText("answerNotes", task.getVariable("answerNotes"), LONG);
    if ("DECLINES".equals(answer)) {
      optionalText("nonParticipationReasons", task.getVariable("nonParticipationReasons"), LONG);
    }
  }

  /**
   * P6a (001 task 3 Nota): {@code meetingDate} (not in the future), {@code meetingMinutesRef}
   * (acta de reunión) and {@code attendanceRef} (registro de asistencia).
   */
  private void holdInformationMeeting(DelegateTask task) {
    setDate(task, "meetingDate", notAfterToday("meetingDate",
        requiredDate("meetingDate", task.getVariable("meetingDate"))));
    requiredText("meetingMinutesRef", task.getVariable("meetingMinutesRef"), REF);
    requiredText("attendanceRef", task.getVariable("attendanceRef"), REF);
    optionalText("meetingNotes", task.getVariable("meetingNotes"), LONG);
  }

  /**
   * T08 "Decidir: esperar o desistir": {@code waitDecision} WAIT | DROP. WAIT needs
   * {@code waitUntil} after today and not after the closing date, and moves
   * {@code answerDeadline} to its end; DROP needs {@code dropReason}.
   */
  private void decideWaitOrDrop(DelegateTask task) {
    String decision = requiredEnum("waitDecision", task.getVariable("waitDecision"), WAIT_DECISIONS);
    if ("WAIT".equals(decision)) {
      LocalDate until = requiredDate("waitUntil", task.getVariable("waitUntil"));
      LocalDate closing = CooperationValues.toLocalDate((Date) task.getVariable("closingDate"));
      if (!until.isAfter(CooperationValues.today())) {
        throw new InvalidVariableException("waitUntil", "debe ser posterior a hoy");
      }
      if (until.isAfter(closing)) {
        throw new InvalidVariableException("waitUntil", "no puede ser posterior a la fecha de cierre"
            + " de la convocatoria (" + CooperationValues.dayText(closing) + ")");
      }
      setDate(task, "waitUntil", until);
      task.setVariable("answerDeadline", calendar.endOfDay(CooperationValues.toDate(until)));
      task.setVariable("answerDeadlineText", CooperationValues.dayText(until));
    } else {
      requiredText("dropReason", task.getVariable("dropReason"), LONG);
    }
  }

  /** P6b (001 task 3 b): {@code nonParticipationReasons} from the reply letter (oficio). */
  private void recordNonParticipation(DelegateTask task) {
    requiredText("nonParticipationReasons", task.getVariable("nonParticipationReasons"), LONG);
    optionalText("replyLetterRef", task.getVariable("replyLetterRef"), REF);
    LocalDate replied = optionalDate("replyDate", task.getVariable("replyDate"));
    if (replied != null) {
      setDate(task, "replyDate", notAfterToday("replyDate", replied));
    }
  }

  /**
   * P7 (001 task 4): {@code commitmentsMinutesRef} (acta de reunión y compromisos),
   * {@code commitmentParticipants}; optional {@code projectOutlineRef} (borrador del proyecto
   * o programa) and {@code externalDocsRef} (documentos externos).
   */
  private void formalizeCommitments(DelegateTask task) {
    requiredText("commitmentsMinutesRef", task.getVariable("commitmentsMinutesRef"), REF);
    requiredText("commitmentParticipants", task.getVariable("commitmentParticipants"), LONG);
    optionalText("projectOutlineRef", task.getVariable("projectOutlineRef"), REF);
    optionalText("externalDocsRef", task.getVariable("externalDocsRef"), REF);
  }

  /** P8 (001 task 5): {@code projectDraftRef} (the project in the call's format), {@code draftNotes}. */
  private void draftProject(DelegateTask task) {
    requiredText("projectDraftRef", task.getVariable("projectDraftRef"), REF);
    optionalText("draftNotes", task.getVariable("draftNotes"), LONG);
  }

  /** P9 (001 task 5): {@code projectDecision}; {@code projectCorrections} required for CORRECTIONS. */
  private void reviewProject(DelegateTask task) {
    String decision = requiredEnum("projectDecision", task.getVariable("projectDecision"), PROJECT_DECISIONS);
    String corrections = optionalText("projectCorrections", task.getVariable("projectCorrections"), LONG);
    if ("CORRECTIONS".equals(decision) && corrections == null) {
      throw new InvalidVariableException("projectCorrections",
          "es obligatorio cuando se piden correcciones: indique qué se debe corregir");
    }
    optionalText("finalProjectRef", task.getVariable("finalProjectRef"), REF);
  }

  /**
   * P10 (001 task 6): {@code submissionChannel}, {@code submissionRef} (radicado) and
   * {@code submissionDate}, not in the future and not after the call's closing date.
   */
  private void submitProject(DelegateTask task) {
    requiredEnum("submissionChannel", task.getVariable("submissionChannel"), SUBMISSION_CHANNELS);
    requiredText("submissionRef", task.getVariable("submissionRef"), REF);
    LocalDate submitted = notAfterToday("submissionDate",
        requiredDate("submissionDate", task.getVariable("submissionDate")));
    LocalDate closing = CooperationValues.toLocalDate((Date) task.getVariable("closingDate"));
    if (submitted.isAfter(closing)) {
      throw new InvalidVariableException("submissionDate", "es posterior a la fecha de cierre de la"
          + " convocatoria (" + CooperationValues.dayText(closing) + ")");
    }
    setDate(task, "submissionDate", submitted);
  }

  /**
   * P11 (001 task 7): {@code resultAccepted}; optional {@code resultDate} (not in the future)
   * and {@code resultNotes} (default text for the notice). When accepted:
   * {@code projectEndDate} (required, not past), optional {@code projectStartDate} (not after
   * the end) and {@code officeSupervises} (required; P13, procedures.md §9 Q6).
   */
  private void recordResult(DelegateTask task) {
    boolean accepted = requiredBoolean("resultAccepted", task.getVariable("resultAccepted"));
    task.setVariable("resultAccepted", accepted);
    LocalDate resultDate = optionalDate("resultDate", task.getVariable("resultDate"));
    if (resultDate != null) {
      setDate(task, "resultDate", notAfterToday("resultDate", resultDate));
    }
    String notes = optionalText("resultNotes", task.getVariable("resultNotes"), LONG);
    task.setVariable("resultNotes", notes == null ? "Sin observaciones." : notes);
    if (!accepted) {
      return;
    }
    LocalDate end = requiredDate("projectEndDate", task.getVariable("projectEndDate"));
    if (end.isBefore(CooperationValues.today())) {
      throw new InvalidVariableException("projectEndDate", "ya pasó (" + CooperationValues.dayText(end)
          + "); indique la fecha de finalización del proyecto aprobado");
    }
    LocalDate start = optionalDate("projectStartDate", task.getVariable("projectStartDate"));
    if (start != null) {
      if (start.isAfter(end)) {
        throw new InvalidVariableException("projectStartDate", "no puede ser posterior a projectEndDate ("
            + CooperationValues.dayText(end) + ")");
      }
      setDate(task, "projectStartDate", start);
    }
    setDate(task, "projectEndDate", end);
    Boolean supervises = optionalBoolean("officeSupervises", task.getVariable("officeSupervises"));
    if (supervises == null) {
      throw new InvalidVariableException("officeSupervises", "es obligatorio cuando el proyecto es"
          + " aprobado: indique si la supervisión es competencia de la Oficina (Sí o No)");
    }
    task.setVariable("officeSupervises", supervises);
  }

  /**
   * P14 (001 task 8): {@code supervisorId} must be a user of group {@code pasto-professional}
   * in the case's tenant; sets {@code supervisorName}.
   */
  private void designateSupervisor(DelegateTask task) {
    String id = requiredText("supervisorId", task.getVariable("supervisorId"), 128);
    CooperationStaff.Professional professional = staff.professional(task.getTenantId(), id);
    if (professional == null) {
      throw new InvalidVariableException("supervisorId", "'" + id + "' no es un profesional de la"
          + " Oficina de Asuntos Internacionales (grupo pasto-professional) de este tenant");
    }
    task.setVariable("supervisorId", professional.id());
    task.setVariable("supervisorName", professional.name());
    optionalText("designationNotes", task.getVariable("designationNotes"), LONG);
  }

  /**
   * P15 (001 task 8): {@code reportRef} (informe de ejecución), {@code reportAssessment};
   * {@code reportNotes} required unless SATISFACTORY.
   */
  private void reviewExecutionReport(DelegateTask task) {
    requiredText("reportRef", task.getVariable("reportRef"), REF);
    String assessment = requiredEnum("reportAssessment", task.getVariable("reportAssessment"),
        REPORT_ASSESSMENTS);
    String notes = optionalText("reportNotes", task.getVariable("reportNotes"), LONG);
    if (!"SATISFACTORY".equals(assessment) && notes == null) {
      throw new InvalidVariableException("reportNotes",
          "es obligatorio cuando el informe no es satisfactorio: describa las observaciones");
    }
  }

  /** P15 end (staff): {@code projectFinishedDate} (not in the future), {@code finishNotes}. */
  private void registerProjectEnd(DelegateTask task) {
    setDate(task, "projectFinishedDate", notAfterToday("projectFinishedDate",
        requiredDate("projectFinishedDate", task.getVariable("projectFinishedDate"))));
    optionalText("finishNotes", task.getVariable("finishNotes"), LONG);
  }

  /**
   * P16 (001 task 9): {@code closingMinuteRef} (acta de finalización), {@code resultsSummary},
   * {@code closingMinuteDate} (not in the future).
   */
  private void closingMinute(DelegateTask task) {
    requiredText("closingMinuteRef", task.getVariable("closingMinuteRef"), REF);
    requiredText("resultsSummary", task.getVariable("resultsSummary"), LONG);
    setDate(task, "closingMinuteDate", notAfterToday("closingMinuteDate",
        requiredDate("closingMinuteDate", task.getVariable("closingMinuteDate"))));
  }

  /**
   * The addressees from the P5 form's fields {@code addressee<n>Name}, {@code addressee<n>Type}
   * and {@code addressee<n>Email} (n = 1..{@value #FORM_SLOTS}; a Camunda Form cannot submit a
   * Json list reliably: Tasklist 7.24 keeps its Complete button disabled with form-js dynamic
   * lists). A slot counts when any of its fields is given; then all three are required.
   *
   * @throws InvalidVariableException naming the slot field, or {@code targetAddressees} when no
   *     slot is filled
   */
  static List<Map<String, Object>> addresseesFromSlots(DelegateTask task) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (int i = 1; i <= FORM_SLOTS; i++) {
      String prefix = "addressee" + i;
      String name = optionalText(prefix + "Name", task.getVariable(prefix + "Name"), 300);
      String type = optionalEnum(prefix + "Type", task.getVariable(prefix + "Type"), ADDRESSEE_TYPES);
      String email = optionalText(prefix + "Email", task.getVariable(prefix + "Email"), 254);
      if (name == null && type == null && email == null) {
        continue;
      }
      if (name == null) {
        throw new InvalidVariableException(prefix + "Name", "es obligatorio: nombre del destinatario " + i);
      }
      if (type == null) {
        throw new InvalidVariableException(prefix + "Type", "es obligatorio: tipo del destinatario " + i
            + "; valores permitidos: " + String.join(", ", ADDRESSEE_TYPES));
      }
      if (email == null || !CooperationValues.EMAIL.matcher(email).matches()) {
        throw new InvalidVariableException(prefix + "Email", email == null
            ? "es obligatorio: correo electrónico del destinatario " + i
            : "'" + email + "' no es un correo electrónico válido");
      }
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("name", name);
      a.put("type", type);
      a.put("email", email);
      result.add(a);
    }
    if (result.isEmpty()) {
      throw new InvalidVariableException("targetAddressees",
          "es obligatorio: al menos un destinatario (nombre, tipo y correo electrónico)");
    }
    return result;
  }

  /** The addressees as plain maps, checked; at least one. */
  static List<Map<String, Object>> addressees(Object value) {
    if (value == null) {
      throw new InvalidVariableException("targetAddressees",
          "es obligatorio: al menos un destinatario (nombre, tipo y correo electrónico)");
    }
    List<Object> items = new ArrayList<>();
    if (value instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        throw new InvalidVariableException("targetAddressees", "debe ser una lista Json de destinatarios");
      }
      node.elements().forEach(items::add);
    } else if (value instanceof String text) {
      try {
        return addressees(Spin.JSON(text));
      } catch (SpinRuntimeException e) {
        throw new InvalidVariableException("targetAddressees", "no es un Json válido");
      }
    } else if (value instanceof List<?> list) {
      items.addAll(list);
    } else {
      throw new InvalidVariableException("targetAddressees", "debe ser una lista Json de destinatarios, no "
          + value.getClass().getSimpleName());
    }
    if (items.isEmpty()) {
      throw new InvalidVariableException("targetAddressees",
          "es obligatorio: al menos un destinatario (nombre, tipo y correo electrónico)");
    }
    if (items.size() > MAX_ADDRESSEES) {
      throw new InvalidVariableException("targetAddressees",
          "admite como máximo " + MAX_ADDRESSEES + " destinatarios (tiene " + items.size() + ")");
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = "destinatario " + (i + 1) + ": ";
      Object name = field(items.get(i), "name");
      Object type = field(items.get(i), "type");
      Object email = field(items.get(i), "email");
      String n = wrap(where, () -> requiredText("targetAddressees", name, 300));
      String t = wrap(where + "tipo ", () -> requiredEnum("targetAddressees", type, ADDRESSEE_TYPES));
      String e = wrap(where + "correo ", () -> requiredText("targetAddressees", email, 254));
      if (!CooperationValues.EMAIL.matcher(e).matches()) {
        throw new InvalidVariableException("targetAddressees", where + "'" + e
            + "' no es un correo electrónico válido");
      }
      Map<String, Object> clean = new LinkedHashMap<>();
      clean.put("name", n);
      clean.put("type", t);
      clean.put("email", e);
      result.add(clean);
    }
    return result;
  }

  private static Object field(Object item, String name) {
    if (item instanceof SpinJsonNode node) {
      if (!node.isObject() || !node.hasProp(name) || node.prop(name).isNull()) {
        return null;
      }
      SpinJsonNode prop = node.prop(name);
      return prop.isString() ? prop.stringValue() : prop.toString();
    }
    if (item instanceof Map<?, ?> map) {
      return map.get(name);
    }
    throw new InvalidVariableException("targetAddressees",
        "cada destinatario debe ser un objeto {name, type, email}");
  }

  /** Prefixes the message of a failed check with where it happened (which addressee). */
  private static String wrap(String where, java.util.function.Supplier<String> check) {
    try {
      return check.get();
    } catch (InvalidVariableException e) {
      String message = e.getMessage();
      int colon = message.indexOf("': ");
      throw new InvalidVariableException(e.getVariable(),
          where + (colon > 0 ? message.substring(colon + 3) : message));
    }
  }

  private static void setDate(DelegateTask task, String name, LocalDate day) {
    task.setVariable(name, CooperationValues.toDate(day));
  }

  private static LocalDate notAfterToday(String name, LocalDate day) {
    if (day.isAfter(CooperationValues.today())) {
      throw new InvalidVariableException(name, "no puede ser una fecha futura ("
          + CooperationValues.dayText(day) + ")");
    }
    return day;
  }
}
