package co.ori.mobility.incoming;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configurable terms of {@code student-incoming-mobility} (PROPOSED values of
 * {@code procedures.md} §5 and §2.h.1; the regulations give no number): defaults under
 * {@code ori.student-incoming.*}, per-tenant overrides under
 * {@code ori.student-incoming.tenants.<tenant>.*}, then {@link Terms#BUILT_IN}.
 *
 * <pre>
 * ori:
 *   student-incoming:
 *     terms:
 *       grade-certificate-days: 30   # T35: grade certificate due endDate + 30 days
 *       max-corrections: 2           # §2.h.1 D2: correction rounds of the completeness review
 *       majority-age: 18             # CES-SI-02: age of majority when homeCountry has no entry below
 *     majority-ages: {}              # CES-SI-02: age of majority by home country (Spanish name)
 * </pre>
 *
 * @param terms defaults for every tenant (may be null)
 * @param tenants overrides by tenant id (may be null)
 * @param majorityAges age of majority by country name, for CES-SI-02 (may be null)
 */
@ConfigurationProperties(prefix = "ori.student-incoming")
public record StudentIncomingSettings(Terms terms, Map<String, Terms> tenants, Map<String, Integer> majorityAges) {

  /**
   * @param gradeCertificateDays calendar days after {@code endDate} by which the grade certificate
   *     is due (T35, default 30)
   * @param maxCorrections correction rounds of the completeness review (§2.h.1, default 2)
   * @param majorityAge age of majority in years when the home country has no entry (default 18)
   */
  public record Terms(Integer gradeCertificateDays, Integer maxCorrections, Integer majorityAge) {

    /** Built-in values (PROPOSED in procedures.md §5 T35 and §2.h.1). */
    public static final Terms BUILT_IN = new Terms(30, 2, 18);
  }

  /** Binds the settings; missing sections mean built-in values and no overrides. */
  public StudentIncomingSettings {
    terms = terms == null ? Terms.BUILT_IN : terms;
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    majorityAges = majorityAges == null ? Map.of() : Map.copyOf(majorityAges);
  }

  /**
   * The effective terms of a tenant: its override, then the default, then the built-in value.
   *
   * @throws IllegalStateException when a configured value is not positive
   */
  public Terms forTenant(String tenantId) {
    Terms own = tenantId == null ? null : tenants.get(tenantId);
    Terms t = new Terms(
        pick(own == null ? null : own.gradeCertificateDays(), terms.gradeCertificateDays(), Terms.BUILT_IN.gradeCertificateDays()),
        pick(own == null ? null : own.maxCorrections(), terms.maxCorrections(), Terms.BUILT_IN.maxCorrections()),
        pick(own == null ? null : own.majorityAge(), terms.majorityAge(), Terms.BUILT_IN.majorityAge()));
    if (t.gradeCertificateDays() < 1 || t.maxCorrections() < 0 || t.majorityAge() < 14) {
      throw new IllegalStateException("ori.student-incoming: valores no válidos para " + tenantId + ": " + t);
    }
    return t;
  }

  private static Integer pick(Integer own, Integer common, Integer builtIn) {
    return own != null ? own : common != null ? common : builtIn;
  }
}
