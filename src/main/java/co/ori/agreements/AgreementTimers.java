package co.ori.agreements;

import co.ori.support.IsoDurations;
import co.ori.support.BusinessCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The configurable terms of {@code agreement-formalization} as the bean {@code agreementTimers},
 * for timer and due-date expressions of {@code processes/agreement-formalization.bpmn}, e.g.
 * {@code timeDuration="${agreementTimers.partnerResponseWait(execution)}"}. Values come from
 * {@link AgreementTimerSettings} for the case's tenant ({@code procedures.md} §5 T01, T03–T05).
 * "Now" is the engine clock ({@link ClockUtil}).
 */
@Component("agreementTimers")
public class AgreementTimers {

  private final AgreementTimerSettings settings;
  private final BusinessCalendar calendar;

  /**
   * Creates the bean and checks every configured duration and cycle.
   *
   * @throws IllegalStateException when a configured duration or cycle is not ISO 8601
   */
  public AgreementTimers(AgreementTimerSettings settings, BusinessCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
    checkConfiguration(null);
    settings.tenants().keySet().forEach(this::checkConfiguration);
  }

  /** T04: how long the CINI waits for the partner's answer, ISO 8601 duration (default {@code P30D}). */
  public String partnerResponseWait(DelegateExecution execution) {
    return timers(execution).partnerResponseWait();
  }

  /**
   * T04: due date of "Registrar respuesta de la entidad aliada": now plus
   * {@link #partnerResponseWait}, the instant its boundary timer fires.
   */
  public Date partnerResponseDue(DelegateExecution execution) {
    return plus(ClockUtil.getCurrentTime(), partnerResponseWait(execution));
  }

  /** T04: number of follow-ups before the case ends without response (default 2). */
  public int partnerReminders(DelegateExecution execution) {
    return timers(execution).partnerReminders();
  }

  /** T05: General Secretary review term, Colombian business days (default 10). */
  public int legalReviewBusinessDays(DelegateExecution execution) {
    return timers(execution).legalReviewBusinessDays();
  }

  /** T03: repeating interval of the progress follow-up, ISO 8601 (default {@code R/P6M}). */
  public String followUpCycle(DelegateExecution execution) {
    return timers(execution).followUpCycle();
  }

  /** T01: first expiry alert, calendar days before {@code validUntil} (default 90). */
  public int expiryAlertDays(DelegateExecution execution) {
    return timers(execution).expiryAlertDays();
  }

  /** T01: second expiry alert, calendar days before {@code validUntil} (default 30). */
  public int secondExpiryAlertDays(DelegateExecution execution) {
    return timers(execution).secondExpiryAlertDays();
  }

  /**
   * L1: due date of the action plan: {@code actionPlanDays} (default 30) calendar days after
   * the start of the current term, i.e. the later of {@code validFrom} and today, end of day.
   */
  public Date actionPlanDue(DelegateExecution execution) {
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    LocalDate from = AgreementValues.toLocalDate((Date) execution.getVariable("validFrom"));
    LocalDate start = from == null || from.isBefore(today) ? today : from;
    return calendar.endOfDay(AgreementValues.toDate(start.plusDays(timers(execution).actionPlanDays())));
  }

  /** L3: term to report execution evidence, business days (default 15). */
  public int evidenceBusinessDays(DelegateExecution execution) {
    return timers(execution).evidenceBusinessDays();
  }

  /** The effective terms of the execution's tenant. */
  public AgreementTimerSettings.Timers timers(DelegateExecution execution) {
    return settings.forTenant(execution.getTenantId());
  }

  /** The instant {@code start} plus an ISO 8601 duration such as {@code P30D} or {@code PT720H}. */
  Date plus(Date start, String isoDuration) {
    return calendar.plus(start, isoDuration);
  }

  private void checkConfiguration(String tenantId) {
    AgreementTimerSettings.Timers t = settings.forTenant(tenantId);
    String where = tenantId == null ? "ori.agreements.timers" : "ori.agreements.tenants." + tenantId;
    IsoDurations.requirePositive(where + ".partner-response-wait", t.partnerResponseWait());
    IsoDurations.requireRepeatingInterval(where + ".follow-up-cycle", t.followUpCycle(), "R/P6M");
    requirePositive(where + ".partner-reminders", t.partnerReminders(), true);
    requirePositive(where + ".legal-review-business-days", t.legalReviewBusinessDays(), false);
    requirePositive(where + ".expiry-alert-days", t.expiryAlertDays(), false);
    requirePositive(where + ".second-expiry-alert-days", t.secondExpiryAlertDays(), false);
    requirePositive(where + ".action-plan-days", t.actionPlanDays(), false);
    requirePositive(where + ".evidence-business-days", t.evidenceBusinessDays(), false);
  }

  private static void requirePositive(String property, int value, boolean zeroAllowed) {
    if (value < 0 || (!zeroAllowed && value == 0)) {
      throw new IllegalStateException(property + " debe ser " + (zeroAllowed ? "mayor o igual a 0" : "mayor que 0")
          + " (es " + value + ")");
    }
  }
}
