package co.ori.mobility.visiting;

import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.toDate;
import static co.ori.agreements.AgreementValues.toLocalDate;
import static co.ori.mobility.visiting.VisitingFrameworkCheck.DAY;

import co.ori.mobility.StayDuration;
import co.ori.support.BusinessCalendar;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Steps of {@code visiting-professor} ({@code procedures.md} §2.g.2) called by expressions of
 * {@code processes/visiting-professor.bpmn} as the bean {@code visitingProfessor}.
 */
@Component("visitingProfessor")
public class VisitingProfessorSteps {

  private static final int REF = 1000;
  private static final int LONG = 4000;

  private final BusinessCalendar calendar;
  private final VisitingTimers timers;

  public VisitingProfessorSteps(BusinessCalendar calendar, VisitingTimers timers) {
    this.calendar = calendar;
    this.timers = timers;
  }

  /**
   * Service task "Calcular fechas y condiciones de la visita", after the work plan is approved by
   * both institutions (its dates are final, 002 art. 40.3). Sets:
   * <ul>
   *   <li>{@code inPerson} (Boolean): {@code modality != VIRTUAL} (PRESENCIAL or HIBRIDA, 002
   *       art. 5.4); V7 and the cultural adaptation of V10 apply only then (art. 41.3, 41.5);</li>
   *   <li>{@code needsSire} (Boolean): {@code isForeign && inPerson} (V8, V9, V12; 002 art. 40 par.);</li>
   *   <li>{@code needsIdCard} (Boolean): {@code inPerson && endDate > startDate + 1 month} (T23,
   *       002 art. 41.6 "estancias que sean superiores a un (1) mes"; a purely virtual visit has no
   *       stay). Exactly one month gives no card;</li>
   *   <li>{@code stayWholeMonths}, {@code stayExtraDays} (Integer): the length of the stay, end
   *       date inclusive ({@link StayDuration}, procedures.md §1.2), input of the tenant's DMN
   *       {@code stay-type} (002 art. 6), evaluated by the next business rule task into
   *       {@code stayType};</li>
   *   <li>{@code visitStartTimer} (start of {@code startDate}) and {@code visitEndTimer} (end of
   *       {@code endDate}), America/Bogota, for the timers V9–V11;</li>
   *   <li>{@code sireDocumentsDue} (Date, when {@code needsSire}): V8 deadline, see
   *       {@link VisitingTimers#sireDocumentsDue};</li>
   *   <li>{@code stayFrom}, {@code stayUntil} (Date, when STAY or BOTH is requested): the stay
   *       support window {@code [itineraryArrival − 1 day, itineraryDeparture + 1 day]} (T22, 002
   *       art. 40.4);</li>
   *   <li>Spanish texts for forms and mails: {@code stayWindowText} and those of {@link #describe}.</li>
   * </ul>
   */
  public void computeFacts(DelegateExecution execution) {
    Date startDate = (Date) execution.getVariable("startDate");
    LocalDate start = toLocalDate(startDate);
    LocalDate end = toLocalDate((Date) execution.getVariable("endDate"));
    boolean inPerson = !"VIRTUAL".equals(execution.getVariable("modality"));
    boolean needsSire = inPerson && Boolean.TRUE.equals(execution.getVariable("isForeign"));
    execution.setVariable("inPerson", inPerson);
    execution.setVariable("needsSire", needsSire);
    execution.setVariable("needsIdCard", inPerson && needsIdCard(start, end));
    StayDuration stay = StayDuration.of(start, end);
    execution.setVariable("stayWholeMonths", stay.wholeMonths());
    execution.setVariable("stayExtraDays", stay.extraDays());
    execution.setVariable("visitStartTimer", toDate(start));
    execution.setVariable("visitEndTimer", calendar.endOfDay(toDate(end)));
    if (needsSire) {
      execution.setVariable("sireDocumentsDue", timers.sireDocumentsDue(execution, toDate(start)));
    }
    String support = (String) execution.getVariable("supportRequested");
    String stayText = "No aplica";
    if ("STAY".equals(support) || "BOTH".equals(support)) {
      LocalDate from = toLocalDate((Date) execution.getVariable("itineraryArrival")).minusDays(1);
      LocalDate until = toLocalDate((Date) execution.getVariable("itineraryDeparture")).plusDays(1);
      execution.setVariable("stayFrom", toDate(from));
      execution.setVariable("stayUntil", toDate(until));
      stayText = "del " + from.format(DAY) + " al " + until.format(DAY)
          + " (un día antes de la llegada y un día después de la salida según el itinerario)";
    }
    execution.setVariable("stayWindowText", stayText);
    describe(execution);
  }

