package co.ori.agreements;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PROPOSED (configurable) terms of {@code agreement-formalization}, {@code procedures.md}
 * §5 T01, T03–T05 and §9 Q3: defaults under {@code ori.agreements.timers.*}, per-tenant
 * overrides under {@code ori.agreements.tenants.<tenant>.*} (procedures.md §5: "All PROPOSED
 * values live in a per-tenant configuration"). A property left out falls back to the default
 * section, then to the built-in value of {@link Timers#BUILT_IN}.
 *
 * <pre>
 * ori:
 *   agreements:
 *     timers:
 *       partner-response-wait: P30D
 *     tenants:
 *       umc:
 *         expiry-alert-days: 120
 * </pre>
 *
 * @param timers defaults for every tenant (may be null)
 * @param tenants overrides by tenant id (may be null)
 */
@ConfigurationProperties(prefix = "ori.agreements")
public record AgreementTimerSettings(Timers timers, Map<String, Timers> tenants) {

  /**
   * One set of terms; a null field means "not set here".
   *
   * @param partnerResponseWait ISO 8601 duration the CINI waits for the partner's answer to
   *     the relationship intention before a follow-up (T04, default {@code P30D})
   * @param partnerReminders follow-ups before the case ends without response (T04, default 2)
   * @param legalReviewBusinessDays General Secretary review term in Colombian business days
   *     (T05, default 10)
   * @param followUpCycle ISO 8601 repeating interval of the progress follow-up (T03, default
   *     {@code R/P6M})
   * @param expiryAlertDays first expiry alert, calendar days before {@code validUntil} (T01,
   *     default 90)
   * @param secondExpiryAlertDays second expiry alert and renewal-decision due date, calendar
   *     days before {@code validUntil} (T01, default 30)
   * @param actionPlanDays term of the action plan, calendar days after the start of the term
   *     (L1, default 30)
   * @param evidenceBusinessDays term to report execution evidence, business days (L3, default 15)
   */
  public record Timers(String partnerResponseWait, Integer partnerReminders,
      Integer legalReviewBusinessDays, String followUpCycle, Integer expiryAlertDays,
      Integer secondExpiryAlertDays, Integer actionPlanDays, Integer evidenceBusinessDays) {

    /** The built-in values of procedures.md §5 and §9 Q3. */
    public static final Timers BUILT_IN = new Timers("P30D", 2, 10, "R/P6M", 90, 30, 30, 15);
  }

  /**
   * Binds the settings; a missing {@code timers} section means the built-in values, a missing
   * {@code tenants} section means no overrides.
   */
  public AgreementTimerSettings {
    timers = timers == null ? Timers.BUILT_IN : timers;
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
  }

  /** The effective terms of a tenant: its overrides, then the defaults, then the built-in values. */
  public Timers forTenant(String tenantId) {
    Timers own = tenantId == null ? null : tenants.get(tenantId);
    Timers defaults = timers;
    Timers builtIn = Timers.BUILT_IN;
    return new Timers(
        pick(own == null ? null : own.partnerResponseWait(), defaults.partnerResponseWait(),
            builtIn.partnerResponseWait()),
        pick(own == null ? null : own.partnerReminders(), defaults.partnerReminders(),
            builtIn.partnerReminders()),
        pick(own == null ? null : own.legalReviewBusinessDays(), defaults.legalReviewBusinessDays(),
            builtIn.legalReviewBusinessDays()),
        pick(own == null ? null : own.followUpCycle(), defaults.followUpCycle(),
            builtIn.followUpCycle()),
        pick(own == null ? null : own.expiryAlertDays(), defaults.expiryAlertDays(),
            builtIn.expiryAlertDays()),
        pick(own == null ? null : own.secondExpiryAlertDays(), defaults.secondExpiryAlertDays(),
            builtIn.secondExpiryAlertDays()),
        pick(own == null ? null : own.actionPlanDays(), defaults.actionPlanDays(),
            builtIn.actionPlanDays()),
        pick(own == null ? null : own.evidenceBusinessDays(), defaults.evidenceBusinessDays(),
            builtIn.evidenceBusinessDays()));
  }

  private static <T> T pick(T own, T defaults, T builtIn) {
    return own != null ? own : defaults != null ? defaults : builtIn;
  }
}
