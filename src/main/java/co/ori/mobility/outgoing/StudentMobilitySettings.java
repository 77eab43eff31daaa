package co.ori.mobility.outgoing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configurable terms of {@code student-outgoing-mobility} ({@code procedures.md} §2.c, §5, §6, §8.3;
 * every value the regulations leave open is PROPOSED there and lives here; the numbers the
 * regulations state — thresholds, ban lengths, correction chances — are in the tenant DMN tables). Defaults under
 * {@code ori.student-mobility.*}, per-tenant overrides under
 * {@code ori.student-mobility.tenants.<tenant>.*}; a property left out falls back to the defaults,
 * then to {@link Terms#BUILT_IN}.
 *
 * <pre>
 * ori:
 *   student-mobility:
 *     exchange-lead-days: 90
 *     tenants:
 *       unal:
 *         min-passing-grade: 3.0
 * </pre>
 *
 * @param exchangeLeadDays see {@link Terms#exchangeLeadDays()}
 * @param minPassingGrade see {@link Terms#minPassingGrade()}
 * @param hostDecisionDaysBeforeStart see {@link Terms#hostDecisionDaysBeforeStart()}
 * @param returnReportBusinessDays see {@link Terms#returnReportBusinessDays()}
 * @param transcriptChaseDays see {@link Terms#transcriptChaseDays()}
 * @param docsFirstWeekDays see {@link Terms#docsFirstWeekDays()}
 * @param sanctionsUpToApplication see {@link Terms#sanctionsUpToApplication()}
 * @param tenants overrides by tenant id (may be null)
 */
@ConfigurationProperties(prefix = "ori.student-mobility")
public record StudentMobilitySettings(Integer exchangeLeadDays, Double minPassingGrade,
    Integer hostDecisionDaysBeforeStart, Integer returnReportBusinessDays, Integer transcriptChaseDays,
    Integer docsFirstWeekDays, Boolean sanctionsUpToApplication, Map<String, Terms> tenants) {

  /**
   * One set of terms; a null field means "not set here".
   *
   * @param exchangeLeadDays CESMAG exchange: calendar days between the application and the start
   *     of the mobility for the request to be "a tiempo" (002 art. 10.6; §5 T15, PROPOSED 90; rule CES-SO-08)
   * @param minPassingGrade minimum passing grade of the home scale 0–5, used by the grade
   *     conversion and the failed-course count (§8.3, §9 Q38; PROPOSED 3.0)
   * @param hostDecisionDaysBeforeStart calendar days before the start at which the office follows
   *     up the host's decision (§5 T51, PROPOSED 30)
   * @param returnReportBusinessDays Colombian business days after the end for the return report
   *     (§5 T49, PROPOSED 15)
   * @param transcriptChaseDays calendar days after the end to chase the host transcript (§5 T50, PROPOSED 60)
   * @param docsFirstWeekDays UFPS art. 44 "primera semana" of November / May = days 1..n of the
   *     month (§9 Q28, PROPOSED 7)
   * @param sanctionsUpToApplication CESMAG CES-SO-03: also count disciplinary sanctions from
   *     1 January of the previous year up to the application date (§9 Q11, default true)
   */
  public record Terms(Integer exchangeLeadDays, Double minPassingGrade,
      Integer hostDecisionDaysBeforeStart, Integer returnReportBusinessDays, Integer transcriptChaseDays,
      Integer docsFirstWeekDays, Boolean sanctionsUpToApplication) {

    /** The values of the regulations and of the spec's PROPOSED defaults. */
    public static final Terms BUILT_IN = new Terms(90, 3.0, 30, 15, 60, 7, true);
  }

  /**
   * Binds the settings and checks them.
   *
   * @throws IllegalStateException when a term is negative or the passing grade is outside 0–5
   */
  public StudentMobilitySettings {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    check("ori.student-mobility", new Terms(exchangeLeadDays, minPassingGrade,
        hostDecisionDaysBeforeStart, returnReportBusinessDays, transcriptChaseDays, docsFirstWeekDays,
        sanctionsUpToApplication));
    tenants.forEach((tenant, terms) -> check("ori.student-mobility.tenants." + tenant, terms));
  }

  /** The effective terms of a tenant: its overrides, then the defaults, then the built-in values. */
  public Terms forTenant(String tenantId) {
    Terms own = tenantId == null ? null : tenants.get(tenantId);
    Terms b = Terms.BUILT_IN;
    return new Terms(
        pick(own == null ? null : own.exchangeLeadDays(), exchangeLeadDays, b.exchangeLeadDays()),
        pick(own == null ? null : own.minPassingGrade(), minPassingGrade, b.minPassingGrade()),
        pick(own == null ? null : own.hostDecisionDaysBeforeStart(), hostDecisionDaysBeforeStart,
            b.hostDecisionDaysBeforeStart()),
        pick(own == null ? null : own.returnReportBusinessDays(), returnReportBusinessDays,
            b.returnReportBusinessDays()),
        pick(own == null ? null : own.transcriptChaseDays(), transcriptChaseDays, b.transcriptChaseDays()),
        pick(own == null ? null : own.docsFirstWeekDays(), docsFirstWeekDays, b.docsFirstWeekDays()),
        pick(own == null ? null : own.sanctionsUpToApplication(), sanctionsUpToApplication,
            b.sanctionsUpToApplication()));
  }

  private static void check(String where, Terms t) {
    if (t == null) {
      return;
    }
    nonNegative(where + ".exchange-lead-days", t.exchangeLeadDays());
    nonNegative(where + ".host-decision-days-before-start", t.hostDecisionDaysBeforeStart());
    nonNegative(where + ".return-report-business-days", t.returnReportBusinessDays());
    nonNegative(where + ".transcript-chase-days", t.transcriptChaseDays());
    if (t.docsFirstWeekDays() != null && (t.docsFirstWeekDays() < 1 || t.docsFirstWeekDays() > 28)) {
      throw new IllegalStateException(where + ".docs-first-week-days debe estar entre 1 y 28 (es "
          + t.docsFirstWeekDays() + ")");
    }
    if (t.minPassingGrade() != null && (t.minPassingGrade() <= 0 || t.minPassingGrade() >= 5)) {
      throw new IllegalStateException(where + ".min-passing-grade debe estar entre 0 y 5 (es "
          + t.minPassingGrade() + ")");
    }
  }

  private static void nonNegative(String name, Integer value) {
    if (value != null && value < 0) {
      throw new IllegalStateException(name + " no puede ser negativo (es " + value + ")");
    }
  }

  private static <T> T pick(T own, T defaults, T builtIn) {
    return own != null ? own : defaults != null ? defaults : builtIn;
  }
}
