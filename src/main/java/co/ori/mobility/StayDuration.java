package co.ori.mobility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The length of a stay as whole calendar months plus remaining days, the input facts of the
 * tenant decision table {@code stay-type} ({@code processes/decisions/cesmag/stay-type.dmn}).
 *
 * <p>"Stay computation" of {@code procedures.md} §1.2 (PROPOSED, derived from 002 art. 6): the end
 * date is inclusive, so the stay runs over {@code [startDate, endDate + 1 day)}. {@code wholeMonths}
 * is the largest {@code m} with {@code startDate.plusMonths(m) <= endDate + 1 day} (Java's
 * month arithmetic: 31 January plus one month is the last day of February), and
 * {@code extraDays} the days from {@code startDate.plusMonths(wholeMonths)} to
 * {@code endDate + 1 day}. Hence {@code endExcl <= startDate + 3 months} exactly when
 * {@code wholeMonths < 3}, or {@code wholeMonths == 3 && extraDays == 0}: a stay of exactly three
 * months (e.g. 1 March – 31 May) is 3 months and 0 days, one day more is 3 months and 1 day.
 *
 * <p>The calendar arithmetic lives here because it is the same for every institution; the
 * thresholds that make a stay short, medium or long are the institution's and live in its DMN.
 *
 * @param wholeMonths whole months of the stay, {@code >= 0}
 * @param extraDays days beyond the whole months, {@code 0..30}
 */
public record StayDuration(int wholeMonths, int extraDays) {

  /**
   * Computes the duration of a stay.
   *
   * @param startDate first day of the mobility
   * @param endDate last day of the mobility (inclusive), not before {@code startDate}
   * @throws IllegalArgumentException when a date is missing or {@code endDate < startDate}
   */
  public static StayDuration of(LocalDate startDate, LocalDate endDate) {
    if (startDate == null || endDate == null) {
      throw new IllegalArgumentException("startDate and endDate are required");
    }
    if (endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
    }
    LocalDate endExclusive = endDate.plusDays(1);
    int months = 0;
    while (!startDate.plusMonths(months + 1L).isAfter(endExclusive)) {
      months++;
    }
    int days = (int) ChronoUnit.DAYS.between(startDate.plusMonths(months), endExclusive);
    return new StayDuration(months, days);
  }
}