  /**
   * Spanish texts of the case for forms and mails (Camunda Forms show Date variables as ISO
   * text and enums as codes, and cannot read the business key): {@code caseKey}, {@code visitPeriodText} ("del dd/MM/yyyy al dd/MM/yyyy"),
   * {@code supportRequestedText}, {@code mobilityClassText}, {@code modalityText} and
   * {@code visitSummary}. Called by V2 and again after V4, whose confirmed dates may differ.
   */
  public static void describe(DelegateExecution execution) {
    LocalDate start = toLocalDate((Date) execution.getVariable("startDate"));
    LocalDate end = toLocalDate((Date) execution.getVariable("endDate"));
    String period = "del " + start.format(DAY) + " al " + end.format(DAY);
    execution.setVariable("caseKey", execution.getProcessBusinessKey());
    execution.setVariable("visitPeriodText", period);
    execution.setVariable("supportRequestedText", supportText((String) execution.getVariable("supportRequested")));
    execution.setVariable("mobilityClassText", mobilityClassText((String) execution.getVariable("mobilityClass")));
    execution.setVariable("modalityText", switch (String.valueOf(execution.getVariable("modality"))) {
      case "VIRTUAL" -> "Virtual";
      case "HIBRIDA" -> "Híbrida";
      default -> "Presencial";
    });
    execution.setVariable("visitSummary", execution.getVariable("visitorName") + " ("
        + execution.getVariable("nationality") + "), de " + execution.getVariable("homeInstitution")
        + " (" + execution.getVariable("homeCountry") + "); visita " + period);
  }

  /** Spanish name of a {@code mobilityClass} (002 art. 35). */
  public static String mobilityClassText(String mobilityClass) {
    return switch (mobilityClass == null ? "" : mobilityClass) {
      case "DOCENCIA" -> "Actividades de docencia";
      case "MISION_ACADEMICA" -> "Misión académica";
      case "EVENTO_ACADEMICO" -> "Evento académico";
      case "EVENTO_CIENTIFICO_ACADEMICO" -> "Evento científico-académico";
      case "ACTIVIDAD_INVESTIGACION" -> "Actividades de investigación";
      case "ESTANCIA_INVESTIGACION" -> "Estancia de investigación";
      case "FORMACION_ALTO_NIVEL" -> "Formación de alto nivel";
      case "INTERCAMBIO_LINGUISTICO" -> "Intercambio lingüístico";
      case "CURSO_CORTO" -> "Curso corto";
      case "EVENTO_DEPORTIVO_ARTISTICO_CULTURAL" -> "Evento deportivo, artístico o cultural";
      case "PROYECCION_SOCIAL" -> "Proyección social y extensión";
      case "VOLUNTARIADO" -> "Voluntariado";
      default -> String.valueOf(mobilityClass);
    };
  }

  /** T23: whether the stay is longer than one month ({@code end > start + P1M}). */
  public static boolean needsIdCard(LocalDate start, LocalDate end) {
    return end.isAfter(start.plusMonths(1));
  }

  /** Spanish name of a {@code supportRequested} / {@code approvedSupport} value. */
  public static String supportText(String support) {
    return switch (support == null ? "NONE" : support) {
      case "AIR_TICKETS" -> "Tiquetes aéreos";
      case "STAY" -> "Estadía";
      case "BOTH" -> "Tiquetes aéreos y estadía";
      default -> "Ninguno";
    };
  }

  /**
   * Start listener of the gateway after V4, where the task "Registrar el aval de la institución
   * de origen" and the message {@code HomeInstitutionEndorsed} meet: checks and applies the
   * endorsement ({@link #applyEndorsement}), whichever way it arrived. A message without a valid
   * answer is refused, so its correlation fails (REST 400) and the case keeps waiting.
   *
   * @throws InvalidVariableException naming the bad variable
   */
  public void checkEndorsement(DelegateExecution execution) {
    applyEndorsement(execution);
  }

