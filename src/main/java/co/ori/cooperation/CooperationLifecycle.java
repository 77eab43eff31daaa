package co.ori.cooperation;

import co.ori.agreements.AgreementValues;
import co.ori.agreements.RegistryValidationException;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The calls-matrix side of {@code pasto-cooperation-strategy}, as the bean
 * {@code cooperationLifecycle} used from {@code processes/pasto-cooperation-strategy.bpmn}
 * (service task and execution listeners, e.g.
 * {@code ${cooperationLifecycle.finish(execution, 'NOT_APPLIED')}}). It keeps the calls matrix
 * ({@link CooperationCallMatrix}; 001 tasks 1, 2, 6, 7) in step with the case and computes the
 * dates the timers use ({@code procedures.md} §5 T07–T10).
 *
 * <p>The matrix row's id is the case's business key, kept in the variable {@code callId}. Every
 * method runs in the engine's transaction: a failure rolls back the step.
 */
@Component("cooperationLifecycle")
public class CooperationLifecycle {

  /** Values of {@code addresseeAnswer} (001 task 3 a, b and Nota). */
  public static final List<String> ANSWERS = List.of("ACCEPTS", "MORE_INFO", "DECLINES");

  private final CooperationCallMatrix matrix;
  private final CooperationTimers timers;
  private final BusinessCalendar calendar;
  private final CooperationStaff staff;

  /**
   * @param matrix the calls matrix
   * @param timers the configurable terms (T08–T10)
   * @param calendar Colombian business days and end-of-day deadlines
   * @param staff the office's professionals (P14)
   */
  public CooperationLifecycle(CooperationCallMatrix matrix, CooperationTimers timers,
      BusinessCalendar calendar, CooperationStaff staff) {
    this.matrix = matrix;
    this.timers = timers;
    this.calendar = calendar;
    this.staff = staff;
  }

  /**
   * P1 "Registrar la convocatoria en la matriz" (001 task 1): appends the call to the matrix
   * with status {@code IDENTIFIED} and id = business key. Sets {@code callId},
   * {@code closingDeadline} (end of the closing day, the T07 timer), {@code meetingCount} = 0,
   * {@code projectVersion} = 0 and the Spanish texts the forms and mails show:
   * {@code closingDateText}, {@code resourcesText}, {@code supportTypeLabel},
   * {@code infoSourceLabel}, {@code callLink}.
   *
   * @return the call id
   * @throws InvalidVariableException naming {@code businessKey} when the id is already in the matrix
   */
  public String registerCall(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    String id = execution.getProcessBusinessKey();
    LocalDate closing = day(execution, "closingDate");
    SpinJsonNode resources = (SpinJsonNode) execution.getVariable("resources");
    BigDecimal amount = BigDecimal.valueOf(resources.prop("amount").numberValue().doubleValue());
    String currency = resources.prop("currency").stringValue();
    String supportType = text(execution, "supportType");
    String infoSource = text(execution, "infoSource");
    String url = text(execution, "callUrl");
    CooperationCall call = new CooperationCall(id, tenant, text(execution, "callTitle"),
        text(execution, "cooperant"), text(execution, "cooperantCountry"), infoSource, url,
        day(execution, "openingDate"), closing, amount, currency, text(execution, "eligibleActors"),
        text(execution, "expectedImpact"), supportType,
        ((Number) execution.getVariable("priorityScore")).intValue(), text(execution, "requestOrigin"),
        CooperationCallStatus.IDENTIFIED, null, null, null, null, null, null, id,
        execution.getProcessInstanceId(), null);
    try {
      matrix.register(call);
    } catch (RegistryValidationException e) {
      InvalidVariableException invalid = new InvalidVariableException("businessKey", e.errors().get(0));
      invalid.initCause(e);
      throw invalid;
    }
    execution.setVariable("callId", id);
    execution.setVariable("closingDeadline", calendar.endOfDay(CooperationValues.toDate(closing)));
    execution.setVariable("closingDateText", CooperationValues.dayText(closing));
    execution.setVariable("resourcesText", CooperationValues.resourcesText(amount, currency));
    execution.setVariable("supportTypeLabel", CooperationValues.supportTypeLabel(supportType));
    execution.setVariable("infoSourceLabel", CooperationValues.infoSourceLabel(infoSource));
    execution.setVariable("callLink", url == null ? "no registrado" : url);
    execution.setVariable("meetingCount", 0);
    execution.setVariable("projectVersion", 0);
    return id;
  }

