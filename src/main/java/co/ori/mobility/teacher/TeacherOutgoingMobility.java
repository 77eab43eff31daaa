package co.ori.mobility.teacher;

import co.ori.agreements.AgreementValues;
import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.mobility.StayDuration;
import co.ori.notification.MailTemplates;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Java steps of {@code processes/teacher-outgoing-mobility.bpmn} ({@code procedures.md}
 * §2.f; 002 art. 35–38), as the bean {@code teacherOutgoingMobility} used in service tasks and
 * execution listeners, e.g. {@code ${teacherOutgoingMobility.deriveFacts(execution)}}.
 *
 * <p>Variables it writes (besides the start variables):
 * <ul>
 *   <li>start {@link #resolveTeacher}: {@code teacherUser}, {@code teacherMailTo};</li>
 *   <li>TO2 {@link #deriveFacts}: {@code mobilityId} (= business key), {@code stayWholeMonths},
 *       {@code stayExtraDays} (inputs of the DMN {@code stay-type}), {@code hasOverdueReport}
 *       and {@code pendingReportText} (bans registry, scope {@code TEACHER_MOBILITY_APPROVAL}),
 *       {@code budgetLinePresent}, {@code workPlanRequired}, {@code reportMandatory},
 *       {@code physicalTravel}, the deadlines {@code workPlanDeadline}, {@code documentsDeadline},
 *       {@code workPlanLastDay}, {@code documentsLastDay}, {@code mobilityEndTimer},
 *       {@code reportDueDate}, {@code ageAtStart} and {@code isMinor} (when {@code birthDate} is
 *       given), and Spanish labels for forms and e-mails;</li>
 *   <li>TO3 {@link #recordEligibility}: {@code eligible} (Boolean) and {@code failedRules}
 *       (Json array of rule ids, {@code []} when eligible; contract "Results every mobility
 *       process records"), {@code failedRulesText} (reasons for the e-mail);</li>
 *   <li>gates CES-TO-12 ({@link #recordLetterRejected}) and CES-TO-13
 *       ({@link #recordLanguageCertificate}) add or remove their id in {@code failedRules} and
 *       update {@code eligible};</li>
 *   <li>TO13 {@link #recordReportBan} / {@link #liftReportBan}: {@code reportBanId}.</li>
 * </ul>
 * Every method runs in the engine's transaction; a failure rolls the step back.
 */
@Component("teacherOutgoingMobility")
public class TeacherOutgoingMobility {

  /** Group of the teachers (procedures.md §1.1 R3). */
  public static final String PROFESSOR_GROUP = "professor";
  /** Source rule recorded with a late-report ban (002 art. 36 par. 1; §6.1 TR1). */
  public static final String BAN_SOURCE_RULE = "002 art. 36 par. 1";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final BanRegistry bans;
  private final BusinessCalendar calendar;
  private final TeacherMobilitySettings settings;
  private final IdentityService identityService;

  /**
   * @param bans the bans registry (procedures.md §6.4)
   * @param calendar Colombian business days
   * @param settings configurable terms (report days, work-plan lead)
   * @param identityService engine users and groups (lazy: the engine calls this bean)
   */
  public TeacherOutgoingMobility(BanRegistry bans, BusinessCalendar calendar,
      TeacherMobilitySettings settings, @Lazy IdentityService identityService) {
    this.bans = bans;
    this.calendar = calendar;
    this.settings = settings;
    this.identityService = identityService;
  }

  /**
   * Process start listener (after the start-variable validation): decides who does the teacher's
   * tasks, variable {@code teacherUser}, used as assignee of the {@code professor} tasks.
   * {@code teacherUserId} when given (ORI staff registering on the teacher's behalf; it must be a
   * user of group {@code professor} in the case's tenant); otherwise the initiator when it is a
   * teacher; otherwise null (the tasks stay with the group {@code professor}). Also sets
   * {@code teacherMailTo}, the {@code mailTo} of the teacher's e-mails: {@code email} when given,
   * else the teacher's user, else the initiator, else the ORI staff.
   *
   * @throws InvalidVariableException naming {@code teacherUserId} when it is not a teacher of the tenant
   */
  public void resolveTeacher(DelegateExecution execution) {
    String tenantId = execution.getTenantId();
    String given = AgreementValues.optionalText("teacherUserId", execution.getVariable("teacherUserId"), 64);
    String initiator = execution.getVariable("initiator") instanceof String s && !s.isBlank() ? s : null;
    String teacherUser = null;
    if (given != null) {
      if (!isTeacher(given, tenantId)) {
        throw new InvalidVariableException("teacherUserId", "'" + given + "' no es un usuario docente"
            + " (grupo professor) de la institución " + tenantId);
      }
      teacherUser = given;
    } else if (initiator != null && isTeacher(initiator, tenantId)) {
      teacherUser = initiator;
    }
    execution.setVariable("teacherUser", teacherUser);
    Object email = execution.getVariable("email");
    String mailTo;
    if (email instanceof String address && !address.isBlank()) {
      mailTo = address.strip();
    } else if (teacherUser != null) {
      mailTo = "user:" + teacherUser;
    } else if (initiator != null) {
      mailTo = "user:" + initiator;
    } else {
      mailTo = "group:ori-staff";
    }
    execution.setVariable("teacherMailTo", mailTo);
  }

  /**
   * TO2 (002 art. 6, 36 par. 1): computes the derived facts of the request (see the class
   * description). Runs again after a postponement with the new dates.
   */
  public void deriveFacts(DelegateExecution execution) {
    String tenantId = execution.getTenantId();
    TeacherMobilityClass mobilityClass = TeacherMobilityClass.valueOf(text(execution, "mobilityClass"));
    LocalDate start = day(execution, "startDate");
    LocalDate end = day(execution, "endDate");
    StayDuration stay = StayDuration.of(start, end);
    execution.setVariable("mobilityId", execution.getProcessBusinessKey());
    execution.setVariable("stayWholeMonths", stay.wholeMonths());
    execution.setVariable("stayExtraDays", stay.extraDays());
    if (execution.getVariable("birthDate") != null) {
      // contract "Results every mobility process records": ageAtStart, isMinor (when birthDate is known)
      int age = java.time.Period.between(day(execution, "birthDate"), start).getYears();
      execution.setVariable("ageAtStart", age);
      execution.setVariable("isMinor", age < 18);
    }

    String teacherId = text(execution, "teacherId");
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    List<Ban> inForce = bans.bansInForce(tenantId, teacherId, Ban.Scope.TEACHER_MOBILITY_APPROVAL, today, null);
    execution.setVariable("hasOverdueReport", !inForce.isEmpty());
    execution.setVariable("pendingReportText", inForce.isEmpty() ? "" : pendingReportText(inForce));

    Object budgetLine = execution.getVariable("budgetLine");
    execution.setVariable("budgetLinePresent", budgetLine instanceof String s && !s.isBlank());
    execution.setVariable("workPlanRequired", mobilityClass.workPlanRequired());
    execution.setVariable("reportMandatory", mobilityClass.reportMandatory());
    execution.setVariable("physicalTravel", !"VIRTUAL".equals(execution.getVariable("modality")));

    TeacherMobilitySettings.Terms terms = settings.forTenant(tenantId);
    Date startAt = AgreementValues.toDate(start);
    // T17: the work plan "con una antelación no inferior a un día" → due lead days before the start (00:00)
    execution.setVariable("workPlanDeadline", calendar.daysBefore(startAt, terms.workPlanLeadDays()));
    execution.setVariable("workPlanLastDay", AgreementValues.toDate(start.minusDays(terms.workPlanLeadDays() + 1L)));
    // T16: the other documents "antes del inicio de la movilidad" → due at the start (00:00)
    execution.setVariable("documentsDeadline", startAt);
    execution.setVariable("documentsLastDay", AgreementValues.toDate(start.minusDays(1)));
    // TO11: the mobility ends at the end of its last day
    execution.setVariable("mobilityEndTimer", calendar.endOfDay(AgreementValues.toDate(end)));
    // T18 / Q12: report within 10 (business, configurable) days after the end, end of that day
    Date endAt = AgreementValues.toDate(end);
    execution.setVariable("reportDueDate", Boolean.TRUE.equals(terms.reportTermBusinessDays())
        ? calendar.addBusinessDays(endAt, terms.reportTermDays())
        : calendar.endOfDay(calendar.daysAfter(endAt, terms.reportTermDays())));
    execution.setVariable("workPlanLastDayLabel", DAY.format(start.minusDays(terms.workPlanLeadDays() + 1L)));
    execution.setVariable("documentsLastDayLabel", DAY.format(start.minusDays(1)));
    execution.setVariable("reportDueLabel", MailTemplates.format(execution.getVariable("reportDueDate")));
    execution.setVariable("reportTermLabel", terms.reportTermDays()
        + (Boolean.TRUE.equals(terms.reportTermBusinessDays()) ? " días hábiles" : " días calendario"));

    execution.setVariable("mobilityClassLabel", mobilityClass.label());
    execution.setVariable("employmentTypeLabel",
        TeacherMobilityTerms.label(TeacherMobilityTerms.EMPLOYMENT_TYPES, text(execution, "employmentType")));
    execution.setVariable("scopeLabel",
        TeacherMobilityTerms.label(TeacherMobilityTerms.SCOPES, text(execution, "scope")));
    execution.setVariable("modalityLabel",
        TeacherMobilityTerms.label(TeacherMobilityTerms.MODALITIES, text(execution, "modality")));
    execution.setVariable("routeLabel",
        TeacherMobilityTerms.label(TeacherMobilityTerms.ROUTES, text(execution, "route")));
    if (!execution.hasVariable("eventRole")) {
      execution.setVariable("eventRole", null); // the DMN reads it for every class
    }
    execution.setVariable("eventRoleLabel", execution.getVariable("eventRole") == null ? ""
        : TeacherMobilityTerms.label(TeacherMobilityTerms.EVENT_ROLES, text(execution, "eventRole")));
    execution.setVariable("datesLabel", DAY.format(start) + " a " + DAY.format(end));
    execution.setVariable("supportLabel", supportLabel(execution));
    execution.setVariable("documentsChecklist", documentsChecklist(execution, mobilityClass,
        DAY.format(start.minusDays(terms.workPlanLeadDays() + 1L)), DAY.format(start.minusDays(1))));
  }

  /**
   * TO3 → TO4: turns the rule ids collected by the DMN {@code teacher-outgoing-eligibility}
   * (variable {@code failedRuleIds}, removed afterwards) into {@code failedRules} (Json array,
   * without duplicates, in table order), {@code eligible} and {@code failedRulesText}; also
   * {@code stayTypeLabel} for the DMN {@code stay-type} result.
   *
   * @throws IllegalStateException when the decision result is missing or a rule id is not in the
   *     catalogue (a modelling error: the case stops with an incident)
   */
  public void recordEligibility(DelegateExecution execution) {
    Object collected = execution.getVariable("failedRuleIds");
    if (!(collected instanceof List<?> list)) {
      throw new IllegalStateException("La decisión teacher-outgoing-eligibility no dejó la lista failedRuleIds");
    }
    List<String> failed = new ArrayList<>(new LinkedHashSet<>(list.stream().map(String::valueOf).toList()));
    for (String id : failed) {
      if (!TeacherOutgoingRuleCatalogue.RULES.containsKey(id)) {
        throw new IllegalStateException("La decisión teacher-outgoing-eligibility devolvió una regla"
            + " desconocida: " + id);
      }
    }
    execution.removeVariable("failedRuleIds");
    execution.setVariable("stayTypeLabel",
        TeacherMobilityTerms.label(TeacherMobilityTerms.STAY_TYPES, text(execution, "stayType")));
    setFailedRules(execution, failed);
  }

  /**
   * Gate CES-TO-12 (002 art. 38 lit. b) at TO5/TO6: the letter of intent was not approved. Adds
   * the rule to {@code failedRules} ({@code eligible} false) and sets {@code rejectedBy} and
   * {@code rejectionNotes} for the e-mail.
   */
  public void recordLetterRejected(DelegateExecution execution) {
    boolean byDirector = "REJECTED".equals(execution.getVariable("directorDecision"));
    execution.setVariable("rejectedBy", byDirector ? "la Dirección de Programa" : "la Vicerrectoría del área");
    Object notes = execution.getVariable(byDirector ? "directorNotes" : "vrNotes");
    execution.setVariable("rejectionNotes", notes == null ? "" : notes.toString());
    List<String> failed = failedRules(execution);
    if (!failed.contains("CES-TO-12")) {
      failed.add("CES-TO-12");
    }
    setFailedRules(execution, failed);
  }

  /**
   * Gate CES-TO-13 (002 art. 38 lit. e) at the document review: when the host requires a language
   * certificate and the ORI finds it does not prove the level ({@code languageCertificateValid}
   * false), CES-TO-13 is added to {@code failedRules}; when a later review accepts it, it is
   * removed again. Nothing changes when no certificate is required.
   */
  public void recordLanguageCertificate(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable("languageCertificateRequired"))) {
      return;
    }
    List<String> failed = failedRules(execution);
    boolean valid = Boolean.TRUE.equals(execution.getVariable("languageCertificateValid"));
    if (valid) {
      failed.remove("CES-TO-13");
    } else if (!failed.contains("CES-TO-13")) {
      failed.add("CES-TO-13");
    }
    setFailedRules(execution, failed);
  }

  /**
   * Postponement (TO10, T16/T17 → "Aplazar o cancelar"): the new dates become {@code startDate}
   * and {@code endDate}; {@code postponements} counts them. The case then goes back to TO2, so
   * stay type, eligibility, the letter of intent (it states the dates, art. 38 lit. b) and the
   * permit are decided again with the new dates.
   */
  public void reschedule(DelegateExecution execution) {
    execution.setVariable("startDate", execution.getVariable("newStartDate"));
    execution.setVariable("endDate", execution.getVariable("newEndDate"));
    Object count = execution.getVariable("postponements");
    execution.setVariable("postponements", count instanceof Integer n ? n + 1 : 1);
  }

  /**
   * TO13 non-interrupting timer (T18; 002 art. 36 par. 1, art. 37 par. 1; §6.1 TR1): the activity
   * report is late. Records an open-ended ban {@code TEACHER_MOBILITY_APPROVAL} for the teacher
   * ({@code teacherId}); its id goes to {@code reportBanId}.
   */
  public void recordReportBan(DelegateExecution execution) {
    String tenantId = execution.getTenantId();
    String reason = "Informe de actividades de la movilidad " + execution.getProcessBusinessKey()
        + " no presentado dentro de los " + execution.getVariable("reportTermLabel")
        + " siguientes a la finalización (vencía el "
        + MailTemplates.format(execution.getVariable("reportDueDate"))
        + "): no se aprueban nuevas movilidades del docente hasta que lo presente.";
    Ban ban = bans.record(tenantId, new Ban(null, tenantId, text(execution, "teacherId"),
        Ban.Scope.TEACHER_MOBILITY_APPROVAL, List.of(), null, BAN_SOURCE_RULE,
        execution.getProcessInstanceId(), reason, null, null, null));
    execution.getProcessInstance().setVariable("reportBanId", ban.id());
  }

  /**
   * TO13 after the late report arrives (PROPOSED lift, §6.1 TR1): lifts the ban
   * {@code reportBanId} and records {@code reportBanLiftedAt}.
   */
  public void liftReportBan(DelegateExecution execution) {
    String banId = text(execution, "reportBanId");
    Ban lifted = bans.lift(execution.getTenantId(), banId, "Informe de actividades presentado en la"
        + " movilidad " + execution.getProcessBusinessKey() + " (002 art. 36 par. 1).");
    execution.setVariable("reportBanLiftedAt", Date.from(lifted.liftedAt().toInstant()));
  }

  /**
   * Removes variables before a task of a loop is entered again, so its form starts empty
   * (e.g. {@code ${teacherOutgoingMobility.clear(execution, 'docsComplete,missingDocs')}}).
   */
  public void clear(DelegateExecution execution, String names) {
    Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
        .forEach(execution::removeVariable);
  }

  // ------------------------------------------------------------------------------------------

  private void setFailedRules(DelegateExecution execution, List<String> failed) {
    SpinJsonNode json = Spin.JSON(failed);
    execution.setVariable("failedRules", json);
    execution.setVariable("eligible", failed.isEmpty());
    execution.setVariable("failedRulesText", failed.isEmpty() ? ""
        : TeacherOutgoingRuleCatalogue.describeAll(failed, execution::getVariable));
  }

  private static List<String> failedRules(DelegateExecution execution) {
    List<String> ids = new ArrayList<>();
    if (execution.getVariable("failedRules") instanceof SpinJsonNode node && node.isArray()) {
      node.elements().forEach(e -> ids.add(e.stringValue()));
    }
    return ids;
  }

  private boolean isTeacher(String userId, String tenantId) {
    try {
      return Context.getCommandContext().runWithoutAuthorization(() ->
          identityService.createUserQuery().userId(userId).memberOfGroup(PROFESSOR_GROUP)
              .memberOfTenant(tenantId).count() > 0);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pendingReportText(List<Ban> inForce) {
    StringBuilder text = new StringBuilder();
    for (Ban ban : inForce) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("- ").append(ban.id()).append(" (registrada el ")
          .append(DAY.format(ban.createdAt().atZoneSameInstant(AgreementValues.ZONE)))
          .append("): ").append(ban.reason() == null ? ban.sourceRule() : ban.reason());
    }
    return text.toString();
  }

  /** The documents of 002 art. 38 this request needs (checklist §4.5), one per line, for the e-mail. */
  private static String documentsChecklist(DelegateExecution execution, TeacherMobilityClass mobilityClass,
      String workPlanLastDay, String documentsLastDay) {
    List<String> lines = new ArrayList<>();
    if (mobilityClass.workPlanRequired()) {
      lines.add("- Plan de trabajo de la movilidad, a más tardar el " + workPlanLastDay
          + " (con una antelación no inferior a un día del inicio, art. 38 lit. d).");
    }
    lines.add("- Carta de invitación y/o aceptación de la institución de destino, cuando aplique (art. 38 lit. a).");
    if (Boolean.TRUE.equals(execution.getVariable("languageCertificateRequired"))) {
      lines.add("- Certificado de conocimiento del idioma con el nivel exigido por la institución de destino"
          + " (art. 38 lit. e).");
    }
    if ("INTERNACIONAL".equals(execution.getVariable("scope"))) {
      if (!"VIRTUAL".equals(execution.getVariable("modality"))) {
        lines.add("- Copia del pasaporte y/o la visa, si el país de destino la exige (art. 38 lit. f).");
        lines.add("- Seguro de asistencia médica con cubrimiento internacional durante toda la estadía"
            + " (art. 38 lit. g).");
      }
      lines.add("- Otros documentos legales, de riesgo o de salud pública del país de destino, cuando"
          + " apliquen (art. 38 lit. h).");
    }
    lines.add("- Los demás documentos que solicite la Universidad (art. 38 lit. i).");
    lines.add("Plazo para los documentos: a más tardar el " + documentsLastDay + " (antes del inicio de la"
        + " movilidad, art. 38).");
    return String.join("\n", lines);
  }

  private static String supportLabel(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable("supportRequested"))) {
      return Boolean.TRUE.equals(execution.getVariable("hostCoversStayAndTravel"))
          ? "Sin apoyo económico de la Universidad (la institución de destino asume estadía y desplazamiento)"
          : "Sin apoyo económico de la Universidad";
    }
    List<String> items = TeacherOutgoingRequestRules.supportItems(execution.getVariable("supportItems"));
    List<String> labels = items.stream()
        .map(i -> TeacherMobilityTerms.label(TeacherMobilityTerms.SUPPORT_ITEMS, i)).toList();
    Object cost = execution.getVariable("estimatedCost");
    return String.join(", ", labels) + (cost instanceof Number n
        ? " (costo estimado: $" + String.format(java.util.Locale.ROOT, "%,.0f", n.doubleValue()).replace(',', '.') + ")"
        : "") + (Boolean.TRUE.equals(execution.getVariable("hostCoversStayAndTravel"))
        ? "; la institución de destino asume estadía y desplazamiento (art. 36 par. 2)" : "");
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static LocalDate day(DelegateExecution execution, String name) {
    return AgreementValues.requiredDate(name, execution.getVariable(name));
  }
}
