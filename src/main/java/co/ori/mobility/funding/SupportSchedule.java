package co.ori.mobility.funding;

import co.ori.mobility.StayDuration;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The arithmetic of the UFPS complementary support amounts and instalments ({@code procedures.md}
 * §7.1 "Computation"; 004 art. 25–27, 33; §9 Q30), without the engine.
 *
 * <ul>
 *   <li>Support period {@code [supportStart, supportEnd]}, end inclusive (art. 33: the dates of the
 *       acceptance letter and/or the international tickets), split like {@link StayDuration}: one
 *       maintenance instalment per whole month, starting on {@code supportStart},
 *       {@code supportStart + 1 month}, …, with month fraction 1; then, when days remain, one
 *       instalment for the remaining days with fraction {@code days / 30} ("fracción
 *       proporcional", §7.1 PROPOSED). A stay of 4 months and 10 days has 5 instalments: 4 × 1 and
 *       1 × 10/30.</li>
 *   <li>Amount of a maintenance instalment = {@code rate (SMMLV) × SMMLV of the year of its due date
 *       (Q30) × fraction}, rounded to whole pesos (half up). Its due date is the first day it
 *       covers.</li>
 *   <li>Airfare (round trip from Cúcuta, art. 25–28) is the quote entered by the ORII, one instalment
 *       due on the approval day, before the maintenance instalments.</li>
 *   <li>The Comité Administrativo approves an amount (art. 30); the approved schedule pays the
 *       airfare first (up to the approved amount) and spreads the rest over the maintenance
 *       instalments in proportion to the proposed ones (or to their month fractions when the
 *       programme has no rate), each rounded to pesos, the last one taking the rounding remainder.
 *       Approving exactly the proposal gives exactly the proposed instalments.</li>
 *   <li>No extension (art. 47 par.): the schedule never goes beyond {@code supportEnd}.</li>
 * </ul>
 */
public final class SupportSchedule {

  /** Days of a month for the proportional fraction (§7.1, §9 Q30 PROPOSED). */
  public static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

  private SupportSchedule() {}

  /** What an instalment pays. */
  public enum Concept {
    /** Round-trip air tickets from Cúcuta (004 art. 25.1, 26.1, 27.1, 28). */
    AIRFARE("Tiquetes aéreos ida y regreso"),
    /** Lodging and food, per month or proportional fraction (004 art. 25.2, 26.2, 27.2). */
    MAINTENANCE("Hospedaje y alimentación");

    private final String label;

    Concept(String label) {
      this.label = label;
    }

    /** Spanish name. */
    public String label() {
      return label;
    }
  }

  /**
   * One instalment.
   *
   * @param number 1-based order of payment
   * @param concept what it pays
   * @param dueDate payment date
   * @param coveredFrom first day covered (maintenance), or null (airfare)
   * @param coveredTo last day covered, inclusive, or null
   * @param monthFraction 1 for a whole month, {@code days/30} for the remainder, null for airfare
   * @param smmlvYear year of the SMMLV used, or null (airfare, or a programme without a rate)
   * @param smmlv SMMLV used (pesos), or null
   * @param smmlvEstimated true when the due date's year had no SMMLV configured yet
   * @param amount pesos, whole
   */
  public record Instalment(int number, Concept concept, LocalDate dueDate, LocalDate coveredFrom,
      LocalDate coveredTo, BigDecimal monthFraction, Integer smmlvYear, BigDecimal smmlv,
      boolean smmlvEstimated, BigDecimal amount) {}

  /**
   * One month (or the remaining fraction) of the support period.
   *
   * @param from first day
   * @param to last day, inclusive
   * @param fraction 1, or remaining days / 30 (6 decimals)
   */
  public record Period(LocalDate from, LocalDate to, BigDecimal fraction) {}

  /**
   * The months and remaining fraction of a support period.
   *
   * @param start first day (inclusive)
   * @param end last day (inclusive), not before {@code start}
   * @throws IllegalArgumentException when a date is missing or {@code end < start}
   */
  public static List<Period> periods(LocalDate start, LocalDate end) {
    StayDuration stay = StayDuration.of(start, end);
    List<Period> periods = new ArrayList<>();
    for (int m = 0; m < stay.wholeMonths(); m++) {
      periods.add(new Period(start.plusMonths(m), start.plusMonths(m + 1L).minusDays(1), BigDecimal.ONE));
    }
    if (stay.extraDays() > 0) {
      periods.add(new Period(start.plusMonths(stay.wholeMonths()), end,
          BigDecimal.valueOf(stay.extraDays()).divide(DAYS_PER_MONTH, 6, RoundingMode.HALF_UP)));
    }
    return periods;
  }

  /**
   * Support duration in months: whole months + remaining days / 30 (§7.1), 4 decimals.
   */
  public static BigDecimal months(LocalDate start, LocalDate end) {
    StayDuration stay = StayDuration.of(start, end);
    return BigDecimal.valueOf(stay.wholeMonths()).add(
        BigDecimal.valueOf(stay.extraDays()).divide(DAYS_PER_MONTH, 4, RoundingMode.HALF_UP));
  }

  /**
   * The proposed instalments of a programme (the amount the regulation gives).
   *
   * @param start first day of the support period
   * @param end last day of the support period (inclusive)
   * @param monthlyRateSmmlv SMMLV per month (1.5, 1.8, 2.5, 3.0), or null when the programme has no
   *     maintenance formula
   * @param airfare round-trip airfare quote in pesos, or null/0 when not paid
   * @param airfareDue payment date of the airfare
   * @param smmlv SMMLV by year ({@link FinancialSupportSettings#forYear})
   * @return airfare first (when > 0), then one maintenance instalment per period (when a rate is given)
   */
  public static List<Instalment> proposal(LocalDate start, LocalDate end, BigDecimal monthlyRateSmmlv,
      BigDecimal airfare, LocalDate airfareDue, IntFunction<FinancialSupportSettings.Smmlv> smmlv) {
    List<Instalment> result = new ArrayList<>();
    if (airfare != null && airfare.signum() > 0) {
      result.add(new Instalment(1, Concept.AIRFARE, airfareDue, null, null, null, null, null, false,
          airfare.setScale(0, RoundingMode.HALF_UP)));
    }
    if (monthlyRateSmmlv != null) {
      for (Period p : periods(start, end)) {
        FinancialSupportSettings.Smmlv wage = smmlv.apply(p.from().getYear());
        BigDecimal amount = monthlyRateSmmlv.multiply(wage.value()).multiply(p.fraction())
            .setScale(0, RoundingMode.HALF_UP);
        result.add(new Instalment(result.size() + 1, Concept.MAINTENANCE, p.from(), p.from(), p.to(),
            p.fraction(), wage.year(), wage.value(), wage.estimated(), amount));
      }
    }
    return result;
  }

  /** Sum of the instalments' amounts (pesos). */
  public static BigDecimal total(List<Instalment> instalments) {
    return instalments.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The approved schedule: the airfare first (up to the approved amount), the rest spread over the
   * maintenance periods in proportion to the proposed maintenance instalments, or to the month
   * fractions when the programme has none (amount set by the Comité Administrativo).
   *
   * @param proposal the proposal ({@link #proposal})
   * @param start first day of the support period
   * @param end last day of the support period
   * @param approvedAmount pesos approved, {@code > 0}
   * @return instalments with amount {@code > 0}, numbered from 1, summing exactly to
   *     {@code approvedAmount} rounded to pesos
   * @throws IllegalArgumentException when {@code approvedAmount} is not positive
   */
  public static List<Instalment> approved(List<Instalment> proposal, LocalDate start, LocalDate end,
      BigDecimal approvedAmount) {
    if (approvedAmount == null || approvedAmount.signum() <= 0) {
      throw new IllegalArgumentException("approvedAmount must be > 0");
    }
    BigDecimal remaining = approvedAmount.setScale(0, RoundingMode.HALF_UP);
    List<Instalment> result = new ArrayList<>();
    for (Instalment i : proposal) {
      if (i.concept() == Concept.AIRFARE) {
        BigDecimal paid = i.amount().min(remaining);
        result.add(new Instalment(1, Concept.AIRFARE, i.dueDate(), null, null, null, null, null, false, paid));
        remaining = remaining.subtract(paid);
      }
    }
    if (remaining.signum() == 0) {
      return result;
    }
    List<Instalment> maintenance = proposal.stream().filter(i -> i.concept() == Concept.MAINTENANCE).toList();
    List<Instalment> base = maintenance;
    if (base.isEmpty()) {
      base = new ArrayList<>();
      for (Period p : periods(start, end)) {
        base.add(new Instalment(0, Concept.MAINTENANCE, p.from(), p.from(), p.to(), p.fraction(), null, null,
            false, p.fraction()));
      }
    }
    BigDecimal weights = total(base);
    BigDecimal assigned = BigDecimal.ZERO;
    for (int k = 0; k < base.size(); k++) {
      Instalment b = base.get(k);
      BigDecimal amount = k == base.size() - 1
          ? remaining.subtract(assigned)
          : remaining.multiply(b.amount()).divide(weights, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_UP);
      assigned = assigned.add(amount);
      if (amount.signum() > 0) {
        result.add(new Instalment(result.size() + 1, Concept.MAINTENANCE, b.dueDate(), b.coveredFrom(),
            b.coveredTo(), b.monthFraction(), b.smmlvYear(), b.smmlv(), b.smmlvEstimated(), amount));
      }
    }
    return result;
  }
}
