package co.ori.cooperation;

import co.ori.support.IsoDurations;
import co.ori.support.BusinessCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The configurable terms of {@code pasto-cooperation-strategy} as the bean
 * {@code cooperationTimers}, for timer expressions of
 * {@code processes/pasto-cooperation-strategy.bpmn} (e.g.
 * {@code timeCycle="${cooperationTimers.reportCycle(execution)}"}) and for
 * {@link CooperationLifecycle}. Values come from {@link CooperationTimerSettings} for the case's
 * tenant ({@code procedures.md} §5 T08–T10). Every date is in America/Bogota.
 */
@Component("cooperationTimers")
public class CooperationTimers {

  private final CooperationTimerSettings settings;
  private final BusinessCalendar calendar;

  /**
   * Creates the bean and checks the configuration of every tenant.
   *
   * @throws IllegalStateException when a configured value is not usable (negative days, a cycle
   *     that is not an ISO 8601 repeating interval)
   */
  public CooperationTimers(CooperationTimerSettings settings, BusinessCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
    check(null);
    settings.tenants().keySet().forEach(this::check);
  }

  /** T09: repeating interval of the execution reports, ISO 8601 (default {@code R/P3M}). */
  public String reportCycle(DelegateExecution execution) {
    return settings.forTenant(execution.getTenantId()).reportCycle();
  }

  /** T10: calendar days after {@code projectEndDate} the closing minute is due (default 30). */
  public int closingMinuteDays(DelegateExecution execution) {
    return settings.forTenant(execution.getTenantId()).closingMinuteDays();
  }

  /**
   * T08: the end of the day until which the addressees' answer is awaited: the n-th Colombian
   * business day before the call's closing day (n = {@code answerBusinessDaysBeforeClosing},
   * default 10), 23:59:59 America/Bogota. It may already be past when the call closes soon: the
   * timer then fires at once and the office head decides.
   *
   * @param tenantId the case's tenant
   * @param closingDay the call's closing day
   */
  public Date answerDeadline(String tenantId, LocalDate closingDay) {
    int n = settings.forTenant(tenantId).answerBusinessDaysBeforeClosing();
    return calendar.endOfDay(CooperationValues.toDate(calendar.subtractBusinessDays(closingDay, n)));
  }

  private void check(String tenantId) {
    CooperationTimerSettings.Timers t = settings.forTenant(tenantId);
    String where = tenantId == null ? "ori.cooperation.timers" : "ori.cooperation.tenants." + tenantId;
    if (t.answerBusinessDaysBeforeClosing() < 0) {
      throw new IllegalStateException(where + ".answer-business-days-before-closing debe ser mayor o"
          + " igual a 0 (es " + t.answerBusinessDaysBeforeClosing() + ")");
    }
    if (t.closingMinuteDays() < 0) {
      throw new IllegalStateException(where + ".closing-minute-days debe ser mayor o igual a 0 (es "
          + t.closingMinuteDays() + ")");
    }
    IsoDurations.requireRepeatingInterval(where + ".report-cycle", t.reportCycle(), "R/P3M");
  }
}
