package co.ori.mobility.sire;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PROPOSED term of the shared subprocess {@code sire-report} ({@code procedures.md} §2.h.2,
 * §5 T34: "not in the sources; PROPOSED {@code eventDate + P15D}, configurable; verify the
 * current Migración Colombia rule"): defaults under {@code ori.sire.timers.*}, per-tenant
 * overrides under {@code ori.sire.tenants.<tenant>.*}, then {@link Timers#BUILT_IN}.
 *
 * <pre>
 * ori:
 *   sire:
 *     timers:
 *       report-days: 15
 * </pre>
 *
 * @param timers defaults for every tenant (may be null)
 * @param tenants overrides by tenant id (may be null)
 */
@ConfigurationProperties(prefix = "ori.sire")
public record SireTimerSettings(Timers timers, Map<String, Timers> tenants) {

  /**
   * @param reportDays calendar days after the event (arrival or departure) within which the ORI
   *     reports it in SIRE; the task is due, and escalated, at the end of that day (T34, default 15)
   */
  public record Timers(Integer reportDays) {

    /** The built-in value of procedures.md §5 T34 (PROPOSED). */
    public static final Timers BUILT_IN = new Timers(15);
  }

  /** Binds the settings; missing sections mean built-in values and no overrides. */
  public SireTimerSettings {
    timers = timers == null ? Timers.BUILT_IN : timers;
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
  }

  /** The effective term of a tenant: its override, then the default, then the built-in value. */
  public Timers forTenant(String tenantId) {
    Timers own = tenantId == null ? null : tenants.get(tenantId);
    Integer days = own != null && own.reportDays() != null ? own.reportDays()
        : timers.reportDays() != null ? timers.reportDays() : Timers.BUILT_IN.reportDays();
    return new Timers(days);
  }
}