  /**
   * P3 "Validar la convocatoria" (001 task 2): matrix {@code VALIDATED} when
   * {@code applyDecision}, otherwise {@code DISCARDED}.
   */
  public void recordValidation(DelegateExecution execution) {
    matrix.updateStatus(execution.getTenantId(), callId(execution),
        Boolean.TRUE.equals(execution.getVariable("applyDecision"))
            ? CooperationCallStatus.VALIDATED : CooperationCallStatus.DISCARDED);
  }

  /**
   * P5 → P6 (T08): sets {@code answerDeadline}, until when the addressees' answer is awaited:
   * the end of the n-th business day before the closing date ({@link CooperationTimers#answerDeadline});
   * {@code answerDeadlineText} is the day as shown in forms.
   */
  public void scheduleAnswerWait(DelegateExecution execution) {
    Date deadline = timers.answerDeadline(execution.getTenantId(), day(execution, "closingDate"));
    execution.setVariable("answerDeadline", deadline);
    execution.setVariable("answerDeadlineText",
        CooperationValues.dayText(CooperationValues.toLocalDate(deadline)));
  }

  /**
   * P6: an answer arrived by message ({@code MoreInfoRequested}, {@code ApplicationAccepted},
   * {@code ApplicationDeclined}, correlated by business key): records it as
   * {@code addresseeAnswer}, as the staff task "Registrar la respuesta de los destinatarios" does.
   *
   * @param answer {@code ACCEPTS}, {@code MORE_INFO} or {@code DECLINES}
   */
  public void answerReceived(DelegateExecution execution, String answer) {
    if (!ANSWERS.contains(answer)) {
      throw new IllegalArgumentException("Unknown addressee answer " + answer);
    }
    execution.setVariable("addresseeAnswer", answer);
  }

  /**
   * P6 "Respuesta recibida" (001 task 3): checks the answer, whether it came from the staff task
   * or a message. For {@code ACCEPTS} it requires {@code leadDependency} (the dependency or
   * organization that applies with the office), finds {@code leadDependencyEmail} among
   * {@code targetAddressees} when not given, turns {@code delegateIds} into a Json list (and
   * {@code delegatesText}, the names joined for the forms) and records the lead dependency in
   * the matrix.
   *
   * @throws InvalidVariableException naming the variable; a message correlation without the
   *     needed data is refused and rolled back
   */
  public void acceptAnswer(DelegateExecution execution) {
    String answer = AgreementValues.requiredEnum("addresseeAnswer",
        execution.getVariable("addresseeAnswer"), ANSWERS);
    if (!"ACCEPTS".equals(answer)) {
      return;
    }
    String lead = AgreementValues.optionalText("leadDependency", execution.getVariable("leadDependency"), 300);
    if (lead == null) {
      throw new InvalidVariableException("leadDependency", "es obligatorio cuando la dependencia u"
          + " organización acepta: indique quién presenta la aplicación con la Oficina");
    }
    String email = AgreementValues.optionalText("leadDependencyEmail",
        execution.getVariable("leadDependencyEmail"), 254);
    if (email == null) {
      email = addresseeEmail(execution, lead);
    }
    if (email == null) {
      throw new InvalidVariableException("leadDependencyEmail", "es obligatorio: '" + lead
          + "' no está entre los destinatarios informados; indique su correo electrónico");
    }
    if (!CooperationValues.EMAIL.matcher(email).matches()) {
      throw new InvalidVariableException("leadDependencyEmail", "no es un correo electrónico válido: '"
          + email + "'");
    }
    execution.setVariable("leadDependency", lead);
    execution.setVariable("leadDependencyEmail", email);
    SpinJsonNode delegates = delegates(execution.getVariable("delegateIds"));
    execution.setVariable("delegateIds", delegates);
    execution.setVariable("delegatesText", String.join(", ",
        delegates.elements().stream().map(SpinJsonNode::stringValue).toList()));
    matrix.recordLeadDependency(execution.getTenantId(), callId(execution), lead);
  }

