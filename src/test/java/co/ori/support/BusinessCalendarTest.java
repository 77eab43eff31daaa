package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Colombian business days of {@link BusinessCalendar} against the official holiday lists. */
class BusinessCalendarTest {

  private final BusinessCalendar calendar = new BusinessCalendar();

  /**
   * Official 2026 list (Ley 51 de 1983 moves applied). The brief's list of 18 dates plus
   * Monday 2026-07-13: Día de Nuestra Señora del Rosario de Chiquinquirá (9 July, moved to
   * Monday), national holiday created by Ley 2578 de 2026 (1 June 2026), which Jollyday 2.19.0
   * includes from 2026.
   */
  private static final Set<LocalDate> HOLIDAYS_2026 = Set.of(
      LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 3, 23),
      LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 5, 1),
      LocalDate.of(2026, 5, 18), LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 15),
      LocalDate.of(2026, 6, 29), LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 20),
      LocalDate.of(2026, 8, 7), LocalDate.of(2026, 8, 17), LocalDate.of(2026, 10, 12),
      LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16), LocalDate.of(2026, 12, 8),
      LocalDate.of(2026, 12, 25));

  @Test
  void everyDayOf2026IsClassifiedAsTheOfficialCalendarSays() {
    List<LocalDate> wrong = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY
          || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean expected = !weekend && !HOLIDAYS_2026.contains(d);
      if (calendar.isBusinessDay(d) != expected) {
        wrong.add(d);
      }
    }
    assertThat(wrong).as("days classified differently from the official 2026 list").isEmpty();
    // every official 2026 holiday is on a weekday: 261 weekdays - 19 holidays
    assertThat(HOLIDAYS_2026).allMatch(d -> d.getDayOfWeek().getValue() <= 5);
    long businessDays = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
        .filter(calendar::isBusinessDay).count();
    assertThat(businessDays).isEqualTo(242);
  }

  @Test
  void weekdayHolidaysOf2026AreExactlyTheOfficialList() {
    assertThat(calendar.holidays(2026).stream()
        .filter(d -> d.getDayOfWeek().getValue() <= 5).toList())
        .containsExactlyInAnyOrderElementsOf(HOLIDAYS_2026);
  }

  @Test
  void chiquinquiraHolidayOnlyFrom2026() {
    // Ley 2578 de 2026: first year 2026; 9 July 2027 is a Friday -> Monday 12 July 2027
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 9))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 13))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2027, 7, 12))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 7, 14))).isTrue();
  }

  @Test
  void emilianiMovesIn2025() {
    // San Pedro y San Pablo (Sun 29 June) and Sagrado Corazón (Fri 27 June) -> Mon 30 June
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 6, 30))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 6, 27))).isTrue();
    // Independencia de Cartagena (Tue 11 Nov) -> Mon 17 Nov
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 11, 17))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 11, 11))).isTrue();
    // Todos los Santos (Sat 1 Nov) -> Mon 3 Nov; San José (Wed 19 Mar) -> Mon 24 Mar
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 11, 3))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 3, 24))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 3, 19))).isTrue();
    // fixed holidays are not moved: Batalla de Boyacá Thu 7 Aug 2025
    assertThat(calendar.isBusinessDay(LocalDate.of(2025, 8, 7))).isFalse();
  }

  @Test
  void addBusinessDaysSkipsWeekendAndHoliday() {
    // Friday 20 March 2026 + 1 = Tuesday 24 March (Monday 23 is San José, moved)
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 3, 20), 1))
        .isEqualTo(LocalDate.of(2026, 3, 24));
    // Holy week: Wednesday 1 April + 1 = Monday 6 April (2 and 3 April are holidays)
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 4, 1), 1))
        .isEqualTo(LocalDate.of(2026, 4, 6));
    // 10 business days from Friday 20 March 2026 = Wednesday 8 April
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 3, 20), 10))
        .isEqualTo(LocalDate.of(2026, 4, 8));
    // start on a non-business day: Saturday 21 March + 1 = Tuesday 24 March
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 3, 21), 1))
        .isEqualTo(LocalDate.of(2026, 3, 24));
    // across Christmas: Thursday 24 Dec 2026 + 3 = Wednesday 30 Dec (25 Dec holiday, weekend)
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 12, 24), 3))
        .isEqualTo(LocalDate.of(2026, 12, 30));
  }

  @Test
  void zeroBusinessDaysIsTheStartOrTheNextBusinessDay() {
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 3, 20), 0))
        .isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 3, 21), 0))
        .isEqualTo(LocalDate.of(2026, 3, 24));
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> calendar.addBusinessDays(LocalDate.of(2026, 3, 20), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negativo");
    assertThatThrownBy(() -> calendar.addBusinessDays((Date) null, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
    assertThatThrownBy(() -> calendar.daysBefore(null, 90))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date");
  }

  @Test
  void dateDeadlinesEndAtTheEndOfTheDayInBogota() {
    // 22:30 in Bogota on Friday 20 March 2026 is already Saturday 03:30 UTC: the day counted
    // is the Bogota one
    Date lateFriday = at(2026, 3, 20, 22, 30);
    assertThat(calendar.addBusinessDays(lateFriday, 1)).isEqualTo(at(2026, 3, 24, 23, 59, 59));
    assertThat(calendar.isoDate(calendar.addBusinessDays(lateFriday, 10)))
        .isEqualTo("2026-04-08T23:59:59-05:00");
    assertThat(calendar.endOfDay(at(2026, 3, 20, 0, 0))).isEqualTo(at(2026, 3, 20, 23, 59, 59));
  }

  @Test
  void calendarDaysBeforeAndAfterKeepTheTimeOfDay() {
    Date validUntil = at(2027, 6, 30, 0, 0);
    assertThat(calendar.daysBefore(validUntil, 90)).isEqualTo(at(2027, 4, 1, 0, 0));
    assertThat(calendar.daysAfter(at(2026, 12, 20, 9, 15), 30))
        .isEqualTo(at(2027, 1, 19, 9, 15));
  }

  @Test
  void businessDaysFromNowUsesTheClockInBogota() {
    // 20:00 Bogota on Friday 20 March 2026 (= Saturday 01:00 UTC)
    Clock clock = Clock.fixed(at(2026, 3, 20, 20, 0).toInstant(), BusinessCalendar.ZONE);
    assertThat(new BusinessCalendar(clock).businessDaysFromNow(1))
        .isEqualTo(at(2026, 3, 24, 23, 59, 59));
  }

  private static Date at(int y, int m, int d, int h, int min) {
    return at(y, m, d, h, min, 0);
  }

  private static Date at(int y, int m, int d, int h, int min, int s) {
    return Date.from(ZonedDateTime.of(y, m, d, h, min, s, 0, BusinessCalendar.ZONE).toInstant());
  }
}