  /**
   * V4 (002 art. 40.3, CES-VT-03: "fechas ... establecidas en el plan de trabajo ... aprobado y
   * avalado por las dos instituciones"): {@code homeEndorsed} (Boolean, required);
   * {@code homeEndorsementRef} (link or reference of the endorsement, required when endorsed);
   * {@code homeEndorsementNotes} (required when not endorsed); optional
   * {@code confirmedStartDate}/{@code confirmedEndDate}: the dates of the endorsed work plan when
   * they differ from the registered ones; they replace {@code startDate}/{@code endDate} after
   * the same checks as at start and, for an agreement or network, within its validity
   * (CES-VT-01). When not endorsed, {@code workPlanRejection} explains it for the notification.
   *
   * @throws InvalidVariableException naming the bad variable
   */
  public static void applyEndorsement(VariableScope scope) {
    boolean endorsed = requiredBoolean("homeEndorsed", scope.getVariable("homeEndorsed"));
    scope.setVariable("homeEndorsed", endorsed);
    String ref = optionalText("homeEndorsementRef", scope.getVariable("homeEndorsementRef"), REF);
    String notes = optionalText("homeEndorsementNotes", scope.getVariable("homeEndorsementNotes"), LONG);
    if (!endorsed) {
      if (notes == null) {
        throw new InvalidVariableException("homeEndorsementNotes", "es obligatorio cuando la"
            + " institución de origen no avala el plan de trabajo: indique el motivo");
      }
      scope.setVariable("workPlanRejection", "La institución de origen (" + scope.getVariable("homeInstitution")
          + ") no avaló el plan de trabajo. Observaciones: " + notes);
      return;
    }
    if (ref == null) {
      throw new InvalidVariableException("homeEndorsementRef", "es obligatorio: enlace o referencia"
          + " del aval del plan de trabajo por la institución de origen");
    }
    LocalDate start = toLocalDate((Date) scope.getVariable("startDate"));
    LocalDate end = toLocalDate((Date) scope.getVariable("endDate"));
    LocalDate newStart = optionalDate("confirmedStartDate", scope.getVariable("confirmedStartDate"));
    LocalDate newEnd = optionalDate("confirmedEndDate", scope.getVariable("confirmedEndDate"));
    if (newStart == null && newEnd == null) {
      return;
    }
    LocalDate s = newStart == null ? start : newStart;
    LocalDate e = newEnd == null ? end : newEnd;
    if (newStart != null && s.isBefore(toLocalDate(ClockUtil.getCurrentTime()))) {
      throw new InvalidVariableException("confirmedStartDate", "la fecha de inicio avalada (" + s.format(DAY) + ") ya pasó");
    }
    if (e.isBefore(s)) {
      throw new InvalidVariableException(newEnd != null ? "confirmedEndDate" : "confirmedStartDate",
          "la fecha de terminación (" + e.format(DAY) + ") no puede ser anterior a la de inicio (" + s.format(DAY) + ")");
    }
    if (!"INVITED_TEACHER".equals(scope.getVariable("frameworkType"))) {
      LocalDate validFrom = toLocalDate((Date) scope.getVariable("agreementValidFrom"));
      LocalDate validUntil = toLocalDate((Date) scope.getVariable("agreementValidUntil"));
      if (validFrom != null && s.isBefore(validFrom)) {
        throw new InvalidVariableException("confirmedStartDate", "la fecha de inicio avalada es anterior al inicio de la vigencia"
            + " del convenio o red " + scope.getVariable("agreementId") + " (" + validFrom.format(DAY) + ")");
      }
      if (validUntil != null && e.isAfter(validUntil)) {
        throw new InvalidVariableException("confirmedEndDate", "la fecha de terminación avalada es posterior al fin de la vigencia"
            + " del convenio o red " + scope.getVariable("agreementId") + " (" + validUntil.format(DAY) + ")");
      }
    }
    scope.setVariable("startDate", toDate(s));
    scope.setVariable("endDate", toDate(e));
    scope.setVariable("confirmedStartDate", newStart == null ? null : toDate(newStart));
    scope.setVariable("confirmedEndDate", newEnd == null ? null : toDate(newEnd));
  }

  /**
   * Start listener of an end event where an approval rule failed after V2 (CES-VT-03: the work
   * plan was not approved by CESMAG or not endorsed by the home institution): {@code eligible}
   * becomes false and {@code failedRules} lists the rule (contract, "Results every mobility
   * process records").
   */
  public void recordFailedRule(DelegateExecution execution, String ruleId) {
    execution.setVariable("eligible", false);
    execution.setVariable("failedRules", Spin.JSON(List.of(ruleId)));
  }
}
