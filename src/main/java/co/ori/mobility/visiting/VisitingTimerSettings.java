package co.ori.mobility.visiting;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PROPOSED (configurable) terms of {@code visiting-professor}, {@code procedures.md} §2.g.2
 * V4 and V8 ("All PROPOSED values live in a per-tenant configuration", §5): defaults under
 * {@code ori.visiting-professor.timers.*}, per-tenant overrides under
 * {@code ori.visiting-professor.tenants.<tenant>.*}. A property left out falls back to the
 * default section, then to {@link Timers#BUILT_IN}. The EXPLICIT terms of the regulation are not
 * configurable: the stay-support window of one day before and after the itinerary (T22, 002
 * art. 40.4) and the institutional card for stays over one month (T23, 002 art. 41.6).
 *
 * <pre>
 * ori:
 *   visiting-professor:
 *     timers:
 *       home-endorsement-reminder: P15D
 *       sire-documents-days-before-start: 5
 * </pre>
 *
 * @param timers defaults for every tenant (may be null)
 * @param tenants overrides by tenant id (may be null)
 */
@ConfigurationProperties(prefix = "ori.visiting-professor")
public record VisitingTimerSettings(Timers timers, Map<String, Timers> tenants) {

  /**
   * One set of terms; a null field means "not set here".
   *
   * @param homeEndorsementReminder ISO 8601 duration after which the ORI is reminded that the
   *     home institution's endorsement of the work plan is pending (V4, default {@code P15D});
   *     it is also the due date of the task
   * @param sireDocumentsDaysBeforeStart calendar days before {@code startDate} by which the event
   *     coordinator delivers the SIRE documents to the ORI (V8, default 5)
   */
  public record Timers(String homeEndorsementReminder, Integer sireDocumentsDaysBeforeStart) {

    /** The built-in values of procedures.md §2.g.2 (PROPOSED). */
    public static final Timers BUILT_IN = new Timers("P15D", 5);
  }

  /** Binds the settings; missing sections mean built-in values and no overrides. */
  public VisitingTimerSettings {
    timers = timers == null ? Timers.BUILT_IN : timers;
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
  }

  /** The effective terms of a tenant: its overrides, then the defaults, then the built-in values. */
  public Timers forTenant(String tenantId) {
    Timers own = tenantId == null ? null : tenants.get(tenantId);
    return new Timers(
        pick(own == null ? null : own.homeEndorsementReminder(), timers.homeEndorsementReminder(),
            Timers.BUILT_IN.homeEndorsementReminder()),
        pick(own == null ? null : own.sireDocumentsDaysBeforeStart(), timers.sireDocumentsDaysBeforeStart(),
            Timers.BUILT_IN.sireDocumentsDaysBeforeStart()));
  }

  private static <T> T pick(T own, T defaults, T builtIn) {
    return own != null ? own : defaults != null ? defaults : builtIn;
  }
}
