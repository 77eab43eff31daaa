package co.ori.mobility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ban (sanction) of the bans registry {@code mobility-bans} ({@code procedures.md} §6.4):
 * a person may not take part in the mobility processes of {@link Scope} while it is in force.
 *
 * <p>Three kinds, by the fields that are set:
 * <ul>
 *   <li>period-based: {@code bannedPeriods} ({@code YYYY-1}/{@code YYYY-2}), e.g. CESMAG's two
 *       periods after a withdrawal (002 art. 12.1, 12.2 par. 2, 34.1);</li>
 *   <li>date-based: {@code banUntil}, exclusive: banned while {@code date < banUntil}, e.g. UNAL
 *       one year after the withdrawal oficio (003 Parte 1 §2.13);</li>
 *   <li>open-ended: neither, e.g. {@code EXCHANGE_PERMANENT} (002 art. 9.6).</li>
 * </ul>
 * A lifted ban ({@code liftedAt} set) is kept for the record but no longer applies.
 *
 * @param id registry id, generated ({@code BAN-<year>-<seq>})
 * @param tenantId tenant (institution) that imposed it
 * @param personId the student's or teacher's document id (as in the processes' {@code personId})
 * @param scope which processes it bars
 * @param bannedPeriods academic periods barred, or empty
 * @param banUntil first day the person may apply again, or null
 * @param sourceRule regulation rule, e.g. {@code 002 art. 12.1} or the §6 rule id {@code W2}
 * @param processInstanceId the case that imposed it, or null
 * @param reason Spanish explanation for staff, or null
 * @param createdAt when it was recorded
 * @param liftedAt when it was lifted, or null while it applies
 * @param liftReason why it was lifted, or null
 */
public record Ban(
    String id,
    String tenantId,
    String personId,
    Scope scope,
    List<String> bannedPeriods,
    LocalDate banUntil,
    String sourceRule,
    String processInstanceId,
    String reason,
    OffsetDateTime createdAt,
    OffsetDateTime liftedAt,
    String liftReason) {

  private static final Pattern PERIOD = Pattern.compile("^(\\d{4})-([12])$");

  /** What a ban bars, {@code procedures.md} §6.4. */
  public enum Scope {
    /** CESMAG academic mobility processes (002 art. 12: W2, W5). */
    ACADEMIC_MOBILITY,
    /** CESMAG exchange processes, open-ended (002 art. 9.6: W6). */
    EXCHANGE_PERMANENT,
    /** CESMAG sports mobility (002 art. 34: S2, S4). */
    SPORTS,
    /** CESMAG art and culture mobility (002 art. 34: S2, S4). */
    ART_CULTURE,
    /** CESMAG approval of further teacher mobilities until the report is delivered (002 art. 36–37: TR1). */
    TEACHER_MOBILITY_APPROVAL,
    /** UNAL new mobility requests, one year (003 Parte 1 §2.13: N2). */
    UNAL_NEW_MOBILITY,
    /** UFPS semester mobility (004 art. 19: U1). */
    UFPS_SEMESTER_MOBILITY,
    /** UFPS economic supports (004 art. 19: U1). */
    UFPS_FINANCIAL_SUPPORT,
    /** UFPS programmes with complementary economic support (004 art. 32 par. 2: U7, U8). */
    UFPS_SUPPORT_EXCLUDED
  }

  /** Normalizes a null period list to an empty one. */
  public Ban {
    bannedPeriods = bannedPeriods == null ? List.of() : List.copyOf(bannedPeriods);
  }

  /** True while the ban has not been lifted (serialized as {@code active}). */
  public boolean isActive() {
    return liftedAt == null;
  }

  /**
   * Whether this ban bars an application, {@code procedures.md} §6.4. A lifted ban never does; a
   * period-based ban does when {@code period} is one of {@code bannedPeriods}; a date-based ban
   * when {@code date < banUntil} (on {@code banUntil} itself the person may apply); an open-ended
   * ban always does. The scope and person are not checked here.
   *
   * @param date the application's date, or null to check periods only
   * @param period the application's submission or target period ({@code YYYY-n}), or null to
   *     check dates only
   */
  public boolean applies(LocalDate date, String period) {
    if (!isActive()) {
      return false;
    }
    if (!bannedPeriods.isEmpty()) {
      return period != null && bannedPeriods.contains(period);
    }
    if (banUntil != null) {
      return date != null && date.isBefore(banUntil);
    }
    return true;
  }

  /**
   * The {@code count} academic periods after {@code period} ({@code procedures.md} §6.4 "period
   * arithmetic": withdrawal in P → {@code [P+1, P+2]}), e.g. {@code 2025-2, 2} →
   * {@code [2026-1, 2026-2]}.
   *
   * @throws IllegalArgumentException when {@code period} is not {@code YYYY-1}/{@code YYYY-2}
   */
  public static List<String> followingPeriods(String period, int count) {
    Matcher m = period == null ? null : PERIOD.matcher(period);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("Periodo '" + period + "' no válido; se espera YYYY-1 o YYYY-2");
    }
    int year = Integer.parseInt(m.group(1));
    int half = Integer.parseInt(m.group(2));
    List<String> periods = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (half == 2) {
        year++;
        half = 1;
      } else {
        half = 2;
      }
      periods.add(year + "-" + half);
    }
    return periods;
  }
}
