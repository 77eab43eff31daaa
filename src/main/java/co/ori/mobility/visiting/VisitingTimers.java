package co.ori.mobility.visiting;

import co.ori.support.IsoDurations;
import co.ori.support.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The configurable terms of {@code visiting-professor} as the bean {@code visitingTimers}, for
 * the timer and due-date expressions of {@code processes/visiting-professor.bpmn}, e.g.
 * {@code timeDuration="${visitingTimers.homeEndorsementReminder(execution)}"}. Values come from
 * {@link VisitingTimerSettings} for the case's tenant. "Now" is the engine clock.
 */
@Component("visitingTimers")
public class VisitingTimers {

  private final VisitingTimerSettings settings;
  private final BusinessCalendar calendar;

  /**
   * Creates the bean and checks the configured terms of the defaults and of every tenant.
   *
   * @throws IllegalStateException when a duration is not a positive ISO 8601 duration or a
   *     number of days is negative
   */
  public VisitingTimers(VisitingTimerSettings settings, BusinessCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
    check(null);
    settings.tenants().keySet().forEach(this::check);
  }

  /** V4: ISO 8601 duration until the reminder about the home endorsement (default {@code P15D}). */
  public String homeEndorsementReminder(DelegateExecution execution) {
    return settings.forTenant(execution.getTenantId()).homeEndorsementReminder();
  }

  /** V4: due date of "Registrar el aval de la institución de origen": now plus the reminder term. */
  public Date homeEndorsementDue(DelegateExecution execution) {
    return calendar.plus(ClockUtil.getCurrentTime(), homeEndorsementReminder(execution));
  }

  /** V8: calendar days before {@code startDate} for the SIRE documents (default 5). */
  public int sireDocumentsDaysBeforeStart(DelegateExecution execution) {
    return settings.forTenant(execution.getTenantId()).sireDocumentsDaysBeforeStart();
  }

  /**
   * V8: deadline of the SIRE documents, end of the day (America/Bogota)
   * {@link #sireDocumentsDaysBeforeStart} calendar days before {@code startDate}.
   *
   * @param startDate first day of the visit
   */
  public Date sireDocumentsDue(DelegateExecution execution, Date startDate) {
    return calendar.endOfDay(calendar.daysBefore(startDate, sireDocumentsDaysBeforeStart(execution)));
  }

  private void check(String tenantId) {
    VisitingTimerSettings.Timers t = settings.forTenant(tenantId);
    String where = tenantId == null ? "ori.visiting-professor.timers" : "ori.visiting-professor.tenants." + tenantId;
    IsoDurations.requirePositive(where + ".home-endorsement-reminder", t.homeEndorsementReminder());
    if (t.sireDocumentsDaysBeforeStart() < 0) {
      throw new IllegalStateException(where + ".sire-documents-days-before-start debe ser mayor o igual"
          + " a 0 (es " + t.sireDocumentsDaysBeforeStart() + ")");
    }
  }
}
