package co.ori.mobility.freemover;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of {@code free-mover} ({@code procedures.md} §2.e, §5 T06/T36, §7.4) under
 * {@code ori.free-mover} in {@code application.yaml}. Every value the regulation does not give is
 * PROPOSED and meant to be replaced by the current one of the Sede.
 *
 * <pre>
 * ori:
 *   free-mover:
 *     first-period-start: "02-01"     # UNAL academic calendar (month-day), periods not listed below
 *     first-period-end: "06-30"
 *     second-period-start: "08-01"
 *     second-period-end: "12-15"
 *     periods:                        # exact dates of a period of the Sede's calendar (win over the above)
 *       "2026-2": { start: 2026-08-03, end: 2026-12-12 }
 *     fees:                           # COP per academic period (003 Parte 3 §6.f)
 *       undergraduate: { welfare: 0, systematization: 0, insurance: 0 }
 *       postgraduate: { administrative: 0, welfare: 0, insurance: 0 }
 *     signature-reminder: P30D        # FI6 reminder while the signatures are collected
 *     host-decision-follow-up-days: 30  # outgoing: follow up the host's answer this many days before startDate
 *     transcript-wait-days: 60        # outgoing: host transcript chased endDate + 60 days (T50)
 * </pre>
 *
 * @param firstPeriodStart first day of period {@code YYYY-1} (month-day {@code MM-dd})
 * @param firstPeriodEnd last day of period {@code YYYY-1}
 * @param secondPeriodStart first day of period {@code YYYY-2}
 * @param secondPeriodEnd last day of period {@code YYYY-2}
 * @param periods exact dates of named periods ({@code YYYY-1}/{@code YYYY-2}); may be null
 * @param fees fee components of §7.4 (COP)
 * @param signatureReminder ISO-8601 duration of the FI6 reminder (003 Anexo 1; PROPOSED P30D)
 * @param hostDecisionFollowUpDays days before {@code startDate} to follow up the host (T51, PROPOSED 30)
 * @param transcriptWaitDays days after {@code endDate} to chase the host transcript (T50, PROPOSED 60)
 */
@ConfigurationProperties(prefix = "ori.free-mover")
public record FreeMoverSettings(String firstPeriodStart, String firstPeriodEnd, String secondPeriodStart,
    String secondPeriodEnd, Map<String, Period> periods, Fees fees, String signatureReminder,
    Integer hostDecisionFollowUpDays, Integer transcriptWaitDays) {

  /** {@code YYYY-1} or {@code YYYY-2}. */
  public static final Pattern PERIOD = Pattern.compile("(\\d{4})-([12])");

  /**
   * Exact dates of one academic period.
   *
   * @param start first day (inclusive)
   * @param end last day (inclusive)
   */
  public record Period(LocalDate start, LocalDate end) {}

  /**
   * Fee components of 003 Parte 3 §6.f (pesos, COP, per academic period).
   *
   * @param undergraduate §6.f.ii: bienestar, sistematización and póliza estudiantil liquidated by
   *     the table of art. 1 of Acuerdo 100 de 1993 CSU at the maximum PBM (100 points)
   * @param postgraduate §6.f.i: derechos administrativos, bienestar and póliza estudiantil of
   *     Acuerdo 029 de 2010 CSU
   */
  public record Fees(Undergraduate undergraduate, Postgraduate postgraduate) {}

  /**
   * Undergraduate components (COP).
   *
   * @param welfare bienestar
   * @param systematization sistematización
   * @param insurance póliza de seguro estudiantil
   */
  public record Undergraduate(Double welfare, Double systematization, Double insurance) {}

  /**
   * Postgraduate components (COP).
   *
   * @param administrative derechos administrativos
   * @param welfare bienestar
   * @param insurance póliza de seguro estudiantil
   */
  public record Postgraduate(Double administrative, Double welfare, Double insurance) {}

  /**
   * Binds and checks the settings.
   *
   * @throws IllegalStateException when a date, period, fee or term is missing or invalid
   */
  public FreeMoverSettings {
    periods = periods == null ? Map.of() : Map.copyOf(periods);
    for (String p : new String[] {firstPeriodStart, firstPeriodEnd, secondPeriodStart, secondPeriodEnd}) {
      monthDay(p);
    }
    periods.forEach((name, period) -> {
      if (!PERIOD.matcher(name).matches() || period == null || period.start() == null
          || period.end() == null || period.end().isBefore(period.start())) {
        throw new IllegalStateException("ori.free-mover.periods." + name
            + ": debe ser YYYY-1 o YYYY-2 con start y end (end no anterior a start)");
      }
    });
    if (fees == null || fees.undergraduate() == null || fees.postgraduate() == null) {
      throw new IllegalStateException("ori.free-mover.fees: faltan los componentes de pregrado o posgrado");
    }
    nonNegative("undergraduate.welfare", fees.undergraduate().welfare());
    nonNegative("undergraduate.systematization", fees.undergraduate().systematization());
    nonNegative("undergraduate.insurance", fees.undergraduate().insurance());
    nonNegative("postgraduate.administrative", fees.postgraduate().administrative());
    nonNegative("postgraduate.welfare", fees.postgraduate().welfare());
    nonNegative("postgraduate.insurance", fees.postgraduate().insurance());
    if (signatureReminder == null || !signatureReminder.startsWith("P")) {
      throw new IllegalStateException("ori.free-mover.signature-reminder: duración ISO-8601, p. ej. P30D");
    }
    if (hostDecisionFollowUpDays == null || hostDecisionFollowUpDays < 0
        || transcriptWaitDays == null || transcriptWaitDays < 1) {
      throw new IllegalStateException("ori.free-mover: host-decision-follow-up-days (>= 0) y transcript-wait-days (>= 1) son obligatorios");
    }
  }

  /**
   * The first and last day of an academic period of UNAL (T06, 003 Anexo 1 cl. 7: "un (1) periodo
   * académico determinado por el calendario establecido por la Universidad").
   *
   * @param period {@code YYYY-1} or {@code YYYY-2}
   * @throws IllegalArgumentException when the text is not a period
   */
  public Period period(String period) {
    Period exact = periods.get(period);
    if (exact != null) {
      return exact;
    }
    Matcher m = PERIOD.matcher(period == null ? "" : period);
    if (!m.matches()) {
      throw new IllegalArgumentException("No es un periodo académico YYYY-1 o YYYY-2: " + period);
    }
    int year = Integer.parseInt(m.group(1));
    boolean first = m.group(2).equals("1");
    return new Period(monthDay(first ? firstPeriodStart : secondPeriodStart).atYear(year),
        monthDay(first ? firstPeriodEnd : secondPeriodEnd).atYear(year));
  }

  /** The period after the given one ({@code 2026-1} → {@code 2026-2} → {@code 2027-1}). */
  public static String next(String period) {
    Matcher m = PERIOD.matcher(period);
    if (!m.matches()) {
      throw new IllegalArgumentException("No es un periodo académico YYYY-1 o YYYY-2: " + period);
    }
    int year = Integer.parseInt(m.group(1));
    return m.group(2).equals("1") ? year + "-2" : (year + 1) + "-1";
  }

  private static MonthDay monthDay(String text) {
    try {
      return MonthDay.parse("--" + text);
    } catch (RuntimeException e) {
      throw new IllegalStateException("ori.free-mover: '" + text + "' no es un mes-día MM-dd", e);
    }
  }

  private static void nonNegative(String name, Double value) {
    if (value == null || value < 0) {
      throw new IllegalStateException("ori.free-mover.fees." + name + ": obligatorio y no negativo (COP)");
    }
  }
}
