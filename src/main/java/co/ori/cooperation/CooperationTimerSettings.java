package co.ori.cooperation;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PROPOSED (configurable) terms of {@code pasto-cooperation-strategy}, {@code procedures.md}
 * §5 T08–T10 and §9 Q7 (001 gives no time limits for the dependencies' answer, the follow-up
 * reports or the closing minute): defaults under {@code ori.cooperation.timers.*}, per-tenant
 * overrides under {@code ori.cooperation.tenants.<tenant>.*}. A property left out falls back to
 * the default section, then to {@link Timers#BUILT_IN}.
 *
 * <pre>
 * ori:
 *   cooperation:
 *     timers:
 *       answer-business-days-before-closing: 10
 *       report-cycle: R/P3M
 *       closing-minute-days: 30
 * </pre>
 *
 * @param timers defaults for every tenant (may be null)
 * @param tenants overrides by tenant id (may be null)
 */
@ConfigurationProperties(prefix = "ori.cooperation")
public record CooperationTimerSettings(Timers timers, Map<String, Timers> tenants) {

  /**
   * One set of terms; a null field means "not set here".
   *
   * @param answerBusinessDaysBeforeClosing T08: the addressees' answer is awaited until this
   *     many Colombian business days before the call's {@code closingDate} (default 10); then
   *     the office head decides to wait or drop
   * @param reportCycle T09: ISO 8601 repeating interval of the execution reports during the
   *     office's supervision (default {@code R/P3M})
   * @param closingMinuteDays T10: the closing minute is due this many calendar days after
   *     {@code projectEndDate}, when the head is reminded (default 30)
   */
  public record Timers(Integer answerBusinessDaysBeforeClosing, String reportCycle,
      Integer closingMinuteDays) {

    /** The built-in values of procedures.md §5 T08–T10. */
    public static final Timers BUILT_IN = new Timers(10, "R/P3M", 30);
  }

  /** Binds the settings; missing sections mean the built-in values and no overrides. */
  public CooperationTimerSettings {
    timers = timers == null ? Timers.BUILT_IN : timers;
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
  }

  /** The effective terms of a tenant: its overrides, then the defaults, then the built-in values. */
  public Timers forTenant(String tenantId) {
    Timers own = tenantId == null ? null : tenants.get(tenantId);
    return new Timers(
        pick(own == null ? null : own.answerBusinessDaysBeforeClosing(),
            timers.answerBusinessDaysBeforeClosing(), Timers.BUILT_IN.answerBusinessDaysBeforeClosing()),
        pick(own == null ? null : own.reportCycle(), timers.reportCycle(), Timers.BUILT_IN.reportCycle()),
        pick(own == null ? null : own.closingMinuteDays(), timers.closingMinuteDays(),
            Timers.BUILT_IN.closingMinuteDays()));
  }

  private static <T> T pick(T own, T defaults, T builtIn) {
    return own != null ? own : defaults != null ? defaults : builtIn;
  }
}