  /** P6a: one more information meeting held ({@code meetingCount}++; 001 task 3 Nota). */
  public void countMeeting(DelegateExecution execution) {
    execution.setVariable("meetingCount", intVariable(execution, "meetingCount") + 1);
  }

  /** P8: one more version of the project ({@code projectVersion}++; 001 task 5). */
  public void countProjectVersion(DelegateExecution execution) {
    execution.setVariable("projectVersion", intVariable(execution, "projectVersion") + 1);
  }

  /**
   * P10 "Presentar el proyecto ante el organismo cooperante" (001 task 6): matrix
   * {@code SUBMITTED} with {@code submissionChannel}, {@code submissionRef} and
   * {@code submissionDate}.
   */
  public void recordSubmission(DelegateExecution execution) {
    matrix.recordSubmission(execution.getTenantId(), callId(execution),
        text(execution, "submissionChannel"), text(execution, "submissionRef"),
        day(execution, "submissionDate"));
  }

  /**
   * P11 "Registrar la respuesta del cooperante" (001 task 7): matrix {@code AWARDED} or
   * {@code NOT_AWARDED}; {@code resultText} for the notice to the dependency. For an awarded
   * project also the dates of the execution: {@code projectEndTimer} (end of
   * {@code projectEndDate}, when the follow-up ends) and {@code closingMinuteDue}
   * ({@code projectEndDate} + {@code closingMinuteDays}, T10, end of day).
   */
  public void recordResult(DelegateExecution execution) {
    boolean accepted = Boolean.TRUE.equals(execution.getVariable("resultAccepted"));
    matrix.updateStatus(execution.getTenantId(), callId(execution),
        accepted ? CooperationCallStatus.AWARDED : CooperationCallStatus.NOT_AWARDED);
    execution.setVariable("resultText", accepted
        ? "fue APROBADO por el organismo cooperante"
        : "NO fue aprobado por el organismo cooperante");
    if (accepted) {
      LocalDate end = day(execution, "projectEndDate");
      execution.setVariable("projectEndTimer", calendar.endOfDay(CooperationValues.toDate(end)));
      execution.setVariable("projectEndDateText", CooperationValues.dayText(end));
      execution.setVariable("closingMinuteDue", calendar.endOfDay(CooperationValues.toDate(
          end.plusDays(timers.closingMinuteDays(execution)))));
    }
  }

