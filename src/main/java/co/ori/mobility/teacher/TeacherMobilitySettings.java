package co.ori.mobility.teacher;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configurable terms of {@code teacher-outgoing-mobility} ({@code procedures.md} §5 T17, T18 and
 * §9 Q12): defaults under {@code ori.teacher-mobility.*}, per-tenant overrides under
 * {@code ori.teacher-mobility.tenants.<tenant>.*}. A property left out falls back to the
 * defaults, then to {@link Terms#BUILT_IN}.
 *
 * <pre>
 * ori:
 *   teacher-mobility:
 *     report-term-days: 10
 *     report-term-business-days: true
 *     work-plan-lead-days: 1
 * </pre>
 *
 * @param reportTermDays days after the end of the mobility to present the activity report (002
 *     art. 36 row 7, art. 37 row 7: "dentro de los diez (10) días siguientes"; default 10)
 * @param reportTermBusinessDays whether those days are Colombian business days (§9 Q12: business
 *     days, configurable; default true) or calendar days
 * @param workPlanLeadDays days before the start by which the work plan must be delivered (002 art.
 *     38 lit. d: "con una antelación no inferior a un día"; default 1)
 * @param tenants overrides by tenant id (may be null)
 */
@ConfigurationProperties(prefix = "ori.teacher-mobility")
public record TeacherMobilitySettings(Integer reportTermDays, Boolean reportTermBusinessDays,
    Integer workPlanLeadDays, Map<String, Terms> tenants) {

  /**
   * One set of terms; a null field means "not set here".
   *
   * @param reportTermDays as {@link TeacherMobilitySettings#reportTermDays()}
   * @param reportTermBusinessDays as {@link TeacherMobilitySettings#reportTermBusinessDays()}
   * @param workPlanLeadDays as {@link TeacherMobilitySettings#workPlanLeadDays()}
   */
  public record Terms(Integer reportTermDays, Boolean reportTermBusinessDays, Integer workPlanLeadDays) {

    /** The values of the regulation and of §9 Q12. */
    public static final Terms BUILT_IN = new Terms(10, true, 1);
  }

  /**
   * Binds the settings and checks them.
   *
   * @throws IllegalStateException when a term is not positive
   */
  public TeacherMobilitySettings {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    check("ori.teacher-mobility", new Terms(reportTermDays, reportTermBusinessDays, workPlanLeadDays));
    tenants.forEach((tenant, terms) -> check("ori.teacher-mobility.tenants." + tenant, terms));
  }

  /** The effective terms of a tenant: its overrides, then the defaults, then the built-in values. */
  public Terms forTenant(String tenantId) {
    Terms own = tenantId == null ? null : tenants.get(tenantId);
    Terms builtIn = Terms.BUILT_IN;
    return new Terms(
        pick(own == null ? null : own.reportTermDays(), reportTermDays, builtIn.reportTermDays()),
        pick(own == null ? null : own.reportTermBusinessDays(), reportTermBusinessDays,
            builtIn.reportTermBusinessDays()),
        pick(own == null ? null : own.workPlanLeadDays(), workPlanLeadDays, builtIn.workPlanLeadDays()));
  }

  private static void check(String where, Terms terms) {
    if (terms == null) {
      return;
    }
    if (terms.reportTermDays() != null && terms.reportTermDays() <= 0) {
      throw new IllegalStateException(where + ".report-term-days debe ser mayor que 0 (es "
          + terms.reportTermDays() + ")");
    }
    if (terms.workPlanLeadDays() != null && terms.workPlanLeadDays() < 0) {
      throw new IllegalStateException(where + ".work-plan-lead-days no puede ser negativo (es "
          + terms.workPlanLeadDays() + ")");
    }
  }

  private static <T> T pick(T own, T defaults, T builtIn) {
    return own != null ? own : defaults != null ? defaults : builtIn;
  }
}
