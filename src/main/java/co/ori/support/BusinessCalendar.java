package co.ori.support;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Colombian business days (días hábiles) and deadline dates for timers, as the bean
 * {@code businessCalendar} (procedures.md §0.3 "Business days", §5 Deadlines and timers).
 *
 * <p>A business day is Monday to Friday except the Colombian national holidays (Ley 51 de
 * 1983 "Ley Emiliani" moves, Easter-based holidays, Ley 2578 de 2026), taken from Jollyday
 * ({@link HolidayCalendar#COLOMBIA}). All dates are in the zone {@code America/Bogota}.
 *
 * <p>Convention for deadlines: a deadline given in days ends at the <b>end of the last day</b>,
 * so every {@link Date} this class computes for a deadline is 23:59:59 America/Bogota of the
 * target day (a 10-business-day term gives the whole 10th business day). Usable from BPMN
 * expressions with Camunda {@code Date} variables, e.g.
 * {@code timeDate="${businessCalendar.addBusinessDays(intentionSentDate, 10)}"}.
 */
@Component("businessCalendar")
public class BusinessCalendar {

  /** The zone of every date computed here. */
  public static final ZoneId ZONE = ZoneId.of("America/Bogota");

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.COLOMBIA));
  private final Clock clock;

  /** Creates the calendar on the system clock. */
  @Autowired
  public BusinessCalendar() {
    this(Clock.system(ZONE));
  }

  /**
   * Creates the calendar on the given clock (used by {@link #businessDaysFromNow(int)}).
   *
   * @param clock source of "now"
   */
  public BusinessCalendar(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether a day is a Colombian business day.
   *
   * @param day a calendar day
   * @return true for Monday–Friday that is not a national holiday
   * @throws IllegalArgumentException when {@code day} is null
   */
  public boolean isBusinessDay(LocalDate day) {
    require(day, "day");
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
  }

  /**
   * Whether the day of an instant (in America/Bogota) is a Colombian business day.
   *
   * @param date an instant, e.g. a Camunda {@code Date} variable
   * @return {@link #isBusinessDay(LocalDate)} of its day in America/Bogota
   * @throws IllegalArgumentException when {@code date} is null
   */
  public boolean isBusinessDay(Date date) {
    return isBusinessDay(toLocalDate(require(date, "date")));
  }

  /**
   * The Colombian national holidays (as observed, after Ley Emiliani moves) of a year.
   *
   * @param year a year, e.g. 2026
   * @return observed holiday dates, ascending, without duplicates (weekend dates included)
   */
  public List<LocalDate> holidays(int year) {
    return holidays.getHolidays(Year.of(year)).stream()
        .map(Holiday::getDate).distinct().sorted().toList();
  }

  /**
   * Adds business days to a day.
   *
   * @param start the day the term starts from (any day, business or not)
   * @param n number of business days, {@code n >= 0}; the first business day <b>after</b>
   *     {@code start} is day 1; with {@code n == 0} the result is {@code start} itself when it
   *     is a business day, otherwise the next business day
   * @return the n-th business day after {@code start}; always a business day
   * @throws IllegalArgumentException when {@code start} is null or {@code n < 0}
   */
  public LocalDate addBusinessDays(LocalDate start, int n) {
    require(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException(
          "El número de días hábiles no puede ser negativo (n = " + n + ")");
    }
    LocalDate day = start;
    if (n == 0) {
      while (!isBusinessDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The n-th Colombian business day before a day, counting backwards: the day itself does not
   * count, and {@code n == 0} gives the day itself. E.g. the answer deadline 10 business days
   * before a call's closing date (procedures.md §5 T08).
   *
   * @param day the reference day (any day)
   * @param n number of business days, {@code n >= 0}
   * @return {@code day} for {@code n == 0}, otherwise the n-th business day before it
   * @throws IllegalArgumentException when {@code day} is null or {@code n < 0}
   */
  public LocalDate subtractBusinessDays(LocalDate day, int n) {
    require(day, "day");
    if (n < 0) {
      throw new IllegalArgumentException(
          "El número de días hábiles no puede ser negativo (n = " + n + ")");
    }
    LocalDate at = day;
    int counted = 0;
    while (counted < n) {
      at = at.minusDays(1);
      if (isBusinessDay(at)) {
        counted++;
      }
    }
    return at;
  }

  /**
   * An instant plus an ISO 8601 duration ({@code P30D}, {@code PT720H}, {@code P1M}), calendar
   * arithmetic in America/Bogota; the instant a duration timer started at {@code start} fires.
   *
   * @param start the instant the duration starts from
   * @param isoDuration an ISO 8601 duration
   * @return {@code start} plus the duration
   * @throws IllegalArgumentException when {@code start} is null or the duration is not ISO 8601
   */
  public Date plus(Date start, String isoDuration) {
    GregorianCalendar at = new GregorianCalendar(TimeZone.getTimeZone(ZONE));
    at.setTime(require(start, "start"));
    IsoDurations.parse(isoDuration).addTo(at);
    return at.getTime();
  }

  /**
   * Deadline of {@code n} business days from an instant, for timers.
   *
   * @param start the instant the term starts from (its day in America/Bogota counts as day 0)
   * @param n number of business days, {@code n >= 0}, as in
   *     {@link #addBusinessDays(LocalDate, int)}
   * @return 23:59:59 America/Bogota of the n-th business day after the day of {@code start}
   * @throws IllegalArgumentException when {@code start} is null or {@code n < 0}
   */
  public Date addBusinessDays(Date start, int n) {
    return endOfDay(addBusinessDays(toLocalDate(require(start, "start")), n));
  }

  /**
   * Deadline of {@code n} business days from today (America/Bogota), for timers.
   *
   * @param n number of business days, {@code n >= 0}
   * @return 23:59:59 America/Bogota of the n-th business day after today
   * @throws IllegalArgumentException when {@code n < 0}
   */
  public Date businessDaysFromNow(int n) {
    return endOfDay(addBusinessDays(LocalDate.now(clock.withZone(ZONE)), n));
  }

  /**
   * An instant a number of calendar days earlier, same time of day in America/Bogota; for
   * alert timers such as {@code validUntil − 90 days} (procedures.md §5 T01).
   *
   * @param date the reference instant
   * @param days calendar days to subtract (negative adds)
   * @return {@code date} minus {@code days} calendar days
   * @throws IllegalArgumentException when {@code date} is null
   */
  public Date daysBefore(Date date, int days) {
    return daysAfter(date, -days);
  }

  /**
   * An instant a number of calendar days later, same time of day in America/Bogota; e.g.
   * {@code projectEndDate + 30 days} (procedures.md §5 T10).
   *
   * @param date the reference instant
   * @param days calendar days to add (negative subtracts)
   * @return {@code date} plus {@code days} calendar days
   * @throws IllegalArgumentException when {@code date} is null
   */
  public Date daysAfter(Date date, int days) {
    ZonedDateTime at = Instant.ofEpochMilli(require(date, "date").getTime()).atZone(ZONE);
    return Date.from(at.plusDays(days).toInstant());
  }

  /**
   * 23:59:59 America/Bogota of the day of an instant: the end of a deadline day.
   *
   * @param date an instant
   * @return the last second of its day in America/Bogota
   * @throws IllegalArgumentException when {@code date} is null
   */
  public Date endOfDay(Date date) {
    return endOfDay(toLocalDate(require(date, "date")));
  }

  /**
   * ISO 8601 text of an instant in America/Bogota, e.g. {@code 2026-04-08T23:59:59-05:00};
   * accepted by Camunda timer {@code timeDate} and readable in Cockpit.
   *
   * @param date an instant
   * @return {@code yyyy-MM-dd'T'HH:mm:ssXXX} in America/Bogota
   * @throws IllegalArgumentException when {@code date} is null
   */
  public String isoDate(Date date) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        Instant.ofEpochMilli(require(date, "date").getTime()).atZone(ZONE).withNano(0)
            .toOffsetDateTime());
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(ZONE).toInstant());
  }

  private static LocalDate toLocalDate(Date date) {
    // getTime(), not toInstant(): java.sql.Date does not support toInstant()
    return Instant.ofEpochMilli(date.getTime()).atZone(ZONE).toLocalDate();
  }

  private static <T> T require(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("La fecha '" + name + "' es obligatoria");
    }
    return value;
  }
}