  /**
   * P14 start: offers the tenant's professionals to the head as {@code professionalOptions}
   * (Json list of {@code {label, value}} for the form's select).
   */
  public void offerProfessionals(DelegateExecution execution) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (CooperationStaff.Professional p : staff.professionals(execution.getTenantId())) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put("label", p.name() + " (" + p.id() + ")");
      option.put("value", p.id());
      options.add(option);
    }
    execution.setVariable("professionalOptions", Spin.JSON(options));
  }

  /**
   * P15 report round start (T09): the round's outputs ({@code reportRef},
   * {@code reportAssessment}, {@code reportNotes}) become local variables of the
   * event-subprocess instance, so every round keeps its own answers.
   */
  public void openReportRound(DelegateExecution execution) {
    for (String name : List.of("reportRef", "reportAssessment", "reportNotes")) {
      execution.setVariableLocal(name, null);
    }
  }

  /**
   * P15 end by the {@code ProjectFinished} message: {@code projectFinishedDate} is today unless
   * the message gave it.
   */
  public void projectFinishedByMessage(DelegateExecution execution) {
    LocalDate given = AgreementValues.optionalDate("projectFinishedDate",
        execution.getVariable("projectFinishedDate"));
    execution.setVariable("projectFinishedDate",
        CooperationValues.toDate(given != null ? given : CooperationValues.today()));
  }

  /**
   * Empties the outputs of a task before it starts again (meeting, correction and waiting
   * loops), so Tasklist does not offer the previous round's answer.
   *
   * @param names comma-separated variable names
   */
  public void clear(DelegateExecution execution, String names) {
    for (String name : names.split(",")) {
      if (execution.hasVariable(name.strip())) {
        execution.setVariable(name.strip(), null);
      }
    }
  }

  /**
   * The end of the case (an {@code EndEvent_<Outcome>} start listener): records the outcome, the
   * last status it implies ({@code DEADLINE_MISSED} → {@code MISSED}, {@code PROJECT_CLOSED}
   * → {@code CLOSED}; the others keep the status the case reached) and the reason noted with it.
   *
   * @param outcome a {@link CooperationOutcome} name
   * @throws IllegalArgumentException for an unknown outcome (a modelling error)
   */
  public void finish(DelegateExecution execution, String outcome) {
    CooperationOutcome o = CooperationOutcome.valueOf(outcome);
    CooperationCallStatus status = switch (o) {
      case DEADLINE_MISSED -> CooperationCallStatus.MISSED;
      case PROJECT_CLOSED -> CooperationCallStatus.CLOSED;
      case NOT_APPLIED -> CooperationCallStatus.DISCARDED;
      case NOT_AWARDED -> CooperationCallStatus.NOT_AWARDED;
      default -> null;
    };
    String notes = switch (o) {
      case NOT_APPLIED -> text(execution, "validationNotes");
      case CALL_NOT_PURSUED -> text(execution, "dropReason");
      case NO_PARTICIPATION -> text(execution, "nonParticipationReasons");
      case DEADLINE_MISSED -> "La convocatoria cerró el " + text(execution, "closingDateText")
          + " sin que se presentara el proyecto.";
      case NOT_AWARDED -> text(execution, "resultNotes");
      case PROJECT_CLOSED -> text(execution, "resultsSummary");
    };
    matrix.finish(execution.getTenantId(), callId(execution), status, o, notes);
  }

  /** The e-mail of the addressee of {@code targetAddressees} with this name (ignoring case), or null. */
  private static String addresseeEmail(DelegateExecution execution, String name) {
    Object value = execution.getVariable("targetAddressees");
    if (!(value instanceof SpinJsonNode list) || !list.isArray()) {
      return null;
    }
    for (SpinJsonNode addressee : list.elements()) {
      if (addressee.hasProp("name") && addressee.prop("name").isString()
          && plain(addressee.prop("name").stringValue()).equals(plain(name))
          && addressee.hasProp("email") && addressee.prop("email").isString()) {
        return addressee.prop("email").stringValue().strip();
      }
    }
    return null;
  }

  /**
   * {@code delegateIds} as a Json list of strings: a Json array, a list, or text with one
   * delegate per line or comma; an empty list when absent.
   */
  static SpinJsonNode delegates(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(e -> ids.add(e.isString() ? e.stringValue() : e.toString()));
    } else if (value instanceof List<?> list) {
      list.forEach(e -> ids.add(String.valueOf(e)));
    } else if (value instanceof String text) {
      for (String part : text.split("[\\r\\n,;]+")) {
        ids.add(part);
      }
    } else if (value != null && !(value instanceof SpinJsonNode)) {
      throw new InvalidVariableException("delegateIds", "debe ser una lista de delegados, no "
          + value.getClass().getSimpleName());
    }
    List<String> clean = ids.stream().map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.length() > 200 ? s.substring(0, 200) : s).distinct().toList();
    return Spin.JSON(clean);
  }

  private static String callId(DelegateExecution execution) {
    Object id = execution.getVariable("callId");
    return id != null ? id.toString() : execution.getProcessBusinessKey();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static int intVariable(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static LocalDate day(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Date date ? CooperationValues.toLocalDate(date)
        : AgreementValues.optionalDate(name, value);
  }

  /** Lower-case, accent-free form of a text, for comparisons. */
  static String plain(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
  }
}
