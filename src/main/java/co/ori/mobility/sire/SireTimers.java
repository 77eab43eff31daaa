package co.ori.mobility.sire;

import co.ori.support.BusinessCalendar;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The term of {@code sire-report} as the bean {@code sireTimers}, for the due date and the
 * escalation timer of {@code processes/sire-report.bpmn} (process start listener
 * {@code ${sireTimers.recordDue(execution)}} → variable {@code sireReportDue};
 * {@code procedures.md} §5 T34).
 */
@Component("sireTimers")
public class SireTimers {

  private final SireTimerSettings settings;
  private final BusinessCalendar calendar;

  /**
   * Creates the bean and checks the configured terms.
   *
   * @throws IllegalStateException when a configured number of days is not positive
   */
  public SireTimers(SireTimerSettings settings, BusinessCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
    check("ori.sire.timers", settings.forTenant(null).reportDays());
    settings.tenants().forEach((tenant, t) -> check("ori.sire.tenants." + tenant, settings.forTenant(tenant).reportDays()));
  }

  /** T34: calendar days after the event to report it in SIRE (default 15). */
  public int reportDays(DelegateExecution execution) {
    return settings.forTenant(execution.getTenantId()).reportDays();
  }

  /**
   * T34: deadline of the SIRE report, the end of the day (America/Bogota) {@link #reportDays}
   * calendar days after the variable {@code eventDate}.
   *
   * @throws IllegalArgumentException when {@code eventDate} is missing
   */
  public Date reportDue(DelegateExecution execution) {
    Object eventDate = execution.getVariable("eventDate");
    if (!(eventDate instanceof Date date)) {
      throw new IllegalArgumentException("sire-report necesita la variable eventDate (Date), no " + eventDate);
    }
    return calendar.endOfDay(calendar.daysAfter(date, reportDays(execution)));
  }

  /**
   * Process start listener of {@code sire-report}: stores {@link #reportDue} as the variable
   * {@code sireReportDue}, used by the task's due date, its escalation timer and the mail.
   */
  public void recordDue(DelegateExecution execution) {
    execution.setVariable("sireReportDue", reportDue(execution));
  }

  private static void check(String where, int days) {
    if (days <= 0) {
      throw new IllegalStateException(where + ".report-days debe ser mayor que 0 (es " + days + ")");
    }
  }
}
